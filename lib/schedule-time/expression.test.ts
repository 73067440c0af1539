import { describe, expect, it } from "vitest";

import {
  describeScheduleExpression,
  formatScheduledTime,
  instantOf,
  isValidTimeZone,
  neverFiresReason,
  nextFireTimes,
  parseScheduleExpression,
} from "./expression";

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
const fire = (
  expr: string,
  after: string,
  count: number,
  extra: { timezone?: string; startDate?: string; endDate?: string } = {},
) =>
  iso(
    nextFireTimes(expr, {
      after: new Date(after),
      count,
      timezone: extra.timezone,
      startDate: extra.startDate ? new Date(extra.startDate) : undefined,
      endDate: extra.endDate ? new Date(extra.endDate) : undefined,
    }),
  );

function errorOf(expr: string): string {
  const parsed = parseScheduleExpression(expr);
  if (parsed.ok) throw new Error(`${expr} parsed`);
  return parsed.error;
}

describe("parseScheduleExpression", () => {
  it("reads the three kinds", () => {
    const cron = parseScheduleExpression("cron(0 9 ? * MON *)");
    expect(cron.ok && cron.expression.kind).toBe("cron");
    const rate = parseScheduleExpression("rate(5 minutes)");
    expect(rate.ok && rate.expression).toMatchObject({ kind: "rate", value: 5, unit: "minute" });
    const at = parseScheduleExpression("at(2026-03-01T09:00:00)");
    expect(at.ok && at.expression).toMatchObject({
      kind: "at",
      at: { year: 2026, month: 3, day: 1, hour: 9 },
    });
  });

  it("refuses a cron with both day fields set or both ?", () => {
    expect(errorOf("cron(0 9 * * MON *)")).toMatch(/one of them must be \?/);
    expect(errorOf("cron(0 9 ? * ? *)")).toMatch(/both \?/);
  });

  it("names the field at fault and what it takes", () => {
    expect(errorOf("cron(0 9 * * ?)")).toMatch(/six fields .* got 5/);
    expect(errorOf("cron(60 9 * * ? *)")).toMatch(
      /^Minutes field "60": 60 is out of range\. It takes 0-59/,
    );
    expect(errorOf("cron(0 24 * * ? *)")).toMatch(/^Hours field/);
    expect(errorOf("cron(0 9 32 * ? *)")).toMatch(/^Day-of-month field "32"/);
    expect(errorOf("cron(0 9 ? FOO MON *)")).toMatch(
      /^Month field "FOO": "FOO" is not a number or a name\. It takes 1-12 or JAN-DEC/,
    );
    expect(errorOf("cron(0 9 ? * 8 *)")).toMatch(/^Day-of-week field "8".*1-7 or SUN-SAT/);
    expect(errorOf("cron(0 9 ? * MON/2 *)")).toMatch(/increments \(\/\) are not allowed/);
    expect(errorOf("cron(0 9 ? * 3#1,6#3 *)")).toMatch(/# takes one day/);
    expect(errorOf("cron(0 9 ? * 2#6 *)")).toMatch(/use 1 to 5/);
    expect(errorOf("cron(0 9 * * ? 2200)")).toMatch(/^Year field "2200"/);
    expect(errorOf("cron(0 17-9 * * ? *)")).toMatch(/runs backwards/);
    expect(errorOf("cron(0 ? * * ? *)")).toMatch(/\? is only for Day-of-month or Day-of-week/);
  });

  it("wants a singular unit for 1 and a plural one above", () => {
    expect(parseScheduleExpression("rate(1 hour)").ok).toBe(true);
    expect(parseScheduleExpression("rate(2 days)").ok).toBe(true);
    expect(errorOf("rate(1 minutes)")).toBe(
      "For a value of 1 the unit is singular: rate(1 minute).",
    );
    expect(errorOf("rate(5 minute)")).toBe(
      "For a value above 1 the unit is plural: rate(5 minutes).",
    );
    expect(errorOf("rate(0 minutes)")).toMatch(/at least 1/);
    expect(errorOf("rate(2 weeks)")).toMatch(/minutes, hours or days/);
    expect(errorOf("rate(5)")).toMatch(/a value and a unit/);
  });

  it("refuses an at() that is not a date", () => {
    expect(errorOf("at(2026-02-30T10:00:00)")).toMatch(/not a date \(that month has 28 days\)/);
    expect(errorOf("at(2026-03-01 10:00)")).toMatch(/yyyy-mm-ddThh:mm:ss/);
    expect(errorOf("at(2026-03-01T24:00:00)")).toMatch(/not a time of day/);
  });

  it("refuses anything else", () => {
    expect(errorOf("")).toMatch(/Enter a schedule expression/);
    expect(errorOf("0 9 * * 1")).toMatch(/not a schedule expression/);
    expect(errorOf(`cron(${"0 ".repeat(200)})`)).toMatch(/at most 256/);
  });
});

describe("nextFireTimes: the user guide's cron examples (UTC)", () => {
  it("10:00 every day", () => {
    expect(fire("cron(0 10 * * ? *)", "2026-01-05T11:00:00Z", 2)).toEqual([
      "2026-01-06T10:00:00.000Z",
      "2026-01-07T10:00:00.000Z",
    ]);
  });

  it("18:00 Monday to Friday", () => {
    // 9 January 2026 is a Friday.
    expect(fire("cron(0 18 ? * MON-FRI *)", "2026-01-09T19:00:00Z", 2)).toEqual([
      "2026-01-12T18:00:00.000Z",
      "2026-01-13T18:00:00.000Z",
    ]);
  });

  it("08:00 on the first of every month", () => {
    expect(fire("cron(0 8 1 * ? *)", "2026-01-15T00:00:00Z", 2)).toEqual([
      "2026-02-01T08:00:00.000Z",
      "2026-03-01T08:00:00.000Z",
    ]);
  });

  it("every 15 minutes", () => {
    expect(fire("cron(0/15 * * * ? *)", "2026-01-05T10:07:00Z", 4)).toEqual([
      "2026-01-05T10:15:00.000Z",
      "2026-01-05T10:30:00.000Z",
      "2026-01-05T10:45:00.000Z",
      "2026-01-05T11:00:00.000Z",
    ]);
  });

  it("every 10 minutes Monday to Friday", () => {
    expect(fire("cron(0/10 * ? * MON-FRI *)", "2026-01-09T23:55:00Z", 2)).toEqual([
      "2026-01-12T00:00:00.000Z",
      "2026-01-12T00:10:00.000Z",
    ]);
  });

  it("every 5 minutes between 8:00 and 17:55 on weekdays", () => {
    expect(fire("cron(0/5 8-17 ? * MON-FRI *)", "2026-01-12T17:52:00Z", 2)).toEqual([
      "2026-01-12T17:55:00.000Z",
      "2026-01-13T08:00:00.000Z",
    ]);
  });

  it("09:00 on the first Monday of the month (2#1)", () => {
    expect(fire("cron(0 9 ? * 2#1 *)", "2026-01-10T00:00:00Z", 2)).toEqual([
      "2026-02-02T09:00:00.000Z",
      "2026-03-02T09:00:00.000Z",
    ]);
  });

  it("10:15 on the last Friday of each month in 2022-2023 (6L), then never", () => {
    expect(fire("cron(15 10 ? * 6L 2022-2023)", "2022-01-01T00:00:00Z", 2)).toEqual([
      "2022-01-28T10:15:00.000Z",
      "2022-02-25T10:15:00.000Z",
    ]);
    expect(fire("cron(15 10 ? * 6L 2022-2023)", "2023-12-01T00:00:00Z", 3)).toEqual([
      "2023-12-29T10:15:00.000Z",
    ]);
  });

  it("the last day of the month (L), leap years included", () => {
    expect(fire("cron(0 10 L * ? *)", "2024-02-01T00:00:00Z", 2)).toEqual([
      "2024-02-29T10:00:00.000Z",
      "2024-03-31T10:00:00.000Z",
    ]);
  });

  it("the weekday nearest a day (W), never leaving the month, and the last weekday (LW)", () => {
    // 1 August 2026 is a Saturday: 1W is Monday the 3rd, not Friday 31 July.
    expect(fire("cron(0 10 1W * ? *)", "2026-07-15T00:00:00Z", 1)).toEqual([
      "2026-08-03T10:00:00.000Z",
    ]);
    // 15 February 2026 is a Sunday: 15W is Monday the 16th.
    expect(fire("cron(0 10 15W 2 ? *)", "2026-01-01T00:00:00Z", 1)).toEqual([
      "2026-02-16T10:00:00.000Z",
    ]);
    // 31 May 2026 is a Sunday: the last weekday is Friday the 29th.
    expect(fire("cron(0 10 LW 5 ? *)", "2026-01-01T00:00:00Z", 1)).toEqual([
      "2026-05-29T10:00:00.000Z",
    ]);
  });

  it("names and numbers agree: 1 is Sunday", () => {
    expect(fire("cron(0 9 ? * 1 *)", "2026-01-05T00:00:00Z", 1)).toEqual(
      fire("cron(0 9 ? * SUN *)", "2026-01-05T00:00:00Z", 1),
    );
    expect(fire("cron(0 9 ? * SUN *)", "2026-01-05T00:00:00Z", 1)).toEqual([
      "2026-01-11T09:00:00.000Z",
    ]);
  });

  it("counts an exact fire time as next", () => {
    expect(fire("cron(0 10 * * ? *)", "2026-01-06T10:00:00Z", 1)).toEqual([
      "2026-01-06T10:00:00.000Z",
    ]);
  });
});

describe("nextFireTimes: never", () => {
  it("on 30 February, in a year gone by, or after the end date", () => {
    expect(fire("cron(0 0 30 2 ? *)", "2026-01-01T00:00:00Z", 1)).toEqual([]);
    expect(fire("cron(0 0 * * ? 2020)", "2026-01-01T00:00:00Z", 1)).toEqual([]);
    expect(
      fire("cron(0 10 * * ? *)", "2026-01-06T10:01:00Z", 1, { endDate: "2026-01-07T09:00:00Z" }),
    ).toEqual([]);
    expect(fire("at(2026-01-01T00:00:00)", "2026-01-02T00:00:00Z", 1)).toEqual([]);
    expect(fire("cron(nonsense)", "2026-01-02T00:00:00Z", 1)).toEqual([]);
  });

  it("says why in words", () => {
    const after = new Date("2026-01-01T00:00:00Z");
    expect(neverFiresReason("cron(0 0 30 2 ? *)", { after })).toMatch(
      /matches no date from now on \(in UTC\)/,
    );
    expect(
      neverFiresReason("cron(0 10 * * ? *)", { after, endDate: new Date("2026-01-01T09:00:00Z") }),
    ).toBe(
      "The end date comes before the first run (2026-01-01T10:00:00.000Z): move the end date later.",
    );
    expect(
      neverFiresReason("rate(1 day)", {
        after,
        startDate: new Date("2026-02-01T00:00:00Z"),
        endDate: new Date("2026-01-15T00:00:00Z"),
      }),
    ).toMatch(/end date is not after the start date/);
    expect(neverFiresReason("at(2025-12-31T23:59:00)", { after })).toMatch(/in the past/);
    expect(neverFiresReason("cron(0 9 ? * MON *)", { after, timezone: "Mars/Olympus" })).toMatch(
      /not a time zone/,
    );
    expect(neverFiresReason("cron(0 9 ? * MON *)", { after, timezone: "Europe/Paris" })).toBeNull();
  });
});

describe("nextFireTimes: time zones and daylight saving", () => {
  it("reads cron in the schedule's zone, summer and winter", () => {
    // 09:00 in Paris is 08:00 UTC in winter (CET) and 07:00 UTC in summer (CEST).
    expect(
      fire("cron(0 9 ? * MON *)", "2026-01-10T00:00:00Z", 1, { timezone: "Europe/Paris" }),
    ).toEqual(["2026-01-12T08:00:00.000Z"]);
    expect(
      fire("cron(0 9 ? * MON *)", "2026-07-01T00:00:00Z", 1, { timezone: "Europe/Paris" }),
    ).toEqual(["2026-07-06T07:00:00.000Z"]);
    expect(
      fire("cron(0 9 ? * MON *)", "2026-01-10T00:00:00Z", 1, { timezone: "Asia/Kolkata" }),
    ).toEqual(["2026-01-12T03:30:00.000Z"]);
  });

  it("skips a time the clock jumps over (New York, 8 March 2026)", () => {
    expect(
      fire("cron(30 2 * * ? *)", "2026-03-07T00:00:00Z", 3, { timezone: "America/New_York" }),
    ).toEqual(["2026-03-07T07:30:00.000Z", "2026-03-09T06:30:00.000Z", "2026-03-10T06:30:00.000Z"]);
  });

  it("fires a time the clock repeats once (New York, 1 November 2026)", () => {
    expect(
      fire("cron(30 1 * * ? *)", "2026-10-31T12:00:00Z", 2, { timezone: "America/New_York" }),
    ).toEqual(["2026-11-01T05:30:00.000Z", "2026-11-02T06:30:00.000Z"]);
    // Hourly: 1:00 EDT fires, 1:00 EST (its repeat) does not, 2:00 EST does.
    expect(
      fire("cron(0 * * * ? *)", "2026-11-01T04:30:00Z", 3, { timezone: "America/New_York" }),
    ).toEqual(["2026-11-01T05:00:00.000Z", "2026-11-01T07:00:00.000Z", "2026-11-01T08:00:00.000Z"]);
    // Asked during the repeated hour, the 1:30 already fired: the next is tomorrow's.
    expect(
      fire("cron(30 1 * * ? *)", "2026-11-01T06:10:00Z", 1, { timezone: "America/New_York" }),
    ).toEqual(["2026-11-02T06:30:00.000Z"]);
  });

  it("keeps a rate to fixed intervals across the change", () => {
    // 09:00 EST on 7 March; a day later is 10:00 EDT, 24 hours on.
    expect(
      fire("rate(1 day)", "2026-03-07T00:00:00Z", 3, {
        timezone: "America/New_York",
        startDate: "2026-03-07T14:00:00Z",
      }),
    ).toEqual(["2026-03-07T14:00:00.000Z", "2026-03-08T14:00:00.000Z", "2026-03-09T14:00:00.000Z"]);
  });

  it("finds the instant of a wall time: null in the gap, the first in the overlap", () => {
    const wall = { year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 };
    expect(instantOf(wall, "America/New_York")).toBeNull();
    expect(instantOf({ ...wall, month: 11, day: 1, hour: 1 }, "America/New_York")).toBe(
      Date.parse("2026-11-01T05:30:00Z"),
    );
  });

  it("reads at() in the zone, and never fires one the clock skips", () => {
    expect(
      fire("at(2026-03-01T09:00:00)", "2026-01-01T00:00:00Z", 5, { timezone: "Asia/Tokyo" }),
    ).toEqual(["2026-03-01T00:00:00.000Z"]);
    expect(
      fire("at(2026-03-08T02:30:00)", "2026-01-01T00:00:00Z", 1, { timezone: "America/New_York" }),
    ).toEqual([]);
  });

  it("knows zones from not zones", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(
      fire("cron(0 9 ? * MON *)", "2026-01-10T00:00:00Z", 1, { timezone: "Mars/Olympus" }),
    ).toEqual([]);
  });
});

