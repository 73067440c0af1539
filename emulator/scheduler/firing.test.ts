/**
 * When schedules fire on the service's clock: waits divided by the time
 * scale, rates counted from their start, the flexible window's offset, and
 * catching up after the service was stopped. Pure functions, fixed dates.
 */
import { describe, expect, it } from "vitest";

import { apiMembersOf, followingFiring, planNext, substituteContext } from "./firing";

const T0 = Date.parse("2026-03-02T08:00:00Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const schedule = (expression: string, extra: Partial<Parameters<typeof planNext>[0]> = {}) => ({
  arn: "arn:aws:scheduler:us-east-1:111122223333:schedule/default/test",
  schedule_expression: expression,
  timezone: null,
  start_date: null,
  end_date: null,
  flexible_time_window: JSON.stringify({ Mode: "OFF" }),
  last_modification_date: T0,
  ...extra,
});

describe("planNext", () => {
  it("fires at the scheduled time at time scale 1", () => {
    expect(planNext(schedule("cron(0 9 * * ? *)"), { time: T0, due: T0 }, 1, 0)).toEqual({
      time: Date.parse("2026-03-02T09:00:00Z"),
      due: Date.parse("2026-03-02T09:00:00Z"),
      offset: 0,
    });
  });

  it("divides the wait by the time scale", () => {
    // An hour's wait at time scale 100 is 36 s.
    expect(planNext(schedule("cron(0 9 * * ? *)"), { time: T0, due: T0 }, 100, 0)).toMatchObject({
      time: Date.parse("2026-03-02T09:00:00Z"),
      due: T0 + 36_000,
    });
  });

  it("starts a rate at once when it has no StartDate, else at its StartDate", () => {
    expect(planNext(schedule("rate(5 minutes)"), { time: T0, due: T0 }, 1, 0)?.time).toBe(T0);
    const start = T0 + 2 * HOUR;
    expect(
      planNext(schedule("rate(5 minutes)", { start_date: start }), { time: T0, due: T0 }, 10, 0),
    ).toMatchObject({ time: start, due: T0 + (2 * HOUR) / 10 });
  });

  it("puts a flexible firing somewhere in its window, the same for the same seed", () => {
    const flexible = schedule("cron(0 9 * * ? *)", {
      flexible_time_window: JSON.stringify({ Mode: "FLEXIBLE", MaximumWindowInMinutes: 15 }),
    });
    const offsets = [1, 2, 3, 4, 5].map(
      (seed) => planNext(flexible, { time: T0, due: T0 }, 1, seed)!.offset,
    );
    for (const offset of offsets) {
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(15 * MINUTE);
    }
    expect(new Set(offsets).size).toBeGreaterThan(1);
    expect(planNext(flexible, { time: T0, due: T0 }, 1, 3)).toEqual(
      planNext(flexible, { time: T0, due: T0 }, 1, 3),
    );
  });

  it("has nothing to plan after the end date", () => {
    const ended = schedule("cron(0 9 * * ? *)", { end_date: T0 + 30 * MINUTE });
    expect(planNext(ended, { time: T0, due: T0 }, 1, 0)).toBeNull();
  });
});

describe("followingFiring", () => {
  const hourly = schedule("rate(1 hour)");

  it("counts on from the fired time", () => {
    const fired = { time: T0 + HOUR, due: T0 + HOUR };
    expect(followingFiring(hourly, fired, T0 + HOUR + 200, 1, 0)).toEqual({
      time: T0 + 2 * HOUR,
      due: T0 + 2 * HOUR,
      offset: 0,
    });
    // At time scale 100 the next hour is 36 s after the last one was due.
    expect(followingFiring(hourly, { time: T0 + HOUR, due: T0 }, T0 + 100, 100, 0)).toEqual({
      time: T0 + 2 * HOUR,
      due: T0 + 36_000,
      offset: 0,
    });
  });

  it("skips the times missed while the service was stopped and carries on from the present", () => {
    // Due at T0 + 1 h, fired five and a half hours late: 2 h … 6 h are skipped.
    const fired = { time: T0 + HOUR, due: T0 + HOUR };
    const now = T0 + 6.5 * HOUR;
    expect(followingFiring(hourly, fired, now, 1, 0)).toEqual({
      time: T0 + 7 * HOUR,
      due: T0 + 7 * HOUR,
      offset: 0,
    });
  });
});

describe("the target's Input", () => {
  it("gets the context attributes, as EventBridge Scheduler writes them", () => {
    expect(
      substituteContext(
        '{"Name":"run-<aws.scheduler.scheduled-time>","Description":"<aws.scheduler.schedule-arn> <aws.scheduler.execution-id> #<aws.scheduler.attempt-number>"}',
        {
          scheduledTime: Date.parse("2026-03-02T09:00:00.250Z"),
          scheduleArn: "arn:x",
          executionId: "e-1",
          attempt: 1,
        },
      ),
    ).toBe('{"Name":"run-2026-03-02T09:00:00Z","Description":"arn:x e-1 #1"}');
  });

  it("is read with the API's member names, map keys untouched", () => {
    expect(
      apiMembersOf({
        Name: "n",
        SeedAudience: {
          RoleArn: "r",
          SqlParameters: { QueryString: "q", Parameters: { Segment: "travel" } },
          SqlComputeConfiguration: { Worker: { Properties: { Spark: { "spark.x": "1" } } } },
        },
        Tags: { "dashboard:schedule": "weekly", Team: "growth" },
      }),
    ).toEqual({
      name: "n",
      seedAudience: {
        roleArn: "r",
        sqlParameters: { queryString: "q", parameters: { Segment: "travel" } },
        sqlComputeConfiguration: { worker: { properties: { spark: { "spark.x": "1" } } } },
      },
      tags: { "dashboard:schedule": "weekly", Team: "growth" },
    });
    expect(() => apiMembersOf({ SeedAudience: { roleArn: "r" } })).toThrow(
      /SeedAudience\.roleArn is not a member .* \(RoleArn\)/,
    );
  });
});
