import "server-only";

import {
  GetScheduleCommand,
  paginateListSchedules,
  type GetScheduleCommandOutput,
} from "@aws-sdk/client-scheduler";

import { scheduler } from "@/lib/aws-clients";
import type { StartAudienceGenerationJobCommandInput } from "@/lib/cleanrooms-ml";
import { mayHaveExports } from "@/lib/job-status";
import { listExportJobs, type ExportJobData } from "@/lib/reads/exports";
import { readJob, readJobsPage, type JobData, type JobSummaryData } from "@/lib/reads/jobs";
import { readRolesTrusting, type RoleData } from "@/lib/reads/roles";
import { SCHEDULE_TAG } from "@/lib/schemas/dashboard-tags";
import { baseNameOf, parseRunName, START_JOB_TARGET_ARN } from "@/lib/schemas/run-name";
import { SCHEDULE_GROUP, SCHEDULER_PRINCIPAL } from "@/lib/schemas/schedule";

import { requestFromInput } from "./target-input";

/**
 * The dashboard's reads of EventBridge Scheduler, through the official
 * client: only schedules whose target starts an audience generation job
 * (other targets are not ours to show), and each schedule's runs (the jobs
 * tagged `dashboard:schedule` = its name). Schedules are read anew for each
 * page: a teammate's pause must show at once (docs/ARCHITECTURE.md, "Schedules").
 */

/** A schedule as the pages show it: JSON-safe, dates as ISO strings. */
export interface ScheduleView {
  name: string;
  groupName: string;
  arn: string;
  state: "ENABLED" | "DISABLED";
  expression: string;
  timezone: string;
  description?: string;
  startDate?: string;
  endDate?: string;
  creationDate?: string;
  lastModificationDate?: string;
  /** 0 when the flexible window is off. */
  flexibleWindowMinutes: number;
  roleArn: string;
  /** The job request each run sends (the target's Input), when it is one. */
  request?: StartAudienceGenerationJobCommandInput;
  /** The run name's base (`<base>-<scheduled time>`). */
  baseName?: string;
}

const iso = (date: Date | undefined) => date?.toISOString();

function toView(output: GetScheduleCommandOutput): ScheduleView | undefined {
  if (output.Target?.Arn !== START_JOB_TARGET_ARN) return undefined;
  const request = requestFromInput(output.Target.Input);
  const window = output.FlexibleTimeWindow;
  const view: ScheduleView = {
    name: output.Name ?? "",
    groupName: output.GroupName ?? SCHEDULE_GROUP,
    arn: output.Arn ?? "",
    state: output.State === "DISABLED" ? "DISABLED" : "ENABLED",
    expression: output.ScheduleExpression ?? "",
    timezone: output.ScheduleExpressionTimezone || "UTC",
    description: output.Description || undefined,
    startDate: iso(output.StartDate),
    endDate: iso(output.EndDate),
    creationDate: iso(output.CreationDate),
    lastModificationDate: iso(output.LastModificationDate),
    flexibleWindowMinutes: window?.Mode === "FLEXIBLE" ? (window.MaximumWindowInMinutes ?? 0) : 0,
    roleArn: output.Target.RoleArn ?? "",
    request: request ? JSON.parse(JSON.stringify(request)) : undefined,
    baseName: request ? baseNameOf(request.name) : undefined,
  };
  return view;
}

/** The schedule's raw GetSchedule answer (for editing), or undefined when it does not start audience jobs. */
export async function getScheduleOutput(
  name: string,
): Promise<GetScheduleCommandOutput | undefined> {
  const output = await scheduler().send(
    new GetScheduleCommand({ Name: name, GroupName: SCHEDULE_GROUP }),
  );
  return output.Target?.Arn === START_JOB_TARGET_ARN ? output : undefined;
}

/** One schedule, or undefined when there is none of that name that starts audience jobs. */
export async function getSchedule(name: string): Promise<ScheduleView | undefined> {
  try {
    const output = await getScheduleOutput(name);
    return output && toView(output);
  } catch (error) {
    if (error instanceof Error && error.name === "ResourceNotFoundException") return undefined;
    throw error;
  }
}