describe("nextFireTimes: start and end dates", () => {
  it("starts a rate at its start date, else at once", () => {
    expect(fire("rate(5 minutes)", "2026-01-05T10:07:00Z", 2)).toEqual([
      "2026-01-05T10:07:00.000Z",
      "2026-01-05T10:12:00.000Z",
    ]);
    expect(
      fire("rate(5 minutes)", "2026-01-05T10:07:00Z", 2, { startDate: "2026-01-05T10:00:00Z" }),
    ).toEqual(["2026-01-05T10:10:00.000Z", "2026-01-05T10:15:00.000Z"]);
    expect(
      fire("rate(2 hours)", "2026-01-05T00:00:00Z", 5, {
        startDate: "2026-01-05T10:00:00Z",
        endDate: "2026-01-05T14:00:00Z",
      }),
    ).toEqual(["2026-01-05T10:00:00.000Z", "2026-01-05T12:00:00.000Z"]);
  });

  it("holds a cron until its start date and stops it at its end date", () => {
    expect(
      fire("cron(0 10 * * ? *)", "2026-01-01T00:00:00Z", 5, {
        startDate: "2026-02-01T00:00:00Z",
        endDate: "2026-02-03T10:00:00Z",
      }),
    ).toEqual(["2026-02-01T10:00:00.000Z", "2026-02-02T10:00:00.000Z"]);
  });
});

describe("words", () => {
  it("describes cron with AWS's day numbers, rate and at in our own words", () => {
    expect(describeScheduleExpression("cron(0 9 ? * 2 *)", "Europe/Paris")).toBe(
      "At 09:00, only on Monday (Europe/Paris)",
    );
    expect(describeScheduleExpression("cron(15 10 ? * 6L 2022-2023)")).toBe(
      "At 10:15, on the last Friday of the month, 2022 through 2023 (UTC)",
    );
    expect(describeScheduleExpression("rate(1 day)")).toBe("Every day");
    expect(describeScheduleExpression("rate(5 minutes)")).toBe("Every 5 minutes");
    expect(describeScheduleExpression("at(2026-03-01T09:00:00)", "Asia/Tokyo")).toBe(
      "Once, on 2026-03-01 at 09:00 (Asia/Tokyo)",
    );
    expect(describeScheduleExpression("rate(1 days)")).toMatch(/singular/);
  });

  it("writes the scheduled time as the context attribute does", () => {
    expect(formatScheduledTime(new Date("2026-01-05T09:00:00.123Z"))).toBe("2026-01-05T09:00:00Z");
  });
});
