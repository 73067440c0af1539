/** Formatting shared by pages: dates, sizes, scores. Pure functions, no React. */

// Making an Intl.DateTimeFormat is costly (a fraction of a millisecond, several times per row on
// the server's render of the list), so one is made per time zone and kept.
const absoluteFormats = new Map<string | undefined, Intl.DateTimeFormat>();
function absoluteFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  let format = absoluteFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "long", timeZone });
    absoluteFormats.set(timeZone, format);
  }
  return format;
}

/** "Nov 27, 2026, 9:41:07 PM UTC": absolute, with the time zone. */
export function formatAbsolute(date: Date | string, timeZone?: string): string {
  return absoluteFormat(timeZone || undefined).format(
    typeof date === "string" ? new Date(date) : date,
  );
}

/** "2026-11-27T20:41:07.000Z": the exact instant, as the service gave it. */
export function formatIso(date: Date | string): string {
  return (typeof date === "string" ? new Date(date) : date).toISOString();
}

/**
 * What hovering a time shows: the reader's own time (once the browser knows
 * their zone: pass `timeZone: "UTC"` while it does not), then UTC and the
 * exact ISO time, each on its own line.
 */
export function formatTimeTitle(date: Date | string, timeZone?: string): string {
  const lines = [formatAbsolute(date, timeZone)];
  const utc = formatAbsolute(date, "UTC");
  if (lines[0] !== utc) lines.push(utc);
  lines.push(formatIso(date));
  return lines.join("\n");
}

// Always a number ("1 day ago", never "yesterday"): the age is elapsed time, and "yesterday" or
// "last week" would name a calendar day or week it may not be (30 hours ago at 1 AM is two days back).
const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "always" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/**
 * "3 minutes ago", relative to `now`: elapsed time, so a daylight-saving change or a new year in
 * between changes nothing (a month counts as 30 days, a year as 365).
 */
export function formatRelative(date: Date | string, now: number = Date.now()): string {
  const d = typeof date === "string" ? new Date(date) : date;
  const seconds = Math.round((d.getTime() - now) / 1000);
  if (Math.abs(seconds) < 5) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === "second") {
      return relativeFormat.format(Math.round(seconds / size), unit);
    }
  }
  return relativeFormat.format(seconds, "second");
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** An audience size's number as a chart or list shows it: "25,000" or "20%". */
export function sizeLabel(size: { type: "ABSOLUTE" | "PERCENTAGE"; value: number }): string {
  return size.type === "PERCENTAGE" ? `${size.value}%` : formatCount(size.value);
}

/** An audience size as the model defines it: a count of users or a percentage. */
export function formatAudienceSize(size: {
  type: "ABSOLUTE" | "PERCENTAGE";
  value: number;
}): string {
  return size.type === "PERCENTAGE" ? sizeLabel(size) : `${sizeLabel(size)} users`;
}
