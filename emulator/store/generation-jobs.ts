/** Audience generation jobs: the request as accepted, the stored times, and the computed outcome. */
import type { GenerationJobStatus } from "../lifecycle";
import type { Db } from "./database";

export interface GenerationJobRow {
  seq: number;
  arn: string;
  name: string;
  description: string | null;
  configured_audience_model_arn: string;
  collaboration_id: string | null;
  started_by: string;
  /** JSON of the seedAudience exactly as accepted; null for another member's job. */
  seed_audience: string | null;
  include_seed_in_output: number | null;
  protected_query_identifier: string | null;
  create_time: number;
  pending_ms: number;
  outcome: "ACTIVE" | "CREATE_FAILED" | null;
  finish_time: number | null;
  status_code: string | null;
  status_message: string | null;
  /** JSON AudienceQualityMetrics, or null when not shared or failed. */
  metrics: string | null;
  seed_users: number | null;
  matched_seed_users: number | null;
  population: number | null;
  delete_time: number | null;
  delete_pending_ms: number | null;
  delete_progress_ms: number | null;
  /** The status last written (by a read or the tick); the true status is computed from the times. */
  status: GenerationJobStatus;
  update_time: number;
}

export type NewGenerationJob = Pick<
  GenerationJobRow,
  | "arn"
  | "name"
  | "description"
  | "configured_audience_model_arn"
  | "collaboration_id"
  | "started_by"
  | "seed_audience"
  | "include_seed_in_output"
  | "protected_query_identifier"
  | "create_time"
  | "pending_ms"
>;

/** What the computation wrote once a job finished: its outcome columns, and the segment. */
export type GenerationOutcome = Pick<
  GenerationJobRow,
  "status_code" | "status_message" | "metrics" | "seed_users" | "matched_seed_users" | "population"
> & {
  outcome: "ACTIVE" | "CREATE_FAILED";
  finish_time: number;
  segment: Buffer | null;
};

const COLUMNS = `seq, arn, name, description, configured_audience_model_arn, collaboration_id, started_by,
  seed_audience, include_seed_in_output, protected_query_identifier, create_time, pending_ms, outcome,
  finish_time, status_code, status_message, metrics, seed_users, matched_seed_users, population,
  delete_time, delete_pending_ms, delete_progress_ms, status, update_time`;

export interface JobListFilter {
  configuredAudienceModelArn?: string | undefined;
  collaborationId?: string | undefined;
}

/** `configured_audience_model_arn LIKE ?`: the models an account owns. */
export const ownedBy = (account: string) => `arn:%:${account}:configured-audience-model/%`;

/**
 * One job, two accounts (docs/ARCHITECTURE.md, "Two accounts"): the row's
 * `arn` is in the account that started it; the account that owns the model
 * sees the same job under its own ARN, named `<starter>-<name>`.
 */
