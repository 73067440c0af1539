/**
 * EventBridge Scheduler's schedule expressions: `cron(...)`, `rate(...)` and
 * `at(...)`, parsed and checked field by field as the EventBridge Scheduler
 * user guide documents them, turned into fire times in a schedule's time zone
 * (daylight saving included) and into words.
 *
 * Safe for the browser (no node imports): the schedule form shows the next
 * runs before saving, and the local service fires schedules with the same
 * code. Time-zone math goes through `Intl` (the runtime's own time-zone
 * database), never a table of our own. See docs/ARCHITECTURE.md, "EventBridge
 * Scheduler in the local service".
 */
import cronstrue from "cronstrue";

/* ------------------------------------------------------------------ types */

export type RateUnit = "minute" | "hour" | "day";

/** One cron field, expanded: the values it allows, plus the day specials. */
export interface CronExpression {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** `null` when the field is `*`: any year from 1970 to 2199. */
  years: ReadonlySet<number> | null;
  dayOfMonth: DayOfMonthRule;
  dayOfWeek: DayOfWeekRule;
}

/** Day-of-month: `?`, a set of days, `L` (last day), `nW` or `LW`. */
export type DayOfMonthRule =
  | { kind: "any" }
  | { kind: "days"; days: ReadonlySet<number> }
  | { kind: "last" }
  | { kind: "nearestWeekday"; day: number }
  | { kind: "lastWeekday" };

/** Day-of-week (1 = SUN … 7 = SAT): `?`, a set, `nL` (last n-day) or `n#k`. */
export type DayOfWeekRule =
  | { kind: "any" }
  | { kind: "days"; days: ReadonlySet<number> }
  | { kind: "lastOfMonth"; day: number }
  | { kind: "nth"; day: number; nth: number };

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type ScheduleExpression =
  | { kind: "cron"; source: string; fields: string[]; cron: CronExpression }
  | { kind: "rate"; source: string; value: number; unit: RateUnit }
  | { kind: "at"; source: string; at: LocalDateTime };

export type ParseResult =
  { ok: true; expression: ScheduleExpression } | { ok: false; error: string };

export interface FireTimeOptions {
  /** IANA zone the expression is read in (`ScheduleExpressionTimezone`); UTC when absent. */
  timezone?: string;
  /** Fire times at or after this instant are returned. */
  after: Date;
  /** How many fire times at most. */
  count: number;
  /** `StartDate`: no fire before it; a rate's first fire (else `after`). Ignored by `at()`. */
  startDate?: Date;
  /** `EndDate`: no fire at or after it. Ignored by `at()`. */
  endDate?: Date;
}

/* ------------------------------------------------------------- constants */

/** The model's limit on `ScheduleExpression`. */
export const SCHEDULE_EXPRESSION_MAX_LENGTH = 256;
/** Years a cron expression may name (EventBridge Scheduler user guide). */
export const CRON_YEAR_MIN = 1970;
export const CRON_YEAR_MAX = 2199;
/** The universal target that starts an audience generation job. */
export const START_AUDIENCE_JOB_TARGET_ARN =
  "arn:aws:scheduler:::aws-sdk:cleanroomsml:startAudienceGenerationJob";
/** Context attributes EventBridge Scheduler replaces in a target's Input. */
export const SCHEDULED_TIME_ATTRIBUTE = "<aws.scheduler.scheduled-time>";
export const SCHEDULE_ARN_ATTRIBUTE = "<aws.scheduler.schedule-arn>";
export const EXECUTION_ID_ATTRIBUTE = "<aws.scheduler.execution-id>";
export const ATTEMPT_NUMBER_ATTRIBUTE = "<aws.scheduler.attempt-number>";
/** Length of a scheduled time as the context attribute writes it: `2026-01-05T09:00:00Z`. */
export const SCHEDULED_TIME_LENGTH = 20;

const MINUTE_MS = 60_000;
const UNIT_MS: Record<RateUnit, number> = {
  minute: MINUTE_MS,
  hour: 60 * MINUTE_MS,
  // A rate's day is 24 hours on the clock, whatever daylight saving does.
  day: 24 * 60 * MINUTE_MS,
};
const MONTH_NAMES = [
  "JAN",
  "FEB",
  "MAR",
  "APR",
  "MAY",
  "JUN",
  "JUL",
  "AUG",
  "SEP",
  "OCT",
  "NOV",
  "DEC",
];
const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/* --------------------------------------------------------------- parsing */

