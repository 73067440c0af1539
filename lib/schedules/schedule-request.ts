/**
 * The schedule form's values as EventBridge Scheduler's CreateSchedule /
 * UpdateSchedule request, and a schedule read back as form values (editing:
 * the same form, filled). Field names are the Scheduler model's
 * (`scheduler-2021-06-30`); see docs/ARCHITECTURE.md, "Schedules".
 */
import type { CreateScheduleCommandInput } from "@aws-sdk/client-scheduler";

import { cadenceExpression, cadenceFromExpression } from "@/lib/schedule-time/cadence";
import { instantToZoned, readerTimeZone } from "@/lib/schedule-time/zoned-time";
import { baseNameOf, START_JOB_TARGET_ARN } from "@/lib/schemas/run-name";
import {
  flexibleWindowMinutes,
  SCHEDULE_GROUP,
  scheduleDates,
  type ScheduleFormValues,
} from "@/lib/schemas/schedule";
import { formValuesFromJob } from "@/lib/schemas/start-job-form-values";

import { requestFromInput, targetInput } from "./target-input";

/** The request that writes the schedule the (already checked) values describe. */
export function toScheduleRequest(
  values: ScheduleFormValues,
  identity: string | undefined,
): CreateScheduleCommandInput {
  const { startDate, endDate } = scheduleDates(values);
  const window = flexibleWindowMinutes(values);
  const request: CreateScheduleCommandInput = {
    Name: values.name,
    GroupName: SCHEDULE_GROUP,
    ScheduleExpression: cadenceExpression(values),
    ScheduleExpressionTimezone: values.timezone,
    State: values.enabled ? "ENABLED" : "DISABLED",
    FlexibleTimeWindow:
      window > 0 ? { Mode: "FLEXIBLE", MaximumWindowInMinutes: window } : { Mode: "OFF" },
    ActionAfterCompletion: "NONE",
    Target: {
      Arn: START_JOB_TARGET_ARN,
      RoleArn: values.roleArn,
      Input: targetInput({
        job: values.job,
        baseName: values.baseName,
        scheduleName: values.name,
        identity,
      }),
    },
  };
  if (values.description !== "") request.Description = values.description;
  if (startDate) request.StartDate = startDate;
  if (endDate) request.EndDate = endDate;
  return request;
}

/** A schedule as GetSchedule returns it, reduced to what the form reads. */
export interface ScheduleSource {
  Name?: string;
  Description?: string;
  ScheduleExpression?: string;
  ScheduleExpressionTimezone?: string;
  StartDate?: Date | string;
  EndDate?: Date | string;
  State?: string;
  FlexibleTimeWindow?: { Mode?: string; MaximumWindowInMinutes?: number };
  Target?: { RoleArn?: string; Input?: string };
}

/**
 * Form values that write the schedule again as it is, for editing it. The
 * job's settings come back from the target's Input through the new-job form's
 * own reading of a job (`formValuesFromJob`); the run name back to its base.
 */
export function formValuesFromSchedule(schedule: ScheduleSource): ScheduleFormValues {
  const timezone = schedule.ScheduleExpressionTimezone || "UTC";
  const request = requestFromInput(schedule.Target?.Input);
  const job = request
    ? { ...formValuesFromJob(request), name: request.name }
    : formValuesFromJob({ name: "", configuredAudienceModelArn: "" });
  const zoned = (date: Date | string | undefined) =>
    date === undefined ? "" : instantToZoned(new Date(date), timezone);
  return {
    ...cadenceFromExpression(schedule.ScheduleExpression ?? ""),
    name: schedule.Name ?? "",
    description: schedule.Description ?? "",
    baseName: request ? baseNameOf(request.name) : "",
    timezone,
    startDate: zoned(schedule.StartDate),
    endDate: zoned(schedule.EndDate),
    enabled: schedule.State !== "DISABLED",
    flexibleWindow:
      schedule.FlexibleTimeWindow?.Mode === "FLEXIBLE"
        ? String(schedule.FlexibleTimeWindow.MaximumWindowInMinutes ?? "")
        : "",
    roleArn: schedule.Target?.RoleArn ?? "",
    job,
  };
}

/** Base names may not hold what a schedule name may not; the schedule's name suggested from a job's. */
export function suggestedScheduleName(jobName: string): string {
  const cleaned = jobName
    .replace(/ \(copy\)$/, "")
    .trim()
    .replace(/[^0-9a-zA-Z\-_.]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 55);
  return `${cleaned || "audience"}-weekly`;
}

/**
 * New schedule values for a job (from the new-job form or a job's page):
 * weekly on the weekday of today at 09:00 in the reader's zone, on, no window,
 * the job's name as the base (cut to fit).
 */
export function newScheduleValues(
  job: ScheduleFormValues["job"],
  options: { timezone?: string; baseNameMax: number },
): ScheduleFormValues {
  const base = [...job.name.replace(/ \(copy\)$/, "").trim()]
    .slice(0, options.baseNameMax)
    .join("")
    .trim();
  return {
    cadence: "WEEKLY",
    time: "09:00",
    weekdays: ["MON"],
    monthDay: "1",
    expression: "",
    name: suggestedScheduleName(job.name),
    description: "",
    baseName: base,
    timezone: options.timezone ?? readerTimeZone(),
    startDate: "",
    endDate: "",
    enabled: true,
    flexibleWindow: "",
    roleArn: "",
    job,
  };
}
