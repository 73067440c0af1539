/**
 * The background half of the service: runs each accepted job's computation in
 * the compute pool, stores its outcome, writes export files, and keeps stored
 * statuses in step with the clock (lazily on read, and on every tick). After a
 * restart it picks up every job whose computation was not stored yet.
 */
import { SEED_USERS_MAX, SEED_USERS_MIN } from "../lib/schemas/api";
import {
  DELETE_IN_PROGRESS_SECONDS,
  DELETE_PENDING_SECONDS,
  EXPORT_PENDING_SECONDS,
  exportJobPhase,
  exportSeconds,
  generationJobPhase,
  generationSeconds,
  scaledMs,
  type ExportJobStatus,
  type GenerationJobStatus,
} from "./lifecycle";
import type { AudienceSizeConfig } from "./lookalike/compute";
import type { ComputePool } from "./lookalike/pool";
import { ComputeTimeoutError } from "./lookalike/pool";
import { s3PathOf, type SeedPaths, type SeedSpec } from "./lookalike/seed";
import type { GenerateResult, GenerateTask } from "./lookalike/tasks";
import type { AnalysisTemplateParameter, ExportJobRow, GenerationJobRow, Store } from "./store";
import type { GenerationOutcome } from "./store/generation-jobs";

export interface EngineOptions {
  timeScale: number;
  /** The most jobs computing or waiting for compute (EmulatorConfig.computeQueueMax). */
  computeQueueMax: number;
  paths: SeedPaths;
  now: () => number;
  log: (line: string) => void;
}

/** The seedAudience of a request, as stored. */
export interface SeedAudience {
  dataSource?: { s3Uri: string };
  roleArn: string;
  sqlParameters?: {
    queryString?: string;
    analysisTemplateArn?: string;
    parameters?: Record<string, string>;
  };
  sqlComputeConfiguration?: {
    worker?: { type?: string; number?: number; properties?: { spark?: Record<string, string> } };
  };
}

export class EngineInputError extends Error {
  override name = "EngineInputError";
}

/** The documented seed size rule, from the shared schemas. */
export const SEED_LIMITS = { min: SEED_USERS_MIN, max: SEED_USERS_MAX };
/** The time limit of a job with a SQL seed (the others have the pool's, 120 s by default). */
export const SQL_SEED_TIME_LIMIT_MS = 20_000;

/** A template's SQL and its parameters: the template's defaults overridden by the request's values. */
export function templateSeed(
  template: { sql: string; parameters: string },
  given: Record<string, string> | undefined,
): SeedSpec {
  const parameters: Record<string, string> = {};
  for (const p of JSON.parse(template.parameters) as AnalysisTemplateParameter[]) {
    if (p.defaultValue !== undefined) parameters[p.name] = p.defaultValue;
  }
  return { kind: "sql", queryString: template.sql, parameters: { ...parameters, ...given } };
}

/** Everything the compute worker needs for one job, from the stored rows. */
export function generateTaskFor(
  store: Store,
  job: GenerationJobRow,
  paths: SeedPaths,
  seedOverride?: SeedSpec,
): GenerateTask {
  const model = store.models.configuredModel(job.configured_audience_model_arn);
  const audienceModel = model && store.models.audienceModel(model.audience_model_arn);
  const dataset = audienceModel && store.models.trainingDataset(audienceModel.training_dataset_arn);
  if (!model || !dataset)
    throw new EngineInputError(
      "The job's configured audience model or its training data is missing",
    );
  let seed = seedOverride;
  if (!seed) {
    if (job.seed_audience === null)
      throw new EngineInputError("The job has no stored seed audience");
    const seedAudience = JSON.parse(job.seed_audience) as SeedAudience;
    const sql = seedAudience.sqlParameters;
    if (seedAudience.dataSource) seed = { kind: "s3", s3Uri: seedAudience.dataSource.s3Uri };
    else if (sql?.analysisTemplateArn) {
      const template = store.models.analysisTemplate(sql.analysisTemplateArn);
      if (!template)
        throw new EngineInputError(`Analysis template ${sql.analysisTemplateArn} no longer exists`);
      seed = templateSeed(template, sql.parameters);
    } else
      seed = {
        kind: "sql",
        queryString: sql?.queryString ?? "",
        parameters: sql?.parameters ?? {},
      };
  }
  return {
    kind: "generate",
    dataset: { generatorSeed: dataset.generator_seed, users: dataset.users },
    seed,
    paths,
    seedLimits: SEED_LIMITS,
    minMatchingSeedSize: model.min_matching_seed_size ?? 0,
    audienceSizeConfig: JSON.parse(model.audience_size_config) as AudienceSizeConfig,
    shareMetrics: !(JSON.parse(model.shared_audience_metrics) as string[]).includes("NONE"),
    includeSeedInOutput: job.include_seed_in_output === 1,
  };
}

