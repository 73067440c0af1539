import { describe, expect, it } from "vitest";

import { sizeLabel } from "@/lib/format";
import { jobVerdict } from "@/lib/relevance";

import {
  chartDescription,
  formatRecall,
  largestShare,
  noMetricsReason,
  relevancePoints,
  sizeAxisLabel,
} from "./metrics";

describe("relevance points", () => {
  it("orders sizes from smallest to largest whatever order the service sent", () => {
    const points = relevancePoints({
      relevanceMetrics: [
        { audienceSize: { type: "ABSOLUTE", value: 50_000 }, score: 0.4 },
        { audienceSize: { type: "ABSOLUTE", value: 5_000 }, score: 1.9 },
        { audienceSize: { type: "ABSOLUTE", value: 10_000 } },
      ],
    });
    expect(points.map((p) => p.value)).toEqual([5_000, 10_000, 50_000]);
    expect(points[1]!.score).toBeUndefined();
  });

  it("labels absolute sizes as counts and percentage sizes as percentages", () => {
    expect(sizeLabel({ type: "ABSOLUTE", value: 25_000 })).toBe("25,000");
    expect(sizeLabel({ type: "PERCENTAGE", value: 20 })).toBe("20%");
    expect(sizeAxisLabel("ABSOLUTE")).toBe("Audience size (users)");
    expect(sizeAxisLabel("PERCENTAGE")).toBe("Audience size (% of users)");
  });

  it("describes every point for the chart's aria-label", () => {
    const text = chartDescription([
      { type: "PERCENTAGE", value: 5, score: 2.5 },
      { type: "PERCENTAGE", value: 10, score: undefined },
    ]);
    expect(text).toContain("5%: 2.50");
    expect(text).toContain("10%: Not given");
  });
});

describe("recall", () => {
  it("reads as a percentage", () => {
    expect(formatRecall(0.42)).toBe("42%");
    expect(formatRecall(0.054)).toBe("5.4%");
  });

  it("compares with the largest percentage size: close to it means random", () => {
    const points = relevancePoints({
      relevanceMetrics: [5, 10, 50].map((value) => ({
        audienceSize: { type: "PERCENTAGE" as const, value },
        score: 1,
      })),
    });
    const share = largestShare(points);
    expect(share).toBe(0.5);
    expect(jobVerdict(0.52, share, points)?.verdict).toBe("random");
    expect(jobVerdict(0.8, share, points)?.verdict).toBe("strong");
  });

  it("judges absolute sizes by score instead, as their share of users is unknown", () => {
    const points = relevancePoints({
      relevanceMetrics: [{ audienceSize: { type: "ABSOLUTE", value: 5000 }, score: 1 }],
    });
    expect(largestShare(points)).toBeUndefined();
    expect(jobVerdict(0.3, undefined, points)?.basis).toBe("score");
  });
});

describe("why there are no metrics", () => {
  it("says a running job is not finished yet", () => {
    expect(noMetricsReason("CREATE_IN_PROGRESS", false, undefined)?.title).toBe("Not finished yet");
    expect(
      noMetricsReason("CREATE_PENDING", false, { sharedAudienceMetrics: ["NONE"] })?.title,
    ).toBe("Not finished yet");
  });

  it("says a failed job has nothing to score", () => {
    expect(noMetricsReason("CREATE_FAILED", false, undefined)?.title).toBe("The job failed");
  });

  it("says when the model's owner does not share metrics", () => {
    expect(noMetricsReason("ACTIVE", false, { sharedAudienceMetrics: ["NONE"] })?.title).toBe(
      "The model's owner does not share metrics",
    );
  });

  it("says a partner's model whose finished job has no metrics does not share them", () => {
    const partners = { readable: false };
    expect(noMetricsReason("ACTIVE", false, partners)?.title).toBe(
      "The model's owner does not share metrics",
    );
    expect(noMetricsReason("CREATE_IN_PROGRESS", false, partners)?.title).toBe("Not finished yet");
  });

  it("names the likely cause when the model cannot be read", () => {
    expect(noMetricsReason("ACTIVE", false, undefined)?.detail).toMatch(
      /owner does not share metrics/,
    );
  });

  it("has nothing to say when there are metrics", () => {
    expect(noMetricsReason("ACTIVE", true, undefined)).toBeUndefined();
  });
});
