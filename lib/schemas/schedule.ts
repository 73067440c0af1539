/**
 * The schedule form's rules, once: EventBridge Scheduler's own limits (from
 * its model, `scheduler-2021-06-30/service-2.json`, as named constants) and
 * ours (a base name that leaves room for the run's due time, an expression
 * that fires, an end after the start, a role that trusts the scheduler).
 * Used by the form (zodResolver, with what it knows at run time in
 * react-hook-form's `context`) and by the server actions, which parse again.
 * See docs/ARCHITECTURE.md, "Schedules".
 */
import "@/lib/schemas/zod-config";

import { z } from "zod";

import {
  cadenceExpression,
  CADENCES,
  MONTH_DAY_MAX,
  MONTH_DAY_MIN,
  parseMonthDay,
  parseTime,
  WEEKDAYS,
  type CadenceValues,
} from "@/lib/schedule-time/cadence";
import {
  isValidTimeZone,
  neverFiresReason,
  SCHEDULE_EXPRESSION_MAX_LENGTH,
} from "@/lib/schedule-time/expression";
import { zonedToInstant } from "@/lib/schedule-time/zoned-time";

import { issuePath } from "./issues";
import { codePointLength, NAME_PATTERN } from "./limits";
import { JOB_BASE_NAME_MAX_LENGTH, runNameTemplate } from "./run-name";
import { startJobFormSchema, type StartJobFormValues } from "./start-job-form";

// ---------------------------------------------------------------------------
// EventBridge Scheduler's limits (its model)

/** `Name`: 1 to 64 of `[0-9a-zA-Z-_.]`. */
export const SCHEDULE_NAME_MIN_LENGTH = 1;
export const SCHEDULE_NAME_MAX_LENGTH = 64;
export const SCHEDULE_NAME_PATTERN = /^[0-9a-zA-Z\-_.]+$/;
/** `Description`: at most 512 characters. */
export const SCHEDULE_DESCRIPTION_MAX_LENGTH = 512;
/** `ScheduleExpressionTimezone`: 1 to 50 characters. */
export const SCHEDULE_TIMEZONE_MAX_LENGTH = 50;
/** `MaximumWindowInMinutes`: 1 to 1,440 (a day). */
export const FLEXIBLE_WINDOW_MIN_MINUTES = 1;
export const FLEXIBLE_WINDOW_MAX_MINUTES = 1440;
/** `RoleArn`: 1 to 1,600 characters of an IAM role ARN. */
export const SCHEDULER_ROLE_ARN_MAX_LENGTH = 1600;
export const SCHEDULER_ROLE_ARN_PATTERN = /^arn:aws(-[a-z]+)?:iam::\d{12}:role\/[\w+=,.@/-]+$/;
export { SCHEDULE_EXPRESSION_MAX_LENGTH };
/** The only schedule group the dashboard writes to. */
export const SCHEDULE_GROUP = "default";

/** The service EventBridge Scheduler assumes roles as. */
export const SCHEDULER_PRINCIPAL = "scheduler.amazonaws.com";

export const scheduleNameSchema = z
  .string()
  .min(SCHEDULE_NAME_MIN_LENGTH, { message: "Schedule name is required" })
  .max(SCHEDULE_NAME_MAX_LENGTH, {
    message: `Schedule name must be at most ${SCHEDULE_NAME_MAX_LENGTH} characters`,
  })
  .regex(SCHEDULE_NAME_PATTERN, {
    message:
      "Schedule name may use only letters, digits, hyphens (-), underscores (_) and dots (.)",
  });

// ---------------------------------------------------------------------------
// The form

// A type, not an interface: the values are also read as a plain record.
export type ScheduleFormValues = CadenceValues & {
  name: string;
  description: string;
  /** The job name each run starts with; the due time is added after a hyphen. */
  baseName: string;
  timezone: string;
  /** `YYYY-MM-DDTHH:MM` in the schedule's time zone, or empty for "from now". */
  startDate: string;
  /** `YYYY-MM-DDTHH:MM` in the schedule's time zone, or empty for "no end". */
  endDate: string;
  enabled: boolean;
  /** Minutes as typed; empty means the window is off (each run at its exact time). */
  flexibleWindow: string;
  /** The role EventBridge Scheduler assumes to start the job. */
  roleArn: string;
  /** The job each run starts, as the new-job form holds it. */
  job: StartJobFormValues;
};

/** What the rules need at run time (react-hook-form's `context` in the browser). */
export interface ScheduleFormContext {
  /** The roles of the account that trust EventBridge Scheduler, when they could be read. */
  schedulerRoles: readonly string[] | undefined;
  /** The time "never fires" is judged from. */
  now: Date;
}

const jobShape = z.custom<StartJobFormValues>(
  (value) => typeof value === "object" && value !== null,
  { message: "The job to repeat is missing" },
);

