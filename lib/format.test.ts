import { describe, expect, it } from "vitest";

import { formatAbsolute, formatIso, formatRelative, formatTimeTitle } from "./format";

const AT = "2026-11-27T20:41:07.000Z";

describe("times: the reader's own, then UTC and the exact ISO time", () => {
  it("gives the reader's time, UTC and the ISO time on separate lines", () => {
    expect(formatTimeTitle(AT, "Europe/Berlin").split("\n")).toEqual([
      "Nov 27, 2026, 9:41:07 PM GMT+1",
      "Nov 27, 2026, 8:41:07 PM UTC",
      "2026-11-27T20:41:07.000Z",
    ]);
  });

  it("does not say UTC twice for a reader in UTC (and while the browser's zone is not known)", () => {
    expect(formatTimeTitle(AT, "UTC").split("\n")).toEqual([
      "Nov 27, 2026, 8:41:07 PM UTC",
      "2026-11-27T20:41:07.000Z",
    ]);
  });

  it("formats one instant the same whatever string the service used", () => {
    expect(formatIso("2026-11-27T21:41:07+01:00")).toBe(AT);
    expect(formatAbsolute(new Date(AT), "America/New_York")).toBe("Nov 27, 2026, 3:41:07 PM EST");
  });
});

describe("relative times: elapsed time, on any day and in any zone", () => {
  const at = (iso: string) => new Date(iso).getTime();

  it("counts seconds, minutes, hours, days, weeks, months and years", () => {
    const now = at("2026-11-27T20:41:07Z");
    expect(formatRelative("2026-11-27T20:41:05Z", now)).toBe("just now");
    expect(formatRelative("2026-11-27T20:40:47Z", now)).toBe("20 seconds ago");
    expect(formatRelative("2026-11-27T20:38:07Z", now)).toBe("3 minutes ago");
    expect(formatRelative("2026-11-27T15:41:07Z", now)).toBe("5 hours ago");
    expect(formatRelative("2026-11-24T20:41:07Z", now)).toBe("3 days ago");
    expect(formatRelative("2026-11-13T20:41:07Z", now)).toBe("2 weeks ago");
    expect(formatRelative("2026-08-29T20:41:07Z", now)).toBe("3 months ago");
    expect(formatRelative("2024-11-27T20:41:07Z", now)).toBe("2 years ago");
    expect(formatRelative("2026-11-27T20:44:07Z", now)).toBe("in 3 minutes");
  });

  it("never names a calendar day it may not be ('yesterday', 'last week')", () => {
    // 30 hours before 1 AM is the day before yesterday on the calendar.
    expect(formatRelative("2026-11-26T19:00:00Z", at("2026-11-28T01:00:00Z"))).toBe("1 day ago");
    expect(formatRelative("2026-11-18T20:41:07Z", at("2026-11-27T20:41:07Z"))).toBe("1 week ago");
    expect(formatRelative("2025-11-27T20:41:07Z", at("2026-11-28T20:41:07Z"))).toBe("1 year ago");
  });

  it("is the same across a daylight-saving change and a new year", () => {
    // Los Angeles springs forward at 2 AM on 2027-03-14: 24 elapsed hours are one day, whatever the wall clock says.
    expect(formatRelative("2027-03-13T10:00:00Z", at("2027-03-14T10:00:00Z"))).toBe("1 day ago");
    expect(formatRelative("2027-03-14T09:30:00Z", at("2027-03-14T10:30:00Z"))).toBe("1 hour ago");
    // Five minutes across midnight on New Year's Eve, in UTC and everywhere else.
    expect(formatRelative("2026-12-31T23:58:00Z", at("2027-01-01T00:03:00Z"))).toBe(
      "5 minutes ago",
    );
  });

  it("formats an instant in the reader's zone on both sides of a daylight-saving change", () => {
    expect(formatAbsolute("2027-03-14T09:59:00Z", "America/Los_Angeles")).toBe(
      "Mar 14, 2027, 1:59:00 AM PST",
    );
    expect(formatAbsolute("2027-03-14T10:00:00Z", "America/Los_Angeles")).toBe(
      "Mar 14, 2027, 3:00:00 AM PDT",
    );
    expect(formatAbsolute("2026-12-31T23:30:00Z", "Asia/Kolkata")).toBe(
      "Jan 1, 2027, 5:00:00 AM GMT+5:30",
    );
  });
});
