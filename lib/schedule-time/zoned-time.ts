/**
 * A schedule's start and end dates as the form holds them: wall-clock
 * `YYYY-MM-DDTHH:MM` (an `<input type="datetime-local">`) in the schedule's
 * time zone, sent as instants. The zone arithmetic is the expression
 * engine's (`./expression`); this module only reads and writes the text.
 * Pure, browser-safe.
 */
import { instantOf, isValidTimeZone, localTimeAt } from "./expression";

/** The reader's time zone as the browser reports it ("UTC" where it reports none). */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Every time zone the runtime knows, for the picker, with UTC first. */
export function timeZoneNames(): string[] {
  const names = Intl.supportedValuesOf("timeZone");
  return ["UTC", ...names.filter((n) => n !== "UTC")];
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock time names in a time zone; undefined for text
 * that is not such a time, an unknown zone, or a time daylight saving skips.
 */
export function zonedToInstant(local: string, timeZone: string): Date | undefined {
  const match = LOCAL_PATTERN.exec(local);
  if (!match || !isValidTimeZone(timeZone)) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const instant = instantOf(
    { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0 },
    timeZone,
  );
  return instant === null ? undefined : new Date(instant);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** An instant as the wall-clock `YYYY-MM-DDTHH:MM` of a time zone (for filling a datetime-local input). */
export function instantToZoned(instant: Date, timeZone: string): string {
  const t = localTimeAt(instant.getTime(), timeZone);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}`;
}
