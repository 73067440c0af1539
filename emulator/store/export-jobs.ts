/** Audience export jobs: which audience size of which generation job goes where. */
import type { ExportJobStatus } from "../lifecycle";
import type { Db } from "./database";

export interface ExportJobRow {
  seq: number;
  id: string;
  name: string;
  description: string | null;
  audience_generation_job_arn: string;
  audience_size_type: "ABSOLUTE" | "PERCENTAGE";
  audience_size_value: number;
  /** User IDs the export writes. */
  users: number;
  output_location: string;
  create_time: number;
  pending_ms: number;
  progress_ms: number;
  outcome: "ACTIVE" | "CREATE_FAILED" | null;
  finish_time: number | null;
  status_code: string | null;
  status_message: string | null;
  status: ExportJobStatus;
  update_time: number;
}

export type NewExportJob = Omit<
  ExportJobRow,
  "seq" | "outcome" | "finish_time" | "status_code" | "status_message" | "status" | "update_time"
>;

export class ExportJobStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      get: db.prepare<[string], ExportJobRow>("SELECT * FROM audience_export_jobs WHERE id = ?"),
      list: db.prepare<
        { before: number; job: string | null; account: string; limit: number },
        ExportJobRow
      >(
        `SELECT * FROM audience_export_jobs
         WHERE seq < @before AND (@job IS NULL OR audience_generation_job_arn = @job)
           AND audience_generation_job_arn LIKE @account
         ORDER BY seq DESC LIMIT @limit`,
      ),
      insert: db.prepare(
        `INSERT INTO audience_export_jobs (id, name, description, audience_generation_job_arn, audience_size_type,
           audience_size_value, users, output_location, create_time, pending_ms, progress_ms, status, update_time)
         VALUES (@id, @name, @description, @audience_generation_job_arn, @audience_size_type, @audience_size_value,
           @users, @output_location, @create_time, @pending_ms, @progress_ms, 'CREATE_PENDING', @create_time)`,
      ),
      storeOutcome: db.prepare(
        `UPDATE audience_export_jobs SET outcome = @outcome, finish_time = @finish_time,
           status_code = @status_code, status_message = @status_message
         WHERE id = @id AND outcome IS NULL`,
      ),
      setStatus: db.prepare<[string, number, string]>(
        "UPDATE audience_export_jobs SET status = ?, update_time = ? WHERE id = ?",
      ),
      unwritten: db.prepare<[], ExportJobRow>(
        "SELECT * FROM audience_export_jobs WHERE outcome IS NULL ORDER BY seq",
      ),
      unsettled: db.prepare<[], ExportJobRow>(
        "SELECT * FROM audience_export_jobs WHERE status IN ('CREATE_PENDING', 'CREATE_IN_PROGRESS')",
      ),
      removeForJob: db.prepare<[string]>(
        "DELETE FROM audience_export_jobs WHERE audience_generation_job_arn = ?",
      ),
    };
  }

  get(id: string): ExportJobRow | undefined {
    return this.statements.get.get(id);
  }

  /** An account's exports (those of the jobs it started), newest first. */
  list(
    account: string,
    jobArn: string | undefined,
    beforeSeq: number,
    limit: number,
  ): ExportJobRow[] {
    return this.statements.list.all({
      before: beforeSeq,
      job: jobArn ?? null,
      account: `arn:%:${account}:%`,
      limit,
    });
  }

  insert(job: NewExportJob): void {
    this.statements.insert.run(job);
  }

  storeOutcome(
    id: string,
    outcome: Pick<ExportJobRow, "finish_time" | "status_code" | "status_message"> & {
      outcome: "ACTIVE" | "CREATE_FAILED";
    },
  ): boolean {
    return this.statements.storeOutcome.run({ id, ...outcome }).changes > 0;
  }

  setStatus(id: string, status: ExportJobStatus, updateTime: number): void {
    this.statements.setStatus.run(status, updateTime, id);
  }

  /** Accepted exports whose file is not written yet, oldest first. */
  unwritten(): ExportJobRow[] {
    return this.statements.unwritten.all();
  }

  unsettled(): ExportJobRow[] {
    return this.statements.unsettled.all();
  }

  removeForJob(jobArn: string): void {
    this.statements.removeForJob.run(jobArn);
  }
}
