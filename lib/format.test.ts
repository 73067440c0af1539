import { describe, expect, it } from "vitest";

import { formatAbsolute, formatIso, formatTimeTitle } from "./format";

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