const formShape = z.strictObject({
  name: z.string(),
  description: z.string(),
  baseName: z.string(),
  cadence: z.enum(CADENCES, { error: "Choose how often the job runs" }),
  time: z.string(),
  weekdays: z.array(z.enum(WEEKDAYS)),
  monthDay: z.string(),
  expression: z.string(),
  timezone: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  enabled: z.boolean(),
  flexibleWindow: z.string(),
  roleArn: z.string(),
  job: jobShape,
}) satisfies z.ZodType<ScheduleFormValues>;

/** The instants the start and end dates name, in the schedule's zone (undefined when empty or unreadable). */
export function scheduleDates(
  values: Pick<ScheduleFormValues, "startDate" | "endDate" | "timezone">,
) {
  return {
    startDate: values.startDate ? zonedToInstant(values.startDate, values.timezone) : undefined,
    endDate: values.endDate ? zonedToInstant(values.endDate, values.timezone) : undefined,
  };
}

/** The window in minutes, 0 when off. */
export function flexibleWindowMinutes(values: Pick<ScheduleFormValues, "flexibleWindow">): number {
  const text = values.flexibleWindow.trim();
  return text === "" ? 0 : Number(text);
}

function add(ctx: z.RefinementCtx, path: string, message: string) {
  ctx.addIssue({ code: "custom", path: [path], message });
}

function checkSchedule(
  values: ScheduleFormValues,
  ctx: z.RefinementCtx,
  context: ScheduleFormContext,
) {
  const name = scheduleNameSchema.safeParse(values.name);
  if (!name.success) add(ctx, "name", name.error.issues[0]!.message);

  if (codePointLength(values.description) > SCHEDULE_DESCRIPTION_MAX_LENGTH)
    add(
      ctx,
      "description",
      `Description must be at most ${SCHEDULE_DESCRIPTION_MAX_LENGTH} characters`,
    );

  const base = values.baseName;
  if (base.trim() === "") add(ctx, "baseName", "Job name is required");
  else if (codePointLength(base) > JOB_BASE_NAME_MAX_LENGTH)
    add(
      ctx,
      "baseName",
      `Job name must be at most ${JOB_BASE_NAME_MAX_LENGTH} characters: each run adds "-" and its 20-character due time, and a job name is at most 63`,
    );
  else if (!NAME_PATTERN.test(base))
    add(ctx, "baseName", "Job name has characters a job name cannot have");

  // The cadence's own fields, each beside itself.
  if (values.cadence !== "EXPRESSION" && !parseTime(values.time))
    add(ctx, "time", "Enter a time as HH:MM, 24-hour (e.g. 09:00)");
  if (values.cadence === "WEEKLY" && values.weekdays.length === 0)
    add(ctx, "weekdays", "Choose at least one day of the week");
  if (values.cadence === "MONTHLY" && parseMonthDay(values.monthDay) === undefined)
    add(ctx, "monthDay", `Enter a day of the month from ${MONTH_DAY_MIN} to ${MONTH_DAY_MAX}`);
  if (values.cadence === "EXPRESSION") {
    if (values.expression.trim() === "")
      add(ctx, "expression", "Enter a cron() or rate() expression");
    else if (values.expression.trim().length > SCHEDULE_EXPRESSION_MAX_LENGTH)
      add(
        ctx,
        "expression",
        `An expression is at most ${SCHEDULE_EXPRESSION_MAX_LENGTH} characters`,
      );
  }

  let zoneOk = true;
  if (values.timezone.trim() === "") {
    add(ctx, "timezone", "Choose a time zone");
    zoneOk = false;
  } else if (
    values.timezone.length > SCHEDULE_TIMEZONE_MAX_LENGTH ||
    !isValidTimeZone(values.timezone)
  ) {
    add(
      ctx,
      "timezone",
      `"${values.timezone}" is not a time zone: choose one from the list (e.g. Europe/Paris)`,
    );
    zoneOk = false;
  }

  const dates = zoneOk ? scheduleDates(values) : { startDate: undefined, endDate: undefined };
  let datesOk = zoneOk;
  if (zoneOk && values.startDate !== "" && !dates.startDate) {
    add(ctx, "startDate", "Enter the start as a date and a time");
    datesOk = false;
  }
  if (zoneOk && values.endDate !== "" && !dates.endDate) {
    add(ctx, "endDate", "Enter the end as a date and a time");
    datesOk = false;
  }
  if (dates.startDate && dates.endDate && dates.endDate.getTime() <= dates.startDate.getTime()) {
    add(
      ctx,
      "endDate",
      "The end must come after the start: move the end later or the start earlier",
    );
    datesOk = false;
  }
  if (dates.endDate && dates.endDate.getTime() <= context.now.getTime()) {
    add(
      ctx,
      "endDate",
      "The end is in the past: the schedule would never run. Move it later or leave it empty",
    );
    datesOk = false;
  }

  // Does it ever fire? Judged only once the cadence, zone and dates are readable.
  const expression = cadenceExpression(values);
  if (expression && zoneOk && datesOk) {
    const reason = neverFiresReason(expression, {
      timezone: values.timezone,
      after: context.now,
      startDate: dates.startDate,
      endDate: dates.endDate,
    });
    if (reason) {
      const field =
        values.cadence === "EXPRESSION"
          ? "expression"
          : /end date/i.test(reason)
            ? "endDate"
            : values.cadence === "WEEKLY"
              ? "weekdays"
              : values.cadence === "MONTHLY"
                ? "monthDay"
                : "time";
      add(ctx, field, reason);
    }
  }

  const text = values.flexibleWindow.trim();
  if (text !== "") {
    const minutes = Number(text);
    if (
      !/^\d+$/.test(text) ||
      minutes < FLEXIBLE_WINDOW_MIN_MINUTES ||
      minutes > FLEXIBLE_WINDOW_MAX_MINUTES
    )
      add(
        ctx,
        "flexibleWindow",
        `Enter whole minutes from ${FLEXIBLE_WINDOW_MIN_MINUTES} to ${FLEXIBLE_WINDOW_MAX_MINUTES}, or leave it empty to run at the exact time`,
      );
  }

  if (values.roleArn.trim() === "")
    add(ctx, "roleArn", "Choose the role EventBridge Scheduler assumes");
  else if (
    values.roleArn.length > SCHEDULER_ROLE_ARN_MAX_LENGTH ||
    !SCHEDULER_ROLE_ARN_PATTERN.test(values.roleArn)
  )
    add(
      ctx,
      "roleArn",
      "Enter an IAM role ARN like arn:aws:iam::111122223333:role/AudienceScheduler",
    );
  else if (context.schedulerRoles && !context.schedulerRoles.includes(values.roleArn))
    add(
      ctx,
      "roleArn",
      `This role does not trust ${SCHEDULER_PRINCIPAL} (or is not in this account): choose one from the list, or add ${SCHEDULER_PRINCIPAL} to its trust policy in IAM`,
    );

  // The job itself, by the new-job form's own rules, with the name a run will have.
  // (The base name's length is the base name's own rule above, not the job's.)
  const job = startJobFormSchema.safeParse({ ...values.job, name: runNameTemplate("run") });
  if (!job.success) {
    const first = job.error.issues[0]!;
    const where = issuePath(first);
    add(
      ctx,
      "job",
      `The job's settings need a fix${where ? ` (${where})` : ""}: ${first.message}. Change them in the new-job form, then repeat it again.`,
    );
  }
}

