import { describe, expect, it } from "vitest";

import {
  exportJobPhase,
  generationJobPhase,
  generationSeconds,
  type GenerationJobTimes,
} from "./lifecycle";

const job: GenerationJobTimes = {
  createTime: 1_000,
  pendingMs: 500,
  outcome: null,
  finishTime: null,
  deleteTime: null,
  deletePendingMs: null,
  deleteProgressMs: null,
};

describe("generationJobPhase", () => {
  it("follows the stored times", () => {
    expect(generationJobPhase(job, 1_000)).toEqual({ status: "CREATE_PENDING", updateTime: 1_000 });
    expect(generationJobPhase(job, 1_499)).toEqual({ status: "CREATE_PENDING", updateTime: 1_000 });
    expect(generationJobPhase(job, 1_500)).toEqual({
      status: "CREATE_IN_PROGRESS",
      updateTime: 1_500,
    });
    expect(generationJobPhase(job, 99_999)).toEqual({
      status: "CREATE_IN_PROGRESS",
      updateTime: 1_500,
    });
    const done = { ...job, outcome: "ACTIVE" as const, finishTime: 5_000 };
    expect(generationJobPhase(done, 4_999)).toEqual({
      status: "CREATE_IN_PROGRESS",
      updateTime: 1_500,
    });
    expect(generationJobPhase(done, 5_000)).toEqual({ status: "ACTIVE", updateTime: 5_000 });
    const failed = { ...job, outcome: "CREATE_FAILED" as const, finishTime: 2_000 };
    expect(generationJobPhase(failed, 2_000)).toEqual({
      status: "CREATE_FAILED",
      updateTime: 2_000,
    });
  });

  it("goes through deletion to gone", () => {
    const deleting = {
      ...job,
      outcome: "ACTIVE" as const,
      finishTime: 5_000,
      deleteTime: 10_000,
      deletePendingMs: 200,
      deleteProgressMs: 600,
    };
    expect(generationJobPhase(deleting, 10_000)).toEqual({
      status: "DELETE_PENDING",
      updateTime: 10_000,
    });
    expect(generationJobPhase(deleting, 10_200)).toEqual({
      status: "DELETE_IN_PROGRESS",
      updateTime: 10_200,
    });
    expect(generationJobPhase(deleting, 10_800)).toEqual({ status: "GONE", updateTime: 10_800 });
  });

  it("applies to export jobs too", () => {
    const exportJob = { createTime: 0, pendingMs: 100, outcome: null, finishTime: null };
    expect(exportJobPhase(exportJob, 50).status).toBe("CREATE_PENDING");
    expect(exportJobPhase(exportJob, 150).status).toBe("CREATE_IN_PROGRESS");
    expect(exportJobPhase({ ...exportJob, outcome: "ACTIVE", finishTime: 300 }, 300)).toEqual({
      status: "ACTIVE",
      updateTime: 300,
    });
  });
});

describe("generationSeconds", () => {
  it("takes 20 to 40 s for a demo seed on the default compute", () => {
    expect(generationSeconds(2000)).toBeGreaterThan(20);
    expect(generationSeconds(2000)).toBeLessThan(40);
  });

  it("grows with the seed size", () => {
    const sizes = [0, 25, 1000, 10_000, 100_000, 500_000];
    for (let i = 1; i < sizes.length; i++) {
      expect(generationSeconds(sizes[i] ?? 0)).toBeGreaterThan(
        generationSeconds(sizes[i - 1] ?? 0),
      );
    }
  });

  it("shrinks with the worker type and number", () => {
    const seed = 10_000;
    expect(generationSeconds(seed, { type: "CR.4X" })).toBeLessThan(
      generationSeconds(seed, { type: "CR.1X" }),
    );
    expect(generationSeconds(seed, { type: "CR.8X" })).toBeLessThan(
      generationSeconds(seed, { type: "CR.4X" }),
    );
    expect(generationSeconds(seed, { number: 32 })).toBeLessThan(
      generationSeconds(seed, { number: 16 }),
    );
    expect(generationSeconds(seed, { number: 2 })).toBeGreaterThan(generationSeconds(seed));
    expect(generationSeconds(seed, { type: "CR.8X", number: 400 })).toBeGreaterThan(12);
  });
});