class FieldError extends Error {}

interface FieldSpec {
  label: string;
  min: number;
  max: number;
  names?: string[];
  /** Wildcards AWS allows in this field besides numbers and names. */
  wildcards: string;
}

const MINUTES: FieldSpec = { label: "Minutes", min: 0, max: 59, wildcards: ", - * /" };
const HOURS: FieldSpec = { label: "Hours", min: 0, max: 23, wildcards: ", - * /" };
const DAY_OF_MONTH: FieldSpec = {
  label: "Day-of-month",
  min: 1,
  max: 31,
  wildcards: ", - * ? / L W",
};
const MONTH: FieldSpec = {
  label: "Month",
  min: 1,
  max: 12,
  names: MONTH_NAMES,
  wildcards: ", - * /",
};
const DAY_OF_WEEK: FieldSpec = {
  label: "Day-of-week",
  min: 1,
  max: 7,
  names: DAY_NAMES,
  wildcards: ", - * ? L #",
};
const YEAR: FieldSpec = {
  label: "Year",
  min: CRON_YEAR_MIN,
  max: CRON_YEAR_MAX,
  wildcards: ", - * /",
};

function allowedValues(spec: FieldSpec): string {
  const numbers = `${spec.min}-${spec.max}`;
  return spec.names ? `${numbers} or ${spec.names[0]}-${spec.names.at(-1)}` : numbers;
}

function fieldError(spec: FieldSpec, text: string, problem: string): FieldError {
  return new FieldError(
    `${spec.label} field "${text}": ${problem}. It takes ${allowedValues(spec)}, with the wildcards ${spec.wildcards}.`,
  );
}

function parseValue(spec: FieldSpec, text: string, whole: string): number {
  const upper = text.toUpperCase();
  const named = spec.names?.indexOf(upper) ?? -1;
  if (named >= 0) return named + spec.min;
  if (!/^\d+$/.test(text)) {
    throw fieldError(spec, whole, `"${text}" is not a number${spec.names ? " or a name" : ""}`);
  }
  const value = Number(text);
  if (value < spec.min || value > spec.max) {
    throw fieldError(spec, whole, `${value} is out of range`);
  }
  return value;
}

/** A list of values, ranges and increments (`0/15`, `*\/5`, `8-17`, `MON-FRI`, `1,15`). */
function parseSet(spec: FieldSpec, text: string, allowIncrement: boolean): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    if (part === "") throw fieldError(spec, text, "a comma has nothing on one side");
    const [rangeText, stepText, extra] = part.split("/");
    if (extra !== undefined) throw fieldError(spec, text, `"${part}" has more than one /`);
    if (stepText !== undefined && !allowIncrement) {
      throw fieldError(spec, text, "increments (/) are not allowed here");
    }
    let start: number;
    let end: number;
    if (rangeText === "*") {
      start = spec.min;
      end = spec.max;
    } else if (rangeText?.includes("-")) {
      const [from, to, more] = rangeText.split("-");
      if (more !== undefined || !from || !to)
        throw fieldError(spec, text, `"${rangeText}" is not a range like 1-5`);
      start = parseValue(spec, from, text);
      end = parseValue(spec, to, text);
      if (start > end) {
        throw fieldError(
          spec,
          text,
          `the range ${rangeText} runs backwards; write it from low to high, or as two ranges`,
        );
      }
    } else {
      if (!rangeText) throw fieldError(spec, text, "a value is missing before /");
      start = parseValue(spec, rangeText, text);
      // `5/15` means from 5 to the field's end, every 15.
      end = stepText === undefined ? start : spec.max;
    }
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1) {
        throw fieldError(
          spec,
          text,
          `the increment "${stepText}" must be a whole number of at least 1`,
        );
      }
      step = Number(stepText);
    }
    for (let value = start; value <= end; value += step) values.add(value);
  }
  return values;
}

