import { describe, expect, it } from "vitest";

import { countWords, jobs } from "./list-status";

describe("the list's count", () => {
  it("agrees in number: 1 job, 2 jobs, 1,200 jobs (never “All 1 jobs”)", () => {
    expect(jobs(1)).toBe("1 job");
    expect(jobs(2)).toBe("2 jobs");
    expect(jobs(1200)).toBe("1,200 jobs");
  });

  it("is worded one way with and without filters: N jobs, or N of M jobs when filters hide some", () => {
    expect(countWords({ shown: 1, loaded: 1, moreToLoad: false })).toBe("1 job");
    expect(countWords({ shown: 12, loaded: 12, moreToLoad: false })).toBe("12 jobs");
    expect(countWords({ shown: 1, loaded: 12, moreToLoad: false })).toBe("1 of 12 jobs");
    expect(countWords({ shown: 0, loaded: 2, moreToLoad: false })).toBe("0 of 2 jobs");
    expect(countWords({ shown: 100, loaded: 100, moreToLoad: true })).toBe(
      "100 jobs loaded so far, more to load",
    );
    expect(countWords({ shown: 3, loaded: 100, moreToLoad: true })).toBe(
      "3 of 100 jobs loaded so far, more to load",
    );
  });
});
