/**
 * A schedule's history, decided once here: which job ran for which due time,
 * which due times started no job ("missed"), and which run's score fell
 * clearly below the runs before it ("drift"). Every threshold is a named
 * constant and every rule has its words beside it; the pages only show what
 * these functions decide. Pure, browser-safe (docs/ARCHITECTURE.md, "Schedules").
 */
import type { AudienceSizeType } from "@/lib/cleanrooms-ml/types";
import { parseRunName } from "@/lib/schemas/run-name";

/**
 * How long after a due time (and its flexible window) a run may take to
 * appear as a job before the due time counts as missed: the scheduler's own
 * delivery and the service's answer take seconds, retries minutes.
 */
export const MISSED_AFTER_MS = 5 * 60_000;

/** A run starting this long after a due time, at most, is that due time's run (for jobs whose name carries no due time). */
export const MATCH_WINDOW_MS = 2 * 60_000;

/** Drift: how many runs before a run it is compared with. */
export const DRIFT_LOOKBACK_RUNS = 3;
/** Drift: how many of those must have a score for the comparison to mean anything. */
export const DRIFT_MIN_PREVIOUS = 2;
/** Drift: how far below their median a run's score must fall, in points of the 0–10 scale. */
export const DRIFT_DROP_POINTS = 1;

/** The drift rule in words, for the page to show beside a flag. */
export function driftRule(sizeLabel: string): string {
  return `A run is flagged when its relevance score at ${sizeLabel} is more than ${DRIFT_DROP_POINTS} point below the median of the ${DRIFT_LOOKBACK_RUNS} runs before it (on the 0–10 scale; at least ${DRIFT_MIN_PREVIOUS} of them must have a score).`;
}

/** What to check when a due time started no job, in words. */
export const MISSED_ADVICE =
  "The schedule was due but no job started. Usually the scheduler's role may not do it: check that the role trusts scheduler.amazonaws.com, allows cleanrooms-ml:StartAudienceGenerationJob and iam:PassRole on the seed role, and that the seed, model and name are still valid (a start refused for bad input starts nothing). The schedule's dead-letter queue, if it has one, holds the refusal.";

export interface RunJob {
  audienceGenerationJobArn: string;
  name: string;
  /** ISO time. */
  createTime: string;
  status: string;
}

export interface HistoryEntry<J extends RunJob> {
  /** The due time this entry is for: from the run's name, else the matched due time; undefined for a run matching none. */
  dueTime: Date | undefined;
  /** The job that ran; undefined for a missed due time. */
  job: J | undefined;
  missed: boolean;
}

/**
 * Runs and missed due times, newest first. A job belongs to the due time in
 * its name (`<base>-<scheduled time>`); a job whose name has none, to the
 * latest due time at most {@link MATCH_WINDOW_MS} (plus the flexible window)
 * before it started. A due time with no job is missed once `now` is past it
 * by the flexible window and {@link MISSED_AFTER_MS}; until then it is only
 * not yet started, and not listed.
 */
export function scheduleHistory<J extends RunJob>({
  dueTimes,
  runs,
  flexibleWindowMinutes,
  now,
}: {
  dueTimes: Date[];
  runs: J[];
  flexibleWindowMinutes: number;
  now: Date;
}): HistoryEntry<J>[] {
  const windowMs = flexibleWindowMinutes * 60_000;
  const claimed = new Set<number>();
  const entries: HistoryEntry<J>[] = [];
  // To the second, as the scheduler writes the due time into a run's name (a rate counted
  // from the moment a schedule was made has milliseconds the name cannot carry).
  const dueMs = [...new Set(dueTimes.map((d) => Math.floor(d.getTime() / 1000) * 1000))];
  for (const job of runs) {
    const named = parseRunName(job.name)?.dueTime;
    let dueTime = named;
    if (!dueTime) {
      const started = Date.parse(job.createTime);
      const candidates = dueMs.filter(
        (d) => d <= started && started - d <= windowMs + MATCH_WINDOW_MS && !claimed.has(d),
      );
      if (candidates.length > 0) dueTime = new Date(Math.max(...candidates));
    }
    if (dueTime) claimed.add(dueTime.getTime());
    entries.push({ dueTime, job, missed: false });
  }
  for (const d of dueMs) {
    if (claimed.has(d)) continue;
    if (now.getTime() < d + windowMs + MISSED_AFTER_MS) continue;
    entries.push({ dueTime: new Date(d), job: undefined, missed: true });
  }
  const at = (e: HistoryEntry<J>) => e.dueTime?.getTime() ?? Date.parse(e.job!.createTime);
  return entries.sort((a, b) => at(b) - at(a));
}

export interface RunScore {
  /** Relevance score at the chosen size, 0–10; undefined when the run has none. */
  score: number | undefined;
}

/**
 * For each run (oldest first), whether its score fell clearly below the runs
 * before it ({@link driftRule}): more than {@link DRIFT_DROP_POINTS} below the
 * median of the last {@link DRIFT_LOOKBACK_RUNS} scored runs before it, with
 * at least {@link DRIFT_MIN_PREVIOUS} of them. Runs without a score are
 * neither flagged nor counted.
 */
export function driftFlags(runsOldestFirst: RunScore[]): boolean[] {
  const scored: number[] = [];
  return runsOldestFirst.map(({ score }) => {
    if (score === undefined) return false;
    const previous = scored.slice(-DRIFT_LOOKBACK_RUNS);
    scored.push(score);
    if (previous.length < DRIFT_MIN_PREVIOUS) return false;
    return score < median(previous) - DRIFT_DROP_POINTS;
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface SizedMetrics {
  relevanceMetrics: { audienceSize: { type: AudienceSizeType; value: number }; score?: number }[];
  recallMetric?: number;
}

/** A run's relevance score at one size (`TYPE:value`), if it was scored there. */
export function scoreAt(metrics: SizedMetrics | undefined, sizeKey: string): number | undefined {
  return metrics?.relevanceMetrics.find(
    (m) => `${m.audienceSize.type}:${m.audienceSize.value}` === sizeKey,
  )?.score;
}
