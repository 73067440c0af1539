import { describe, expect, it } from "vitest";

import { finishedMessage, newlyFinished, watchTitle, type WatchedJob } from "./notifications";

const job = (name: string, status: WatchedJob["status"]): WatchedJob => ({
  arn: `arn:${name}`,
  name,
  status,
});

describe("the tab title while jobs are unfinished", () => {
  it("shows one job's status, then its final status", () => {
    expect(watchTitle([job("Spring lookalike", "CREATE_IN_PROGRESS")], false, "x")).toBe(
      "Generating · Spring lookalike",
    );
    expect(watchTitle([job("Spring lookalike", "ACTIVE")], true, "x")).toBe(
      "Active · Spring lookalike",
    );
    expect(watchTitle([job("Spring lookalike", "CREATE_FAILED")], true, "x")).toBe(
      "Failed · Spring lookalike",
    );
  });

  it("keeps the page's own title for jobs that were finished when it opened", () => {
    expect(watchTitle([job("Done", "ACTIVE")], false, "x")).toBeUndefined();
    expect(
      watchTitle([job("A", "ACTIVE"), job("B", "ACTIVE")], false, "Compare jobs"),
    ).toBeUndefined();
    // A job followed to its deletion: nothing left to show a status of.
    expect(watchTitle([], true, "Spring lookalike")).toBeUndefined();
  });

  it("counts a comparison's unfinished jobs, names a single one, and says when all are done", () => {
    const jobs = [job("A", "CREATE_PENDING"), job("B", "CREATE_IN_PROGRESS"), job("C", "ACTIVE")];
    expect(watchTitle(jobs, true, "Compare jobs")).toBe("2 running · Compare jobs");
    expect(watchTitle([job("A", "ACTIVE"), jobs[1]!, jobs[2]!], true, "Compare jobs")).toBe(
      "Generating · B",
    );
    expect(watchTitle([job("A", "ACTIVE"), job("B", "ACTIVE")], true, "Compare jobs")).toBe(
      "All finished · Compare jobs",
    );
  });
});

describe("which jobs just finished", () => {
  it("is the jobs that went from in flight to a final status, not the new or unchanged ones", () => {
    const before = new Map<string, WatchedJob["status"]>([
      ["arn:A", "CREATE_IN_PROGRESS"],
      ["arn:B", "ACTIVE"],
      ["arn:C", "CREATE_PENDING"],
    ]);
    const now = [
      job("A", "ACTIVE"),
      job("B", "ACTIVE"),
      job("C", "CREATE_IN_PROGRESS"),
      job("D", "ACTIVE"),
    ];
    expect(newlyFinished(before, now).map((j) => j.name)).toEqual(["A"]);
    expect(
      newlyFinished(new Map([["arn:A", "CREATE_PENDING"]]), [job("A", "CREATE_FAILED")]),
    ).toHaveLength(1);
  });

  it("words the notification by its outcome", () => {
    expect(finishedMessage(job("Spring", "ACTIVE"))).toEqual({
      title: "Spring: Active",
      body: expect.stringContaining("The audience is ready"),
    });
    expect(finishedMessage(job("Spring", "CREATE_FAILED")).title).toBe("Spring: Failed");
  });
});
