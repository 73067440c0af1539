/**
 * Status as a function of stored times and the clock. Nothing here keeps a
 * timer: a job's row says when it was created, how long each phase lasts and,
 * once computed, when it is done, so a restarted process reads the same status
 * the old one would have shown.
 */
import { canDelete } from "../lib/job-status";
import {
  AUDIENCE_EXPORT_JOB_STATUSES,
  AUDIENCE_GENERATION_JOB_STATUSES,
} from "../lib/schemas/api";

/** Seconds at time scale 1. */
export const CREATE_PENDING_SECONDS = 5;
export const DELETE_PENDING_SECONDS = 2;
export const DELETE_IN_PROGRESS_SECONDS = 6;
export const EXPORT_PENDING_SECONDS = 3;

/** Compute used when a job names none (S3 seeds, or SQL seeds without sqlComputeConfiguration). */
export const DEFAULT_WORKER = { type: "CR.1X", number: 16 } as const;
const WORKER_TYPE_SPEED: Record<string, number> = { "CR.1X": 1, "CR.4X": 4, "CR.8X": 8 };

/**
 * Seconds a generation job spends in CREATE_IN_PROGRESS at time scale 1: a fixed
 * 12 s plus a part that grows with the seed (log of its size) and shrinks with
 * the compute (square root of worker speed × number, relative to 16 × CR.1X).
 * About 20–40 s for a demo seed on the default compute.
 */
export function generationSeconds(
  seedUsers: number,
  worker?: { type?: string; number?: number },
): number {
  const speed =
    (WORKER_TYPE_SPEED[worker?.type ?? DEFAULT_WORKER.type] ?? 1) *
    (worker?.number ?? DEFAULT_WORKER.number);
  const work = 8 + 10 * Math.log2(1 + Math.max(0, seedUsers) / 1000);
  return 12 + work / Math.sqrt(speed / DEFAULT_WORKER.number);
}

/** Seconds an export spends in CREATE_IN_PROGRESS at time scale 1: 5 s plus 1 s per 100,000 users. */
export function exportSeconds(users: number): number {
  return 5 + users / 100_000;
}

export const scaledMs = (seconds: number, timeScale: number) =>
  Math.round((seconds * 1000) / timeScale);

export type GenerationJobStatus = (typeof AUDIENCE_GENERATION_JOB_STATUSES)[number];
export type ExportJobStatus = (typeof AUDIENCE_EXPORT_JOB_STATUSES)[number];

export interface GenerationJobTimes {
  createTime: number;
  pendingMs: number;
  /** Set once the computation is stored: its outcome and when the job reaches it. */
  outcome: "ACTIVE" | "CREATE_FAILED" | null;
  finishTime: number | null;
  deleteTime: number | null;
  deletePendingMs: number | null;
  deleteProgressMs: number | null;
}

export type Phase<S> = { status: S; updateTime: number } | { status: "GONE"; updateTime: number };

export function generationJobPhase(
  job: GenerationJobTimes,
  now: number,
): Phase<GenerationJobStatus> {
  if (job.deleteTime !== null) {
    const inProgressAt = job.deleteTime + (job.deletePendingMs ?? 0);
    const goneAt = inProgressAt + (job.deleteProgressMs ?? 0);
    if (now < inProgressAt) return { status: "DELETE_PENDING", updateTime: job.deleteTime };
    if (now < goneAt) return { status: "DELETE_IN_PROGRESS", updateTime: inProgressAt };
    return { status: "GONE", updateTime: goneAt };
  }
  const startedAt = job.createTime + job.pendingMs;
  if (now < startedAt) return { status: "CREATE_PENDING", updateTime: job.createTime };
  if (job.outcome === null || job.finishTime === null || now < job.finishTime) {
    return { status: "CREATE_IN_PROGRESS", updateTime: startedAt };
  }
  return { status: job.outcome, updateTime: job.finishTime };
}

export interface ExportJobTimes {
  createTime: number;
  pendingMs: number;
  outcome: "ACTIVE" | "CREATE_FAILED" | null;
  finishTime: number | null;
}

export function exportJobPhase(
  job: ExportJobTimes,
  now: number,
): { status: ExportJobStatus; updateTime: number } {
  const startedAt = job.createTime + job.pendingMs;
  if (now < startedAt) return { status: "CREATE_PENDING", updateTime: job.createTime };
  if (job.outcome === null || job.finishTime === null || now < job.finishTime) {
    return { status: "CREATE_IN_PROGRESS", updateTime: startedAt };
  }
  return { status: job.outcome, updateTime: job.finishTime };
}

/** Statuses from which a generation job may be deleted (the service's rule, lib/job-status.ts). */
export const DELETABLE_STATUSES: ReadonlySet<GenerationJobStatus> = new Set(
  AUDIENCE_GENERATION_JOB_STATUSES.filter(canDelete),
);
