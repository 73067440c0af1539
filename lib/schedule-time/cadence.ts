/**
 * A schedule's cadence in words (every day / every week on chosen days /
 * every month on a day, at a time) and the AWS cron expression it is: the
 * form offers the words first, and AWS's own six-field `cron()` or `rate()`
 * for those who want it. Pure, browser-safe. Expression rules:
 * docs/ARCHITECTURE.md, "Schedules".
 */

export const CADENCES = ["DAILY", "WEEKLY", "MONTHLY", "EXPRESSION"] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_LABEL: Record<Cadence, string> = {
  DAILY: "Every day",
  WEEKLY: "Every week",
  MONTHLY: "Every month",
  EXPRESSION: "cron() or rate() expression",
};

/** AWS cron's day-of-week names, Monday first (as a week reads on a calendar here). */
export const WEEKDAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABEL: Record<Weekday, string> = {
  MON: "Monday",
  TUE: "Tuesday",
  WED: "Wednesday",
  THU: "Thursday",
  FRI: "Friday",
  SAT: "Saturday",
  SUN: "Sunday",
};

export const MONTH_DAY_MIN = 1;
export const MONTH_DAY_MAX = 31;

export interface CadenceValues {
  cadence: Cadence;
  /** `HH:MM`, 24-hour, in the schedule's time zone. */
  time: string;
  weekdays: Weekday[];
  /** The day of the month as typed, 1 to 31. */
  monthDay: string;
  /** AWS's own expression, for the expression cadence. */
  expression: string;
}

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `[hour, minute]` of an `HH:MM` time, or undefined. */
export function parseTime(time: string): [number, number] | undefined {
  const match = TIME_PATTERN.exec(time);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** The day of the month as a number from 1 to 31, or undefined. */
export function parseMonthDay(text: string): number | undefined {
  if (!/^\d{1,2}$/.test(text.trim())) return undefined;
  const day = Number(text.trim());
  return day >= MONTH_DAY_MIN && day <= MONTH_DAY_MAX ? day : undefined;
}

/**
 * The AWS expression for a cadence: `cron(minutes hours day-of-month month
 * day-of-week year)`, with `?` in whichever of the two day fields is not
 * used (AWS requires one of them to be `?`). Undefined while the cadence is
 * incomplete (no time, no weekday, no day of the month); the typed
 * expression, trimmed, for the expression cadence.
 */
export function cadenceExpression(values: CadenceValues): string | undefined {
  if (values.cadence === "EXPRESSION") return values.expression.trim() || undefined;
  const time = parseTime(values.time);
  if (!time) return undefined;
  const [hour, minute] = time;
  switch (values.cadence) {
    case "DAILY":
      return `cron(${minute} ${hour} * * ? *)`;
    case "WEEKLY": {
      const days = WEEKDAYS.filter((d) => values.weekdays.includes(d));
      return days.length > 0 ? `cron(${minute} ${hour} ? * ${days.join(",")} *)` : undefined;
    }
    case "MONTHLY": {
      const day = parseMonthDay(values.monthDay);
      return day === undefined ? undefined : `cron(${minute} ${hour} ${day} * ? *)`;
    }
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The words cadence an expression was made from, when it is one of the three
 * shapes {@link cadenceExpression} writes; otherwise the expression cadence
 * with the expression as it is (editing a schedule made elsewhere).
 */
export function cadenceFromExpression(expression: string): CadenceValues {
  const base: CadenceValues = {
    cadence: "EXPRESSION",
    time: "09:00",
    weekdays: ["MON"],
    monthDay: "1",
    expression,
  };
  const match = /^cron\((\d{1,2}) (\d{1,2}) (\S+) \* (\S+) \*\)$/.exec(expression.trim());
  if (!match) return base;
  const [, m, h, dayOfMonth, dayOfWeek] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const minute = Number(m);
  const hour = Number(h);
  if (minute > 59 || hour > 23) return base;
  const time = `${pad(hour)}:${pad(minute)}`;
  if (dayOfMonth === "*" && dayOfWeek === "?") return { ...base, cadence: "DAILY", time };
  if (dayOfMonth === "?") {
    const days = dayOfWeek.split(",");
    if (days.every((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d)))
      return { ...base, cadence: "WEEKLY", time, weekdays: days };
    return base;
  }
  if (dayOfWeek === "?" && parseMonthDay(dayOfMonth) !== undefined)
    return { ...base, cadence: "MONTHLY", time, monthDay: dayOfMonth };
  return base;
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

/**
 * A words cadence in words ("Every week on Monday and Thursday at 09:00"),
 * or undefined for the expression cadence or an incomplete one (the
 * expression's own description speaks for those).
 */
export function cadenceInWords(values: CadenceValues): string | undefined {
  if (values.cadence === "EXPRESSION" || cadenceExpression(values) === undefined) return undefined;
  const at = `at ${values.time}`;
  switch (values.cadence) {
    case "DAILY":
      return `Every day ${at}`;
    case "WEEKLY":
      return `Every week on ${listInWords(
        WEEKDAYS.filter((d) => values.weekdays.includes(d)).map((d) => WEEKDAY_LABEL[d]),
      )} ${at}`;
    case "MONTHLY": {
      const day = parseMonthDay(values.monthDay)!;
      return `Every month on the ${ordinal(day)} ${at}${day > 28 ? " (months without that day are skipped)" : ""}`;
    }
  }
}
