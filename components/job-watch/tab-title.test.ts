import { describe, expect, it } from "vitest";

import { jobTabTitle } from "./tab-title";

const job = (status: Parameters<typeof jobTabTitle>[0]["status"]) => ({
  audienceGenerationJobArn:
    "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/j",
  name: "Spring lookalike",
  status,
});

describe("a job page's tab title from the first paint", () => {
  it("carries the status of a job in flight and of a finished one alike", () => {
    expect(jobTabTitle(job("CREATE_IN_PROGRESS"))).toBe("Generating · Spring lookalike");
    expect(jobTabTitle(job("ACTIVE"))).toBe("Active · Spring lookalike");
    expect(jobTabTitle(job("CREATE_FAILED"))).toBe("Failed · Spring lookalike");
  });
});