/**
 * The stored outcome of a computation. The job is done after its planned
 * in-progress time (from the seed size and compute), or now if the
 * computation took longer than that.
 */
export function generationOutcome(
  job: Pick<GenerationJobRow, "seed_audience" | "create_time" | "pending_ms">,
  result: GenerateResult,
  timeScale: number,
  now: number,
): GenerationOutcome {
  const seedAudience =
    job.seed_audience === null ? undefined : (JSON.parse(job.seed_audience) as SeedAudience);
  const worker = seedAudience?.sqlComputeConfiguration?.worker;
  const progressMs = scaledMs(generationSeconds(result.seedUsers, worker), timeScale);
  const finishTime = Math.max(job.create_time + job.pending_ms + progressMs, now);
  if (!result.ok) {
    return {
      outcome: "CREATE_FAILED",
      finish_time: finishTime,
      status_code: result.statusCode,
      status_message: result.message,
      metrics: null,
      seed_users: result.seedUsers,
      matched_seed_users: null,
      population: null,
      segment: null,
    };
  }
  return {
    outcome: "ACTIVE",
    finish_time: finishTime,
    status_code: null,
    status_message: null,
    metrics: result.metrics ? JSON.stringify(result.metrics) : null,
    seed_users: result.seedUsers,
    matched_seed_users: result.matchedSeedUsers,
    population: result.population,
    segment: Buffer.from(
      result.segment.buffer,
      result.segment.byteOffset,
      result.segment.byteLength,
    ),
  };
}

function failedOutcome(
  job: GenerationJobRow,
  statusCode: string,
  message: string,
  now: number,
): GenerationOutcome {
  return {
    outcome: "CREATE_FAILED",
    finish_time: Math.max(job.create_time + job.pending_ms, now),
    status_code: statusCode,
    status_message: message,
    metrics: null,
    seed_users: null,
    matched_seed_users: null,
    population: null,
    segment: null,
  };
}

/** A stored segment blob as user indices (copied: SQLite blobs need not be aligned). */
export function segmentOf(blob: Buffer): Uint32Array {
  const bytes = new Uint8Array(blob.byteLength);
  bytes.set(blob);
  return new Uint32Array(bytes.buffer);
}

export interface JobView {
  row: GenerationJobRow;
  status: GenerationJobStatus;
  updateTime: number;
}

