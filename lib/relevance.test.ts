import { describe, expect, it } from "vitest";

import {
  jobAdvice,
  jobVerdict,
  randomRecall,
  suggestionRule,
  verdictRule,
  type ScoredSize,
} from "./relevance";

const pct = (scores: [number, number | undefined][]): ScoredSize[] =>
  scores.map(([value, score]) => ({ type: "PERCENTAGE", value, score }));
const abs = (scores: [number, number | undefined][]): ScoredSize[] =>
  scores.map(([value, score]) => ({ type: "ABSOLUTE", value, score }));

describe("the verdict", () => {
  it("judges percentage sizes by recall against the random level (the largest size's share)", () => {
    const sizes = pct([
      [5, 2],
      [50, 0.5],
    ]);
    expect(randomRecall(sizes)).toBe(0.5);
    expect(jobVerdict(0.52, 0.5, sizes)).toEqual({ verdict: "random", basis: "recall" });
    expect(jobVerdict(0.65, 0.5, sizes)).toEqual({ verdict: "moderate", basis: "recall" });
    expect(jobVerdict(0.8, 0.5, sizes)).toEqual({ verdict: "strong", basis: "recall" });
  });

  it("judges absolute sizes by the best score, since their random level is unknown", () => {
    expect(randomRecall(abs([[5000, 9]]))).toBeUndefined();
    expect(jobVerdict(0.9, undefined, abs([[5000, 8.5]]))).toEqual({
      verdict: "strong",
      basis: "score",
    });
    expect(jobVerdict(0.9, undefined, abs([[5000, 4]]))?.verdict).toBe("moderate");
    expect(jobVerdict(undefined, undefined, abs([[5000, 1.2]]))?.verdict).toBe("random");
  });

  it("has nothing to say without recall or scores", () => {
    expect(jobVerdict(undefined, undefined, abs([[5000, undefined]]))).toBeUndefined();
  });

  it("states its thresholds in words", () => {
    expect(verdictRule("recall")).toMatch(/Strong when recall closes at least 50%/);
    expect(verdictRule("score")).toMatch(/at least 6 out of 10, moderate from 3/);
  });
});

describe("the suggested size", () => {
  it("is the largest size that keeps at least 70% of the best score", () => {
    const { suggestion: s } = jobAdvice(
      undefined,
      abs([
        [5000, 9],
        [10000, 7],
        [25000, 6.3],
        [50000, 3],
      ]),
    );
    expect(s?.size.value).toBe(25000);
    expect(s?.best).toBe(9);
    expect(s?.floor).toBeCloseTo(6.3);
    expect(suggestionRule()).toBe(
      "the largest size whose relevance score keeps at least 70% of the best score",
    );
  });

  it("skips sizes without a score and suggests nothing when every score is 0 or missing", () => {
    expect(
      jobAdvice(
        0.9,
        pct([
          [5, 7],
          [10, undefined],
        ]),
      ).suggestion?.size.value,
    ).toBe(5);
    expect(jobAdvice(undefined, abs([[5, undefined]])).suggestion).toBeUndefined();
    expect(jobAdvice(undefined, []).suggestion).toBeUndefined();
  });

  it("is withheld when the verdict is close to random, saying what to try instead", () => {
    // Recall 0.22 against a random level of 20%: close to random, though the scores alone would suggest 5%.
    const sizes = pct([
      [5, 2.4],
      [10, 1.6],
      [20, 0.8],
    ]);
    const advice = jobAdvice(0.22, sizes);
    expect(advice.verdict?.verdict).toBe("random");
    expect(advice.suggestion).toBeUndefined();
    expect(advice.withheld).toMatch(/No size is suggested.*Try a more specific seed/);
    // The same sizes with a recall well above random do get a suggestion.
    expect(jobAdvice(0.7, sizes)).toMatchObject({
      verdict: { verdict: "strong" },
      suggestion: { size: { value: 5 } },
      withheld: undefined,
    });
  });

  it("takes the random level from the model's bins when the job's sizes are not percentages", () => {
    expect(randomRecall([], { type: "PERCENTAGE", values: [5, 30] })).toBe(0.3);
    expect(randomRecall([], { type: "ABSOLUTE", values: [5000] })).toBeUndefined();
  });
});
