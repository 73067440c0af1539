/**
 * What a schedule's page shows, from what the server read: the due times
 * since the schedule was made, its runs and their exports, put together by
 * the rules of `./history`. Pure, so the page's facts are unit-tested.
 */
import type { AudienceSizeType } from "@/lib/cleanrooms-ml/types";
import { mayHaveExports } from "@/lib/job-status";
import { jobAdvice, type ScoredSize } from "@/lib/relevance";
import { nextFireTimes } from "@/lib/schedule-time/expression";

import { scheduleHistory, type RunJob } from "./history";

/** How far back due times are looked for (older runs are still listed, just never called missed). */
export const DUE_LOOKBACK_MS = 90 * 24 * 3_600_000;
/** Due times computed at most (a per-minute schedule over the look-back is cut here). */
export const DUE_TIMES_MAX = 2_000;

export interface RunInput extends RunJob {
  status: RunJob["status"];
  metrics?: {
    relevanceMetrics: { audienceSize: { type: AudienceSizeType; value: number }; score?: number }[];
    recallMetric?: number;
  };
}

export interface ExportInput {
  createTime: string;
  audienceSize: { type: AudienceSizeType; value: number };
}

export interface RunRow {
  /** ISO due time, when known. */
  dueTime?: string;
  missed: boolean;
  job?: {
    arn: string;
    name: string;
    status: string;
    createTime: string;
    recall?: number;
    sizes: ScoredSize[];
    /** Whether the job can be exported (finished). */
    finished: boolean;
    /** Its exports: how many, or null when they could not be read. */
    exportCount: number | null;
  };
}

export interface ScheduleTimes {
  expression: string;
  timezone: string;
  state: string;
  startDate?: string;
  endDate?: string;
  creationDate?: string;
  lastModificationDate?: string;
}

/**
 * The due times the schedule had: from its creation (at most
 * {@link DUE_LOOKBACK_MS} back) to now, or to when it was paused.
 */
export function pastDueTimes(schedule: ScheduleTimes, now: Date): Date[] {
  const until =
    schedule.state === "DISABLED" && schedule.lastModificationDate
      ? Math.min(Date.parse(schedule.lastModificationDate), now.getTime())
      : now.getTime();
  const created = schedule.creationDate ? Date.parse(schedule.creationDate) : until;
  const after = new Date(Math.max(created, until - DUE_LOOKBACK_MS));
  return nextFireTimes(schedule.expression, {
    timezone: schedule.timezone,
    after,
    count: DUE_TIMES_MAX,
    startDate: schedule.startDate ? new Date(schedule.startDate) : undefined,
    endDate: schedule.endDate ? new Date(schedule.endDate) : undefined,
  }).filter((d) => d.getTime() <= until);
}

/** The rows of the history table, newest first. */
export function historyRows({
  schedule,
  flexibleWindowMinutes,
  runs,
  exports,
  now,
}: {
  schedule: ScheduleTimes;
  flexibleWindowMinutes: number;
  runs: RunInput[];
  /** Each run's exports by job ARN; null when they could not be read, absent when not read. */
  exports: Record<string, ExportInput[] | null>;
  now: Date;
}): RunRow[] {
  const entries = scheduleHistory({
    dueTimes: pastDueTimes(schedule, now),
    runs,
    flexibleWindowMinutes,
    now,
  });
  return entries.map((entry) => {
    const job = entry.job;
    const row: RunRow = { dueTime: entry.dueTime?.toISOString(), missed: entry.missed };
    if (job) {
      const read = exports[job.audienceGenerationJobArn];
      row.job = {
        arn: job.audienceGenerationJobArn,
        name: job.name,
        status: job.status,
        createTime: job.createTime,
        recall: job.metrics?.recallMetric,
        sizes: (job.metrics?.relevanceMetrics ?? []).map((m) => ({
          type: m.audienceSize.type,
          value: m.audienceSize.value,
          score: m.score,
        })),
        finished: mayHaveExports(job.status as Parameters<typeof mayHaveExports>[0]),
        exportCount: read === undefined ? 0 : read === null ? null : read.length,
      };
    }
    return row;
  });
}

/** The size of the newest export of any run: "the same size as last time". */
export function lastExportedSize(
  exports: Record<string, ExportInput[] | null>,
): { type: AudienceSizeType; value: number } | undefined {
  const all = Object.values(exports).flatMap((list) => list ?? []);
  all.sort((a, b) => Date.parse(b.createTime) - Date.parse(a.createTime));
  return all[0]?.audienceSize;
}

/** The size a run is exported at in one action: the last exported size, else the run's suggested size. */
export function oneActionExportSize(
  last: { type: AudienceSizeType; value: number } | undefined,
  recall: number | undefined,
  sizes: ScoredSize[],
): { size: { type: AudienceSizeType; value: number }; why: "last" | "suggested" } | undefined {
  if (last) return { size: last, why: "last" };
  // The job page's own advice: a run close to random has no suggested size.
  const suggestion = jobAdvice(recall, sizes).suggestion;
  return suggestion
    ? { size: { type: suggestion.size.type, value: suggestion.size.value }, why: "suggested" }
    : undefined;
}
