/**
 * What a schedule sends when it fires: EventBridge Scheduler's universal
 * target for Clean Rooms ML's StartAudienceGenerationJob, with the job's
 * request as the target's `Input` (docs/ARCHITECTURE.md, "Schedules").
 *
 * The Input is the JSON body a direct start from the form sends, byte for
 * byte (the same request, `startRequestFor`, serialized by the same
 * restJson1 code, `serializeRequest`), with two differences only: the job's
 * name is `<base>-<aws.scheduler.scheduled-time>` (the scheduler puts the due
 * time in, so each run's name is new: job names are unique per account), and
 * the tags carry `dashboard:schedule` = the schedule's name, which ties each
 * run to its schedule.
 */
import { StartAudienceGenerationJobCommand } from "@/lib/cleanrooms-ml/commands";
import { parseEndpoint, serializeRequest } from "@/lib/cleanrooms-ml/protocol";
import type { StartAudienceGenerationJobCommandInput } from "@/lib/cleanrooms-ml/types";
import { SCHEDULE_TAG } from "@/lib/schemas/dashboard-tags";
import { NAME_MAX_LENGTH } from "@/lib/schemas/limits";
import { startRequestFor, type StartJobFormValues } from "@/lib/schemas/start-job-form-values";

/** The universal target that calls StartAudienceGenerationJob: the only schedules the dashboard shows. */
export const START_JOB_TARGET_ARN =
  "arn:aws:scheduler:::aws-sdk:cleanroomsml:startAudienceGenerationJob";

/** The context attribute EventBridge Scheduler replaces with the run's due time. */
export const SCHEDULED_TIME_ATTRIBUTE = "<aws.scheduler.scheduled-time>";

/**
 * How long the due time is once put in: ISO 8601 to the second in UTC,
 * `2026-12-07T09:00:00Z` (EventBridge Scheduler user guide, "Adding context
 * attributes"): 20 characters.
 */
export const SCHEDULED_TIME_LENGTH = "2026-12-07T09:00:00Z".length;

/** Between the base name and the due time. */
export const RUN_NAME_SEPARATOR = "-";

/**
 * The longest base name: a job name is at most 63 characters
 * (NAME_MAX_LENGTH), less the separator and the 20-character due time: 42.
 */
export const JOB_BASE_NAME_MAX_LENGTH =
  NAME_MAX_LENGTH - RUN_NAME_SEPARATOR.length - SCHEDULED_TIME_LENGTH;

/** The job name the target sends, before the scheduler puts the due time in. */
export function runNameTemplate(baseName: string): string {
  return `${baseName}${RUN_NAME_SEPARATOR}${SCHEDULED_TIME_ATTRIBUTE}`;
}

const DUE_TIME_SUFFIX = /-(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)$/;

/** A run's due time and base name, read back from its job name; undefined for another name. */
export function parseRunName(jobName: string): { baseName: string; dueTime: Date } | undefined {
  const match = DUE_TIME_SUFFIX.exec(jobName);
  if (!match) return undefined;
  const dueTime = new Date(match[1]!);
  if (Number.isNaN(dueTime.getTime())) return undefined;
  return { baseName: jobName.slice(0, match.index), dueTime };
}

// The body is the same whatever the host: only the path and headers depend on it.
const ANY_ENDPOINT = parseEndpoint("https://cleanrooms-ml.us-east-1.amazonaws.com");

/** The JSON body a StartAudienceGenerationJob request is sent as. */
export function startJobBody(request: StartAudienceGenerationJobCommandInput): string {
  const command = new StartAudienceGenerationJobCommand(request);
  return String(serializeRequest(command.operation, request, ANY_ENDPOINT).body);
}

/** What the dashboard puts in a schedule's target besides the role. */
export interface ScheduleJob {
  /** The new-job form's values; their name is replaced by the run name. */
  job: StartJobFormValues;
  baseName: string;
  scheduleName: string;
  /** The person writing the schedule (recorded as each run's starter), if signed in. */
  identity: string | undefined;
}

/** The request each run sends, with the context attribute still in its name. */
export function scheduledStartRequest({
  job,
  baseName,
  scheduleName,
  identity,
}: ScheduleJob): StartAudienceGenerationJobCommandInput {
  // The schema checked the model's unions (exactly one member set), which its inferred type cannot say.
  const request = startRequestFor(
    { ...job, name: runNameTemplate(baseName) },
    identity,
  ) as StartAudienceGenerationJobCommandInput;
  request.tags = { ...request.tags, [SCHEDULE_TAG]: scheduleName };
  return request;
}

/** The target's `Input`: the job's request as a direct start's JSON body. */
export function targetInput(schedule: ScheduleJob): string {
  return startJobBody(scheduledStartRequest(schedule));
}

/**
 * The job request a target's Input holds, or undefined when it is not JSON
 * of a job request (a schedule written by hand).
 */
export function requestFromInput(
  input: string | undefined,
): StartAudienceGenerationJobCommandInput | undefined {
  if (!input) return undefined;
  try {
    const parsed: unknown = JSON.parse(input);
    if (
      parsed &&
      typeof parsed === "object" &&
      typeof (parsed as { name?: unknown }).name === "string" &&
      typeof (parsed as { configuredAudienceModelArn?: unknown }).configuredAudienceModelArn ===
        "string"
    )
      return parsed as StartAudienceGenerationJobCommandInput;
  } catch {
    // Not JSON: not ours to read.
  }
  return undefined;
}

/** The base name of a run name template (`weekly-<aws.scheduler.scheduled-time>` → `weekly`). */
export function baseNameOf(runName: string): string {
  const suffix = `${RUN_NAME_SEPARATOR}${SCHEDULED_TIME_ATTRIBUTE}`;
  return runName.endsWith(suffix) ? runName.slice(0, -suffix.length) : runName;
}
