/**
 * A scheduled run's job name: `<base>-<aws.scheduler.scheduled-time>`, which
 * EventBridge Scheduler makes unique by putting the due time in (job names
 * are unique per account and at most 63 characters). Pure, browser-safe: the
 * form counts the base name against it (docs/ARCHITECTURE.md, "Schedules").
 */
import { SCHEDULED_TIME_ATTRIBUTE, SCHEDULED_TIME_LENGTH } from "@/lib/schedule-time/expression";

import { NAME_MAX_LENGTH } from "./limits";

/**
 * The universal target that calls StartAudienceGenerationJob: the only
 * schedules the dashboard shows. The due time EventBridge Scheduler puts in
 * for `<aws.scheduler.scheduled-time>` is ISO 8601 to the second in UTC
 * (`2026-12-07T09:00:00Z`, SCHEDULED_TIME_LENGTH = 20 characters).
 */
export {
  START_AUDIENCE_JOB_TARGET_ARN as START_JOB_TARGET_ARN,
  SCHEDULED_TIME_ATTRIBUTE,
  SCHEDULED_TIME_LENGTH,
} from "@/lib/schedule-time/expression";

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

/** The base name of a run name template (`weekly-<aws.scheduler.scheduled-time>` → `weekly`). */
export function baseNameOf(runName: string): string {
  const suffix = `${RUN_NAME_SEPARATOR}${SCHEDULED_TIME_ATTRIBUTE}`;
  return runName.endsWith(suffix) ? runName.slice(0, -suffix.length) : runName;
}