/**
 * Every schedule of the account's default group that starts audience jobs:
 * ListSchedules (every page; its summaries name the target), then
 * GetSchedule for each of ours (the summary has no expression), by name.
 */
export async function listSchedules(): Promise<ScheduleView[]> {
  const names: string[] = [];
  for await (const page of paginateListSchedules(
    { client: scheduler(), pageSize: 100 },
    { GroupName: SCHEDULE_GROUP },
  )) {
    for (const summary of page.Schedules ?? []) {
      if (summary.Target?.Arn === START_JOB_TARGET_ARN && summary.Name) names.push(summary.Name);
    }
  }
  const schedules = await Promise.all(names.map((name) => getSchedule(name)));
  return schedules
    .filter((s): s is ScheduleView => s !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Jobs read at most, newest first, when looking for a schedule's runs. */
export const RUN_CANDIDATES_MAX = 100;

/**
 * Every job summary the account lists (every page), read anew for the page
 * being rendered (joining a read under way): a run started a moment ago must
 * show, and a cached list could be seconds old.
 */
async function allJobSummaries(): Promise<JobSummaryData[]> {
  const jobs: JobSummaryData[] = [];
  let nextToken: string | undefined;
  do {
    const { data } = await readJobsPage({ maxResults: 100, nextToken }, { fresh: true });
    jobs.push(...data.audienceGenerationJobs);
    nextToken = data.nextToken;
  } while (nextToken);
  return jobs;
}

/** A run: the job as GetAudienceGenerationJob returns it. */
export type RunData = JobData;

/**
 * Each schedule's runs, newest first: jobs named like a run
 * (`<base>-<scheduled time>`), each read whole and kept when its
 * `dashboard:schedule` tag names the schedule. One pass over the job list
 * for any number of schedules.
 */
export async function readScheduleRuns(
  schedules: Pick<ScheduleView, "name">[],
  options: { perSchedule?: number } = {},
): Promise<Map<string, RunData[]>> {
  const summaries = await allJobSummaries();
  const candidates = summaries
    .filter((job) => parseRunName(job.name) !== undefined)
    .sort((a, b) => Date.parse(b.createTime) - Date.parse(a.createTime))
    .slice(0, RUN_CANDIDATES_MAX);
  const jobs = await Promise.all(
    candidates.map((job) =>
      readJob(job.audienceGenerationJobArn).then(
        (read) => read.data,
        () => undefined,
      ),
    ),
  );
  const runs = new Map<string, RunData[]>(schedules.map((s) => [s.name, []]));
  for (const job of jobs) {
    const owner = job?.tags?.[SCHEDULE_TAG];
    const list = owner === undefined ? undefined : runs.get(owner);
    if (job && list && list.length < (options.perSchedule ?? Infinity)) list.push(job);
  }
  return runs;
}

/** Exports of the finished runs (failures read as none: the page says exports could not be read). */
export async function readRunExports(
  runs: RunData[],
): Promise<Record<string, ExportJobData[] | null>> {
  const entries = await Promise.all(
    runs.map(async (run) => {
      if (!mayHaveExports(run.status)) return [run.audienceGenerationJobArn, []] as const;
      try {
        return [
          run.audienceGenerationJobArn,
          await listExportJobs(run.audienceGenerationJobArn),
        ] as const;
      } catch {
        return [run.audienceGenerationJobArn, null] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** The account's roles EventBridge Scheduler may assume, for the role picker. */
export function readSchedulerRoles(options: { fresh?: boolean } = {}) {
  return readRolesTrusting(SCHEDULER_PRINCIPAL, options);
}

/** The scheduler roles' ARNs, or undefined when IAM cannot be read (the form then takes what is typed). */
export async function schedulerRoleArns(): Promise<string[] | undefined> {
  try {
    return (await readSchedulerRoles({ fresh: true })).data.map((r: RoleData) => r.arn);
  } catch {
    return undefined;
  }
}