export class GenerationJobStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      get: db.prepare<[string], GenerationJobRow>(
        `SELECT ${COLUMNS} FROM audience_generation_jobs WHERE arn = ?`,
      ),
      byId: db.prepare<[string], GenerationJobRow>(
        `SELECT ${COLUMNS} FROM audience_generation_jobs WHERE substr(arn, instr(arn, '/') + 1) = ?`,
      ),
      nameTaken: db.prepare<{ account: string; owned: string; name: string }, { one: number }>(
        `SELECT 1 AS one FROM audience_generation_jobs
         WHERE (started_by = @account AND name = @name)
            OR (started_by <> @account AND configured_audience_model_arn LIKE @owned
                AND started_by || '-' || name = @name)
         LIMIT 1`,
      ),
      list: db.prepare<
        {
          account: string;
          owned: string;
          before: number;
          model: string | null;
          collaboration: string | null;
          limit: number;
        },
        GenerationJobRow
      >(
        `SELECT ${COLUMNS} FROM audience_generation_jobs
         WHERE seq < @before
           AND (started_by = @account OR configured_audience_model_arn LIKE @owned)
           AND (@model IS NULL OR configured_audience_model_arn = @model)
           AND (@collaboration IS NULL OR collaboration_id = @collaboration)
         ORDER BY seq DESC LIMIT @limit`,
      ),
      insert: db.prepare(
        `INSERT INTO audience_generation_jobs (arn, name, description, configured_audience_model_arn,
           collaboration_id, started_by, seed_audience, include_seed_in_output, protected_query_identifier,
           create_time, pending_ms, status, update_time)
         VALUES (@arn, @name, @description, @configured_audience_model_arn, @collaboration_id, @started_by,
           @seed_audience, @include_seed_in_output, @protected_query_identifier, @create_time, @pending_ms,
           'CREATE_PENDING', @create_time)`,
      ),
      storeOutcome: db.prepare(
        `UPDATE audience_generation_jobs SET outcome = @outcome, finish_time = @finish_time,
           status_code = @status_code, status_message = @status_message, metrics = @metrics,
           seed_users = @seed_users, matched_seed_users = @matched_seed_users, population = @population,
           segment = @segment
         WHERE arn = @arn AND outcome IS NULL`,
      ),
      segment: db.prepare<[string], { segment: Buffer | null }>(
        "SELECT segment FROM audience_generation_jobs WHERE arn = ?",
      ),
      markDeleting: db.prepare<{ arn: string; now: number; pending: number; progress: number }>(
        `UPDATE audience_generation_jobs SET delete_time = @now, delete_pending_ms = @pending,
           delete_progress_ms = @progress, status = 'DELETE_PENDING', update_time = @now
         WHERE arn = @arn AND delete_time IS NULL`,
      ),
      setStatus: db.prepare<[string, number, string]>(
        "UPDATE audience_generation_jobs SET status = ?, update_time = ? WHERE arn = ?",
      ),
      remove: db.prepare<[string]>("DELETE FROM audience_generation_jobs WHERE arn = ?"),
      uncomputed: db.prepare<[], GenerationJobRow>(
        `SELECT ${COLUMNS} FROM audience_generation_jobs WHERE outcome IS NULL AND delete_time IS NULL ORDER BY seq`,
      ),
      unsettled: db.prepare<[], GenerationJobRow>(
        `SELECT ${COLUMNS} FROM audience_generation_jobs
         WHERE status IN ('CREATE_PENDING', 'CREATE_IN_PROGRESS', 'DELETE_PENDING', 'DELETE_IN_PROGRESS')`,
      ),
    };
  }

  get(arn: string): GenerationJobRow | undefined {
    return this.statements.get.get(arn);
  }

  /** The job with this resource ID, whichever account's ARN names it. */
  byId(id: string): GenerationJobRow | undefined {
    return this.statements.byId.get(id);
  }

  /** True when the account already has a job of this name (as it sees the name). */
  nameTaken(account: string, name: string): boolean {
    return this.statements.nameTaken.get({ account, owned: ownedBy(account), name }) !== undefined;
  }

  /** The jobs an account sees (its own, and those started on its models), newest first, from before `beforeSeq`. */
  list(
    account: string,
    filter: JobListFilter,
    beforeSeq: number,
    limit: number,
  ): GenerationJobRow[] {
    return this.statements.list.all({
      account,
      owned: ownedBy(account),
      before: beforeSeq,
      model: filter.configuredAudienceModelArn ?? null,
      collaboration: filter.collaborationId ?? null,
      limit,
    });
  }

  insert(job: NewGenerationJob): void {
    this.statements.insert.run(job);
  }

  /** Stores the computation's result once; false when the job already has one (or is gone). */
  storeOutcome(arn: string, outcome: GenerationOutcome): boolean {
    return this.statements.storeOutcome.run({ arn, ...outcome }).changes > 0;
  }

  segment(arn: string): Buffer | null {
    return this.statements.segment.get(arn)?.segment ?? null;
  }

  markDeleting(arn: string, now: number, pendingMs: number, progressMs: number): boolean {
    return (
      this.statements.markDeleting.run({ arn, now, pending: pendingMs, progress: progressMs })
        .changes > 0
    );
  }

  setStatus(arn: string, status: GenerationJobStatus, updateTime: number): void {
    this.statements.setStatus.run(status, updateTime, arn);
  }

  remove(arn: string): void {
    this.statements.remove.run(arn);
  }

  /** Accepted jobs still waiting for their computation, oldest first. */
  uncomputed(): GenerationJobRow[] {
    return this.statements.uncomputed.all();
  }

  /** Jobs whose stored status may be behind the clock (deletion writes DELETE_PENDING at once). */
  unsettled(): GenerationJobRow[] {
    return this.statements.unsettled.all();
  }
}
