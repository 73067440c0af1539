import { describe, expect, it } from "vitest";

import {
  driftFlags,
  driftRule,
  MATCH_WINDOW_MS,
  MISSED_AFTER_MS,
  scheduleHistory,
  scoreAt,
} from "./history";

const job = (name: string, createTime: string) => ({
  audienceGenerationJobArn: `arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/${name}`,
  name,
  createTime,
  status: "ACTIVE",
});

const week = (n: number) => new Date(Date.UTC(2026, 10, 2 + 7 * n, 9));

describe("scheduleHistory", () => {
  it("matches runs to due times by the time in their name and calls a due time with no job missed", () => {
    const dueTimes = [week(0), week(1), week(2)];
    const runs = [
      job("fans-2026-11-02T09:00:00Z", "2026-11-02T09:00:03Z"),
      job("fans-2026-11-16T09:00:00Z", "2026-11-16T09:00:02Z"),
    ];
    const history = scheduleHistory({
      dueTimes,
      runs,
      flexibleWindowMinutes: 0,
      now: new Date("2026-11-20T00:00:00Z"),
    });
    expect(history.map((e) => [e.dueTime?.toISOString(), e.job?.name, e.missed])).toEqual([
      ["2026-11-16T09:00:00.000Z", "fans-2026-11-16T09:00:00Z", false],
      ["2026-11-09T09:00:00.000Z", undefined, true],
      ["2026-11-02T09:00:00.000Z", "fans-2026-11-02T09:00:00Z", false],
    ]);
  });

  it("waits the flexible window and the grace before calling a due time missed", () => {
    const due = week(0);
    const at = (ms: number) =>
      scheduleHistory({
        dueTimes: [due],
        runs: [],
        flexibleWindowMinutes: 15,
        now: new Date(due.getTime() + 15 * 60_000 + ms),
      }).length;
    expect(at(MISSED_AFTER_MS - 1)).toBe(0);
    expect(at(MISSED_AFTER_MS)).toBe(1);
  });

  it("matches a job whose name has no due time by its start, within the window", () => {
    const due = week(0);
    const soon = new Date(due.getTime() + MATCH_WINDOW_MS).toISOString();
    const late = new Date(due.getTime() + MATCH_WINDOW_MS + 1).toISOString();
    const now = new Date(due.getTime() + 3_600_000);
    const [matched] = scheduleHistory({
      dueTimes: [due],
      runs: [job("renamed", soon)],
      flexibleWindowMinutes: 0,
      now,
    });
    expect(matched).toMatchObject({ dueTime: due, missed: false });
    const history = scheduleHistory({
      dueTimes: [due],
      runs: [job("renamed", late)],
      flexibleWindowMinutes: 0,
      now,
    });
    expect(history.map((e) => e.missed)).toEqual([false, true]);
    expect(history[0]!.dueTime).toBeUndefined();
  });
});

it("matches to the second, as a run's name carries its due time", () => {
  const due = new Date("2026-12-06T15:45:13.482Z");
  const history = scheduleHistory({
    dueTimes: [due],
    runs: [job("fans-2026-12-06T15:45:13Z", "2026-12-06T15:45:14Z")],
    flexibleWindowMinutes: 0,
    now: new Date("2026-12-06T16:45:00Z"),
  });
  expect(history.map((e) => e.missed)).toEqual([false]);
});

describe("driftFlags", () => {
  it("flags a score more than a point below the median of the three runs before it", () => {
    expect(driftFlags([7, 7.2, 6.9, 5.8].map((score) => ({ score })))).toEqual([
      false,
      false,
      false,
      true,
    ]);
    // Exactly one point below is not "clearly" below.
    expect(driftFlags([7, 7, 7, 6].map((score) => ({ score })))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("needs two scored runs before it, and skips runs without a score", () => {
    expect(driftFlags([{ score: 8 }, { score: 2 }])).toEqual([false, false]);
    expect(driftFlags([{ score: 8 }, { score: undefined }, { score: 8 }, { score: 5 }])).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it("compares only with the last three scored runs", () => {
    expect(driftFlags([1, 1, 1, 8, 8, 8, 7.5].map((score) => ({ score })))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("says its rule in words with the size", () => {
    expect(driftRule("10% of users")).toMatch(/more than 1 point below the median of the 3 runs/);
    expect(driftRule("10% of users")).toContain("10% of users");
  });
});

describe("scoreAt", () => {
  it("reads the score at one size", () => {
    const metrics = {
      relevanceMetrics: [
        { audienceSize: { type: "PERCENTAGE" as const, value: 5 }, score: 6.1 },
        { audienceSize: { type: "PERCENTAGE" as const, value: 10 }, score: 5.2 },
      ],
    };
    expect(scoreAt(metrics, "PERCENTAGE:10")).toBe(5.2);
    expect(scoreAt(metrics, "PERCENTAGE:20")).toBeUndefined();
    expect(scoreAt(undefined, "PERCENTAGE:10")).toBeUndefined();
  });
});
