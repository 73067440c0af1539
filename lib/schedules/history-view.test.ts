import { describe, expect, it } from "vitest";

import {
  historyRows,
  lastExportedSize,
  oneActionExportSize,
  pastDueTimes,
  type RunInput,
} from "./history-view";

const weekly = {
  expression: "cron(0 9 ? * MON *)",
  timezone: "Europe/Paris",
  state: "ENABLED",
  creationDate: "2026-11-01T00:00:00.000Z",
};

const run = (name: string, createTime: string, score?: number): RunInput => ({
  audienceGenerationJobArn: `arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/${name}`,
  name,
  createTime,
  status: "ACTIVE",
  metrics:
    score === undefined
      ? undefined
      : {
          relevanceMetrics: [
            { audienceSize: { type: "PERCENTAGE", value: 5 }, score },
            { audienceSize: { type: "PERCENTAGE", value: 10 }, score: score / 2 },
          ],
          recallMetric: 0.4,
        },
});

describe("pastDueTimes", () => {
  it("lists the due times from the schedule's creation to now, in its zone", () => {
    const times = pastDueTimes(weekly, new Date("2026-11-20T00:00:00Z"));
    // Mondays at 09:00 in Paris (UTC+1 in November): 08:00 UTC.
    expect(times.map((t) => t.toISOString())).toEqual([
      "2026-11-02T08:00:00.000Z",
      "2026-11-09T08:00:00.000Z",
      "2026-11-16T08:00:00.000Z",
    ]);
  });

  it("stops at the pause for a paused schedule", () => {
    const times = pastDueTimes(
      { ...weekly, state: "DISABLED", lastModificationDate: "2026-11-10T00:00:00.000Z" },
      new Date("2026-11-20T00:00:00Z"),
    );
    expect(times).toHaveLength(2);
  });
});

describe("historyRows", () => {
  it("joins runs, missed due times and exports, newest first", () => {
    const rows = historyRows({
      schedule: weekly,
      flexibleWindowMinutes: 0,
      runs: [
        run("fans-2026-11-16T08:00:00Z", "2026-11-16T08:00:02Z", 6),
        run("fans-2026-11-02T08:00:00Z", "2026-11-02T08:00:02Z", 7),
      ],
      exports: {
        [run("fans-2026-11-02T08:00:00Z", "").audienceGenerationJobArn]: [
          { createTime: "2026-11-03T00:00:00Z", audienceSize: { type: "PERCENTAGE", value: 10 } },
        ],
        [run("fans-2026-11-16T08:00:00Z", "").audienceGenerationJobArn]: [],
      },
      now: new Date("2026-11-20T00:00:00Z"),
    });
    expect(
      rows.map((r) => [r.dueTime, r.missed, r.job?.name, r.job?.exportCount, r.job?.finished]),
    ).toEqual([
      ["2026-11-16T08:00:00.000Z", false, "fans-2026-11-16T08:00:00Z", 0, true],
      ["2026-11-09T08:00:00.000Z", true, undefined, undefined, undefined],
      ["2026-11-02T08:00:00.000Z", false, "fans-2026-11-02T08:00:00Z", 1, true],
    ]);
    expect(rows[0]!.job!.sizes).toEqual([
      { type: "PERCENTAGE", value: 5, score: 6 },
      { type: "PERCENTAGE", value: 10, score: 3 },
    ]);
  });
});

describe("the one-action export", () => {
  const sizes = [
    { type: "PERCENTAGE" as const, value: 5, score: 8 },
    { type: "PERCENTAGE" as const, value: 10, score: 6 },
    { type: "PERCENTAGE" as const, value: 20, score: 2 },
  ];

  it("takes the size exported last, across the schedule's runs", () => {
    const last = lastExportedSize({
      a: [{ createTime: "2026-11-03T00:00:00Z", audienceSize: { type: "PERCENTAGE", value: 5 } }],
      b: [{ createTime: "2026-11-10T00:00:00Z", audienceSize: { type: "PERCENTAGE", value: 20 } }],
      c: null,
    });
    expect(last).toEqual({ type: "PERCENTAGE", value: 20 });
    expect(oneActionExportSize(last, 0.4, sizes)).toEqual({ size: last, why: "last" });
  });

  it("takes the suggested size when nothing was exported", () => {
    expect(lastExportedSize({ a: [] })).toBeUndefined();
    // The largest size keeping 70% of the best score (8): 10% scores 6.
    expect(oneActionExportSize(undefined, 0.4, sizes)).toEqual({
      size: { type: "PERCENTAGE", value: 10 },
      why: "suggested",
    });
    expect(oneActionExportSize(undefined, 0.4, [])).toBeUndefined();
  });

  it("offers no size for a run close to random, as its job page suggests none", () => {
    // Recall 21% where 20% of the users picked at random would give 20%.
    expect(oneActionExportSize(undefined, 0.21, sizes)).toBeUndefined();
  });
});