function parseDayOfMonth(text: string): DayOfMonthRule {
  const upper = text.toUpperCase();
  if (upper === "?") return { kind: "any" };
  if (upper === "L") return { kind: "last" };
  if (upper === "LW") return { kind: "lastWeekday" };
  const weekday = /^(\d+)W$/.exec(upper);
  if (weekday)
    return { kind: "nearestWeekday", day: parseValue(DAY_OF_MONTH, weekday[1] ?? "", text) };
  if (/[LW]/.test(upper)) {
    throw fieldError(DAY_OF_MONTH, text, "L and W stand alone (L, LW) or follow one day (15W)");
  }
  if (upper.includes("#"))
    throw fieldError(DAY_OF_MONTH, text, "# belongs in the Day-of-week field");
  return { kind: "days", days: parseSet(DAY_OF_MONTH, text, true) };
}

function parseDayOfWeek(text: string): DayOfWeekRule {
  const upper = text.toUpperCase();
  if (upper === "?") return { kind: "any" };
  // `L` alone is the week's last day, Saturday.
  if (upper === "L") return { kind: "days", days: new Set([7]) };
  const last = /^([A-Z]{3}|\d+)L$/.exec(upper);
  if (last) return { kind: "lastOfMonth", day: parseValue(DAY_OF_WEEK, last[1] ?? "", text) };
  if (upper.includes("#")) {
    const nth = /^([A-Z]{3}|\d+)#(\d+)$/.exec(upper);
    if (!nth) {
      throw fieldError(
        DAY_OF_WEEK,
        text,
        "# takes one day and its place in the month, like 2#1 (the first Monday), and nothing else in the field",
      );
    }
    const place = Number(nth[2]);
    if (place < 1 || place > 5)
      throw fieldError(DAY_OF_WEEK, text, `a month has no ${place}th such day; use 1 to 5`);
    return { kind: "nth", day: parseValue(DAY_OF_WEEK, nth[1] ?? "", text), nth: place };
  }
  if (upper.includes("L"))
    throw fieldError(DAY_OF_WEEK, text, "L stands alone or follows one day (6L, the last Friday)");
  if (upper.includes("/"))
    throw fieldError(DAY_OF_WEEK, text, "increments (/) are not allowed here");
  return { kind: "days", days: parseSet(DAY_OF_WEEK, text, false) };
}

function parseCron(source: string, body: string): ParseResult {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) {
    return {
      ok: false,
      error: `cron() takes six fields separated by spaces (minutes hours day-of-month month day-of-week year), but got ${fields.length}: "${body.trim()}".`,
    };
  }
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const domAny = dayOfMonth === "?";
  const dowAny = dayOfWeek === "?";
  if (domAny === dowAny) {
    return {
      ok: false,
      error: domAny
        ? "Day-of-month and Day-of-week are both ?: put ? in one of them and the days you want (or *) in the other."
        : `Day-of-month "${dayOfMonth}" and Day-of-week "${dayOfWeek}" are both set: one of them must be ? (for example "${dayOfMonth} ${month} ?" or "? ${month} ${dayOfWeek}").`,
    };
  }
  try {
    for (const [spec, text] of [
      [MINUTES, minutes],
      [HOURS, hours],
      [MONTH, month],
      [YEAR, year],
    ] as const) {
      if (text.includes("?"))
        throw fieldError(spec, text, "? is only for Day-of-month or Day-of-week");
    }
    const cron: CronExpression = {
      minutes: parseSet(MINUTES, minutes, true),
      hours: parseSet(HOURS, hours, true),
      dayOfMonth: parseDayOfMonth(dayOfMonth),
      months: parseSet(MONTH, month, true),
      dayOfWeek: parseDayOfWeek(dayOfWeek),
      years: year === "*" ? null : parseSet(YEAR, year, true),
    };
    return { ok: true, expression: { kind: "cron", source, fields, cron } };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, error: error.message };
    throw error;
  }
}