export class Engine {
  private readonly computing = new Set<string>();
  private readonly exporting = new Set<string>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly pool: ComputePool,
    private readonly options: EngineOptions,
  ) {}

  /** The speed-up factor applied to the durations of jobs started from now on. */
  get timeScale(): number {
    return this.options.timeScale;
  }

  /** Applies to phase lengths decided from now on (a running job's generating time is decided when it is computed). */
  setTimeScale(timeScale: number): void {
    this.options.timeScale = timeScale;
  }

  /** How many jobs are computing or waiting for the compute worker. */
  get computeBacklog(): number {
    return this.computing.size;
  }

  /** The most jobs that may be computing or waiting at once; starting one more is refused. */
  get computeQueueMax(): number {
    return this.options.computeQueueMax;
  }

  /** Queues the job's computation unless it is queued already. */
  compute(arn: string): void {
    if (this.closed || this.computing.has(arn)) return;
    const job = this.store.jobs.get(arn);
    if (!job || job.outcome !== null || job.delete_time !== null) return;
    let task: GenerateTask;
    try {
      task = generateTaskFor(this.store, job, this.options.paths);
    } catch (error) {
      this.store.jobs.storeOutcome(
        arn,
        failedOutcome(job, "INTERNAL_ERROR", String((error as Error).message), this.options.now()),
      );
      return;
    }
    this.computing.add(arn);
    // A SQL seed gets a time limit of its own: the scan cap (seed.ts) cannot see a recursion
    // that reads no table, and one runaway query must not hold the worker for the full limit.
    const limits =
      task.seed.kind === "sql"
        ? {
            timeoutMs: SQL_SEED_TIME_LIMIT_MS,
            timeoutCode: "SQL_QUERY_TOO_EXPENSIVE",
            timeoutMessage: `The SQL query did not finish within ${SQL_SEED_TIME_LIMIT_MS / 1000} s, so it was stopped. Select the seed users directly, without self-joins or recursion.`,
          }
        : {};
    this.pool.run(task, limits).then(
      (result) => {
        this.computing.delete(arn);
        if (this.closed) return;
        const current = this.store.jobs.get(arn);
        if (current)
          this.store.jobs.storeOutcome(
            arn,
            generationOutcome(current, result, this.options.timeScale, this.options.now()),
          );
      },
      (error: Error) => {
        this.computing.delete(arn);
        if (this.closed) return;
        const code = error instanceof ComputeTimeoutError ? error.code : "INTERNAL_ERROR";
        this.options.log(`Job ${arn} failed in the compute worker: ${error.message}`);
        const current = this.store.jobs.get(arn);
        if (current)
          this.store.jobs.storeOutcome(
            arn,
            failedOutcome(current, code, error.message, this.options.now()),
          );
      },
    );
  }

  /** Writes the export's file unless that is under way already. */
  exportAudience(row: ExportJobRow): void {
    if (this.closed || this.exporting.has(row.id)) return;
    const finish = (
      outcome: "ACTIVE" | "CREATE_FAILED",
      statusCode: string | null,
      message: string | null,
    ) => {
      const current = this.options.now();
      this.store.exports.storeOutcome(row.id, {
        outcome,
        finish_time: Math.max(row.create_time + row.pending_ms + row.progress_ms, current),
        status_code: statusCode,
        status_message: message,
      });
    };
    const blob = this.store.jobs.segment(row.audience_generation_job_arn);
    const file = s3PathOf(row.output_location, this.options.paths.s3Root);
    if (!blob)
      return finish(
        "CREATE_FAILED",
        "AUDIENCE_NOT_AVAILABLE",
        "The audience generation job has no audience to export.",
      );
    if (!file)
      return finish(
        "CREATE_FAILED",
        "OUTPUT_LOCATION_INVALID",
        `${row.output_location} is not a writable S3 location.`,
      );
    this.exporting.add(row.id);
    this.pool.run({ kind: "export", segment: segmentOf(blob), users: row.users, file }).then(
      (result) => {
        this.exporting.delete(row.id);
        if (this.closed) return;
        if (result.ok) finish("ACTIVE", null, null);
        else finish("CREATE_FAILED", "EXPORT_WRITE_FAILED", result.message);
      },
      (error: Error) => {
        this.exporting.delete(row.id);
        if (!this.closed) finish("CREATE_FAILED", "INTERNAL_ERROR", error.message);
      },
    );
  }

  /**
   * The job as it stands now; undefined once deleted. Writes the status back
   * when the clock has moved it on, and removes a job whose deletion finished.
   */
  job(arn: string): JobView | undefined {
    const row = this.store.jobs.get(arn);
    return row && this.settleJob(row, this.options.now());
  }

  /** Like job(), for rows read by a list query. */
  settleJob(row: GenerationJobRow, now: number): JobView | undefined {
    const phase = generationJobPhase(
      {
        createTime: row.create_time,
        pendingMs: row.pending_ms,
        outcome: row.outcome,
        finishTime: row.finish_time,
        deleteTime: row.delete_time,
        deletePendingMs: row.delete_pending_ms,
        deleteProgressMs: row.delete_progress_ms,
      },
      now,
    );
    if (phase.status === "GONE") {
      this.purge(row.arn);
      return undefined;
    }
    if (phase.status !== row.status || phase.updateTime !== row.update_time) {
      this.store.jobs.setStatus(row.arn, phase.status, phase.updateTime);
    }
    return { row, status: phase.status, updateTime: phase.updateTime };
  }

  settleExport(row: ExportJobRow, now: number): { status: ExportJobStatus; updateTime: number } {
    const phase = exportJobPhase(
      {
        createTime: row.create_time,
        pendingMs: row.pending_ms,
        outcome: row.outcome,
        finishTime: row.finish_time,
      },
      now,
    );
    if (phase.status !== row.status || phase.updateTime !== row.update_time) {
      this.store.exports.setStatus(row.id, phase.status, phase.updateTime);
    }
    return phase;
  }

  /** Starts deletion: DELETE_PENDING, then DELETE_IN_PROGRESS, then gone. */
  delete(arn: string): void {
    const { timeScale, now } = this.options;
    this.store.jobs.markDeleting(
      arn,
      now(),
      scaledMs(DELETE_PENDING_SECONDS, timeScale),
      scaledMs(DELETE_IN_PROGRESS_SECONDS, timeScale),
    );
  }

  /** Export durations for an audience of `users` users, at the current time scale. */
  exportDurations(users: number): { pendingMs: number; progressMs: number } {
    return {
      pendingMs: scaledMs(EXPORT_PENDING_SECONDS, this.options.timeScale),
      progressMs: scaledMs(exportSeconds(users), this.options.timeScale),
    };
  }

  private purge(arn: string): void {
    this.store.transaction(() => {
      this.store.jobs.remove(arn);
      this.store.tags.removeAll(arn);
      this.store.exports.removeForJob(arn);
    });
  }

  /** Catches up with the clock: statuses, finished deletions, and any work not yet queued. */
  tick(): void {
    if (this.closed) return;
    const now = this.options.now();
    for (const row of this.store.jobs.unsettled()) this.settleJob(row, now);
    for (const row of this.store.exports.unsettled()) this.settleExport(row, now);
    for (const row of this.store.jobs.uncomputed()) this.compute(row.arn);
    for (const row of this.store.exports.unwritten()) this.exportAudience(row);
  }

  close(): void {
    this.closed = true;
  }
}
