/**
 * Wall-clock times in a named time zone, with nothing but `Intl`: what a
 * schedule's start and end dates mean (typed in the schedule's zone, sent as
 * instants) and the reader's own zone. Pure, browser-safe.
 */

/** The reader's time zone as the browser reports it ("UTC" where it reports none). */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** True for an IANA time zone name this runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(name: string): boolean {
  if (name.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Every time zone the runtime knows, for the picker, with UTC first. */
export function timeZoneNames(): string[] {
  const names = Intl.supportedValuesOf("timeZone");
  return ["UTC", ...names.filter((n) => n !== "UTC")];
}

const partFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partFormats.set(timeZone, format);
  }
  return format;
}

/** The zone's offset from UTC at an instant, in milliseconds (Paris in winter: +3,600,000). */
function offsetAt(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - (ms - (ms % 1000));
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:MM`, as an `<input
 * type="datetime-local">` gives it) names in a time zone; undefined for text
 * that is not such a time. A time skipped by a daylight-saving change lands
 * after the change, as clocks do.
 */
export function zonedToInstant(local: string, timeZone: string): Date | undefined {
  const match = LOCAL_PATTERN.exec(local);
  if (!match || !isTimeZone(timeZone)) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return undefined;
  let instant = wall - offsetAt(wall, timeZone);
  // Once more with the offset at the first guess: right on either side of a change.
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** An instant as the wall-clock `YYYY-MM-DDTHH:MM` of a time zone (for filling a datetime-local input). */
export function instantToZoned(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