function parseRate(source: string, body: string): ParseResult {
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(body);
  if (!match) {
    return {
      ok: false,
      error: `rate() takes a value and a unit, like rate(5 minutes) or rate(1 day); got "${body}".`,
    };
  }
  const [, valueText = "", unitText = ""] = match;
  if (!/^\d+$/.test(valueText) || Number(valueText) < 1) {
    return {
      ok: false,
      error: `The rate's value "${valueText}" must be a whole number of at least 1.`,
    };
  }
  const value = Number(valueText);
  const singular = unitText.replace(/s$/, "") as RateUnit;
  if (!(singular in UNIT_MS)) {
    return {
      ok: false,
      error: `The rate's unit "${unitText}" must be minutes, hours or days (minute, hour or day for 1).`,
    };
  }
  const plural = unitText.endsWith("s");
  if (value === 1 && plural)
    return { ok: false, error: `For a value of 1 the unit is singular: rate(1 ${singular}).` };
  if (value > 1 && !plural)
    return {
      ok: false,
      error: `For a value above 1 the unit is plural: rate(${value} ${singular}s).`,
    };
  return { ok: true, expression: { kind: "rate", source, value, unit: singular } };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseAt(source: string, body: string): ParseResult {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body);
  if (!match) {
    return {
      ok: false,
      error: `at() takes a date and time as yyyy-mm-ddThh:mm:ss, like at(2026-03-01T09:00:00); got "${body}".`,
    };
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12)
    return { ok: false, error: `at(): month ${month} does not exist; use 01 to 12.` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return {
      ok: false,
      error: `at(): ${body.slice(0, 10)} is not a date (that month has ${daysInMonth(year, month)} days).`,
    };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return {
      ok: false,
      error: `at(): ${body.slice(11)} is not a time of day; use 00:00:00 to 23:59:59.`,
    };
  }
  return {
    ok: true,
    expression: { kind: "at", source, at: { year, month, day, hour, minute, second } },
  };
}

/**
 * Parses a `ScheduleExpression`. An error names the field at fault and what
 * it accepts, so a form can show it beside the expression.
 */
export function parseScheduleExpression(expr: string): ParseResult {
  const source = expr.trim();
  if (source === "")
    return { ok: false, error: "Enter a schedule expression: cron(...), rate(...) or at(...)." };
  if (expr.length > SCHEDULE_EXPRESSION_MAX_LENGTH) {
    return {
      ok: false,
      error: `A schedule expression is at most ${SCHEDULE_EXPRESSION_MAX_LENGTH} characters.`,
    };
  }
  const match = /^(cron|rate|at)\((.*)\)$/s.exec(source);
  if (!match) {
    return {
      ok: false,
      error: `"${source}" is not a schedule expression: write cron(minutes hours day-of-month month day-of-week year), rate(value unit) or at(yyyy-mm-ddThh:mm:ss).`,
    };
  }
  const [, kind, body = ""] = match;
  if (kind === "cron") return parseCron(source, body);
  if (kind === "rate") return parseRate(source, body);
  return parseAt(source, body);
}