/** The form's schema with what is known at run time; the server actions pass what they read. */
export const scheduleFormSchemaFor = (context: ScheduleFormContext) =>
  formShape.superRefine((values, ctx) => checkSchedule(values, ctx, context));

/**
 * The form's schema as the server actions apply it: the same rules, judged
 * from the moment of the call, with no roles list (the action asks IAM itself).
 */
export const scheduleFormSchema = formShape.superRefine((values, ctx) =>
  checkSchedule(values, ctx, { schedulerRoles: undefined, now: new Date() }),
);

/** Which form field a service message about a request member is about. */
const MEMBER_TO_FIELD: [RegExp, keyof ScheduleFormValues][] = [
  [/ScheduleExpressionTimezone|time ?zone/i, "timezone"],
  [/ScheduleExpression|expression/i, "expression"],
  [/StartDate|start date/i, "startDate"],
  [/EndDate|end date/i, "endDate"],
  [/FlexibleTimeWindow|MaximumWindowInMinutes/i, "flexibleWindow"],
  [/RoleArn|role/i, "roleArn"],
  [/Input/, "job"],
  [/Description/, "description"],
  [/\bName\b|schedule name/i, "name"],
];

/** The field a service refusal names, for the form to show it there. */
export function scheduleFieldForMessage(message: string): keyof ScheduleFormValues | undefined {
  // The member named first is the one the message is about ("EndDate must be after StartDate").
  let best: { at: number; field: keyof ScheduleFormValues } | undefined;
  for (const [pattern, field] of MEMBER_TO_FIELD) {
    const at = message.search(pattern);
    if (at !== -1 && (best === undefined || at < best.at)) best = { at, field };
  }
  return best?.field;
}

/** Pause or resume, and the schedule's name. */
export const scheduleStateSchema = z.strictObject({
  name: scheduleNameSchema,
  enabled: z.boolean(),
});

/** A schedule named alone (delete). */
export const scheduleRefSchema = z.strictObject({ name: scheduleNameSchema });