/* ------------------------------------------------------------ time zones */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows this IANA time zone (as `ScheduleExpressionTimezone` must be). */
export function isValidTimeZone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `timezone` at an instant. */
export function localTimeAt(instant: number, timezone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function wallMs(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(instant: number, timezone: string): number {
  return wallMs(localTimeAt(instant, timezone)) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in `timezone`: the first one when the
 * clock goes back and it happens twice, `null` when the clock jumps over it.
 */
export function instantOf(local: LocalDateTime, timezone: string): number | null {
  const wall = wallMs(local);
  const day = 24 * 60 * MINUTE_MS;
  const candidates = [
    ...new Set([
      offsetAt(wall - day, timezone),
      offsetAt(wall + day, timezone),
      offsetAt(wall, timezone),
    ]),
  ]
    .map((offset) => wall - offset)
    .filter((instant) => wallMs(localTimeAt(instant, timezone)) === wall)
    .sort((a, b) => a - b);
  return candidates[0] ?? null;
}

/* ------------------------------------------------------------ fire times */

/** Day of week of a calendar date, 1 = Sunday … 7 = Saturday (as cron counts). */
function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

function daysMatching(cron: CronExpression, year: number, month: number): number[] {
  const length = daysInMonth(year, month);
  const all = Array.from({ length }, (_, index) => index + 1);
  const dom = cron.dayOfMonth;
  const dow = cron.dayOfWeek;
  if (dom.kind !== "any") {
    if (dom.kind === "days") return all.filter((day) => dom.days.has(day));
    if (dom.kind === "last") return [length];
    if (dom.kind === "lastWeekday") {
      const last = weekday(year, month, length);
      return [last === 1 ? length - 2 : last === 7 ? length - 1 : length];
    }
    // nW: the weekday nearest day n, never leaving the month.
    if (dom.day > length) return [];
    const day = weekday(year, month, dom.day);
    if (day === 7) return [dom.day === 1 ? 3 : dom.day - 1];
    if (day === 1) return [dom.day === length ? dom.day - 2 : dom.day + 1];
    return [dom.day];
  }
  if (dow.kind === "days") return all.filter((day) => dow.days.has(weekday(year, month, day)));
  if (dow.kind === "lastOfMonth") {
    const offset = (weekday(year, month, length) - dow.day + 7) % 7;
    return [length - offset];
  }
  if (dow.kind === "nth") {
    const first = 1 + ((dow.day - weekday(year, month, 1) + 7) % 7);
    const day = first + 7 * (dow.nth - 1);
    return day <= length ? [day] : [];
  }
  return all;
}

/** Cron fire times at or after `from`, before `until`, in order. */
function cronTimes(
  cron: CronExpression,
  timezone: string,
  from: number,
  until: number,
  count: number,
): number[] {
  const times: number[] = [];
  // A wall time a little before `from`'s may still be a later instant when the
  // clock went back in between, so the scan begins three hours early (more than
  // any daylight-saving shift) and filters by instant.
  const scanWall = wallMs(localTimeAt(from, timezone)) - 3 * 60 * MINUTE_MS;
  const scanFrom = localTimeAt(scanWall, "UTC");
  const untilWall = Number.isFinite(until) ? wallMs(localTimeAt(until, timezone)) : Infinity;
  const years = cron.years ? [...cron.years].sort((a, b) => a - b) : null;
  const sortedMonths = [...cron.months].sort((a, b) => a - b);
  const sortedHours = [...cron.hours].sort((a, b) => a - b);
  const sortedMinutes = [...cron.minutes].sort((a, b) => a - b);
  const lastYear = years ? (years.at(-1) ?? 0) : CRON_YEAR_MAX;
  let seen = -Infinity;
  for (let year = Math.max(scanFrom.year, CRON_YEAR_MIN); year <= lastYear; year += 1) {
    if (years && !years.includes(year)) continue;
    for (const month of sortedMonths) {
      if (year === scanFrom.year && month < scanFrom.month) continue;
      for (const day of daysMatching(cron, year, month)) {
        if (wallMs({ year, month, day, hour: 23, minute: 59, second: 59 }) < scanWall) continue;
        for (const hour of sortedHours) {
          for (const minute of sortedMinutes) {
            const local = { year, month, day, hour, minute, second: 0 };
            if (wallMs(local) < scanWall) continue;
            const instant = instantOf(local, timezone);
            // Spring forward: a time the clock skips does not fire.
            if (instant === null) continue;
            if (instant >= until) return times;
            // Fall back: a repeated wall time fires once, at its first instant,
            // and never earlier than a time already listed.
            if (instant < from || instant <= seen) continue;
            seen = instant;
            times.push(instant);
            if (times.length >= count) return times;
          }
        }
      }
      // A day past the wall time of `until` there is nothing left to find.
      if (
        wallMs({ year, month, day: 1, hour: 0, minute: 0, second: 0 }) >
        untilWall + 24 * 60 * MINUTE_MS
      ) {
        return times;
      }
    }
  }
  return times;
}

/**
 * The next `count` fire times at or after `after`, in order; empty when the
 * schedule never fires again (a cron on 30 February, a year gone by, an end
 * date before the next fire, a past `at()`). Cron and `at()` are read in
 * `timezone` (UTC by default): a time daylight saving skips does not fire, a
 * time it repeats fires once. A rate fires every fixed interval from its
 * `startDate` (from `after` when there is none), 24 hours to a day.
 */
export function nextFireTimes(expr: string, opts: FireTimeOptions): Date[] {
  const parsed = parseScheduleExpression(expr);
  if (!parsed.ok) return [];
  return fireTimesOf(parsed.expression, opts);
}

/** `nextFireTimes` for an expression already parsed. */
export function fireTimesOf(expression: ScheduleExpression, opts: FireTimeOptions): Date[] {
  const timezone = opts.timezone || "UTC";
  if (opts.count < 1 || !isValidTimeZone(timezone)) return [];
  const after = opts.after.getTime();
  if (expression.kind === "at") {
    const instant = instantOf(expression.at, timezone);
    return instant !== null && instant >= after ? [new Date(instant)] : [];
  }
  const from = Math.max(after, opts.startDate?.getTime() ?? -Infinity);
  const until = opts.endDate?.getTime() ?? Infinity;
  if (expression.kind === "rate") {
    const interval = expression.value * UNIT_MS[expression.unit];
    const anchor = opts.startDate?.getTime() ?? after;
    const skipped = Math.max(0, Math.ceil((from - anchor) / interval));
    const times: Date[] = [];
    for (let index = skipped; times.length < opts.count; index += 1) {
      const instant = anchor + index * interval;
      if (instant >= until) break;
      times.push(new Date(instant));
    }
    return times;
  }
  return cronTimes(expression.cron, timezone, from, until, opts.count).map(
    (instant) => new Date(instant),
  );
}

/**
 * Why a schedule would never fire, in words, or `null` when it fires at least
 * once at or after `after`. For the form ("refused before anything is sent").
 */
export function neverFiresReason(
  expr: string,
  opts: Omit<FireTimeOptions, "count">,
): string | null {
  const parsed = parseScheduleExpression(expr);
  if (!parsed.ok) return parsed.error;
  const timezone = opts.timezone || "UTC";
  if (!isValidTimeZone(timezone))
    return `"${timezone}" is not a time zone; use an IANA name like Europe/Paris.`;
  if (opts.startDate && opts.endDate && opts.endDate.getTime() <= opts.startDate.getTime()) {
    return "The end date is not after the start date: move the end later or the start earlier.";
  }
  if (fireTimesOf(parsed.expression, { ...opts, count: 1 }).length > 0) return null;
  const expression = parsed.expression;
  if (expression.kind === "at")
    return `${expr} is in the past (in ${timezone}) or skipped by daylight saving: pick a later time.`;
  const unbounded = fireTimesOf(expression, { ...opts, endDate: undefined, count: 1 })[0];
  if (unbounded) {
    return `The end date comes before the first run (${unbounded.toISOString()}): move the end date later.`;
  }
  return `${expr} matches no date from now on (in ${timezone}): check the day, month and year fields.`;
}

/* ----------------------------------------------------------------- words */

/**
 * The context attribute `<aws.scheduler.scheduled-time>` as EventBridge
 * Scheduler writes it: ISO 8601 in UTC, to the second (`2026-01-05T09:00:00Z`).
 */
export function formatScheduledTime(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}

function plural(value: number, unit: string): string {
  return value === 1 ? `every ${unit}` : `every ${value} ${unit}s`;
}

/**
 * An expression in words ("At 09:00, only on Monday (Europe/Paris)"), or the
 * parse error when it is not one.
 */
export function describeScheduleExpression(expr: string, timezone?: string): string {
  const parsed = parseScheduleExpression(expr);
  if (!parsed.ok) return parsed.error;
  const zone = timezone || "UTC";
  const expression = parsed.expression;
  if (expression.kind === "rate") {
    const words = plural(expression.value, expression.unit);
    return `${words[0]?.toUpperCase()}${words.slice(1)}`;
  }
  if (expression.kind === "at") {
    const { year, month, day, hour, minute, second } = expression.at;
    const pad = (value: number) => String(value).padStart(2, "0");
    return `Once, on ${year}-${pad(month)}-${pad(day)} at ${pad(hour)}:${pad(minute)}${second ? `:${pad(second)}` : ""} (${zone})`;
  }
  // cronstrue reads seven Quartz fields (seconds first) with 1 = Sunday, as AWS counts.
  const words = cronstrue.toString(`0 ${expression.fields.join(" ")}`, {
    dayOfWeekStartIndexZero: false,
    use24HourTimeFormat: true,
    throwExceptionOnParseError: false,
  });
  return `${words} (${zone})`;
}
