/**
 * EventBridge Scheduler's state in the emulator's SQLite file: schedule
 * groups, schedules (with when each fires next) and the record of every
 * firing. The `default` group is not stored: every account has it.
 */
import type { Db } from "../store/database";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS schedule_groups (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  account TEXT NOT NULL,
  name TEXT NOT NULL,
  arn TEXT NOT NULL UNIQUE,
  client_token TEXT,
  creation_date INTEGER NOT NULL,
  last_modification_date INTEGER NOT NULL,
  UNIQUE (account, name)
);
CREATE TABLE IF NOT EXISTS schedules (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  account TEXT NOT NULL,
  group_name TEXT NOT NULL,
  name TEXT NOT NULL,
  arn TEXT NOT NULL UNIQUE,
  description TEXT,
  schedule_expression TEXT NOT NULL,
  timezone TEXT,
  start_date INTEGER,
  end_date INTEGER,
  state TEXT NOT NULL,
  flexible_time_window TEXT NOT NULL,
  target TEXT NOT NULL,
  kms_key_arn TEXT,
  action_after_completion TEXT,
  client_token TEXT,
  creation_date INTEGER NOT NULL,
  last_modification_date INTEGER NOT NULL,
  next_fire_time INTEGER,
  next_fire_due INTEGER,
  next_fire_offset INTEGER,
  UNIQUE (account, group_name, name)
);
CREATE INDEX IF NOT EXISTS schedules_due ON schedules(next_fire_due) WHERE next_fire_due IS NOT NULL;
CREATE TABLE IF NOT EXISTS schedule_firings (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  account TEXT NOT NULL,
  schedule_arn TEXT NOT NULL,
  scheduled_time INTEGER NOT NULL,
  fired_at INTEGER NOT NULL,
  execution_id TEXT NOT NULL,
  attempt_number INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  job_arn TEXT,
  error TEXT
);
CREATE INDEX IF NOT EXISTS schedule_firings_schedule ON schedule_firings(schedule_arn);
`;

export interface ScheduleGroupRow {
  seq: number;
  account: string;
  name: string;
  arn: string;
  client_token: string | null;
  creation_date: number;
  last_modification_date: number;
}

export interface ScheduleRow {
  seq: number;
  account: string;
  group_name: string;
  name: string;
  arn: string;
  description: string | null;
  schedule_expression: string;
  timezone: string | null;
  start_date: number | null;
  end_date: number | null;
  state: "ENABLED" | "DISABLED";
  /** JSON: the FlexibleTimeWindow as given. */
  flexible_time_window: string;
  /** JSON: the Target as given. */
  target: string;
  kms_key_arn: string | null;
  action_after_completion: "NONE" | "DELETE" | null;
  client_token: string | null;
  creation_date: number;
  last_modification_date: number;
  /** The scheduled time (the expression's) of the next firing, or null when none is due. */
  next_fire_time: number | null;
  /** When, on the emulator's clock, that firing happens (the wait divided by the time scale). */
  next_fire_due: number | null;
  /** The part of `next_fire_due` that is the flexible window's offset. */
  next_fire_offset: number | null;
}

export type NewSchedule = Omit<ScheduleRow, "seq">;

export interface FiringRow {
  seq: number;
  account: string;
  schedule_arn: string;
  scheduled_time: number;
  fired_at: number;
  execution_id: string;
  attempt_number: number;
  outcome: "STARTED" | "FAILED";
  job_arn: string | null;
  error: string | null;
}

export type NewFiring = Omit<FiringRow, "seq">;

export interface ScheduleFilters {
  group?: string;
  namePrefix?: string;
  state?: string;
}

const SCHEDULE_COLUMNS =
  "account, group_name, name, arn, description, schedule_expression, timezone, start_date, end_date, state, flexible_time_window, target, kms_key_arn, action_after_completion, client_token, creation_date, last_modification_date, next_fire_time, next_fire_due, next_fire_offset";

/** `LIKE` with the prefix's own `%` and `_` taken literally. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class SchedulerStore {
  private readonly s;

  constructor(private readonly db: Db) {
    db.exec(SCHEMA);
    const placeholders = SCHEDULE_COLUMNS.split(", ")
      .map((c) => `@${c}`)
      .join(", ");
    this.s = {
      group: db.prepare<[string, string], ScheduleGroupRow>(
        "SELECT * FROM schedule_groups WHERE account = ? AND name = ?",
      ),
      groupByArn: db.prepare<[string], ScheduleGroupRow>(
        "SELECT * FROM schedule_groups WHERE arn = ?",
      ),
      groups: db.prepare<[string, number, string, number], ScheduleGroupRow>(
        "SELECT * FROM schedule_groups WHERE account = ? AND seq > ? AND name LIKE ? ESCAPE '\\' ORDER BY seq LIMIT ?",
      ),
      insertGroup: db.prepare(
        "INSERT INTO schedule_groups (account, name, arn, client_token, creation_date, last_modification_date) VALUES (@account, @name, @arn, @client_token, @creation_date, @last_modification_date)",
      ),
      touchGroup: db.prepare<[number, string]>(
        "UPDATE schedule_groups SET last_modification_date = ? WHERE arn = ?",
      ),
      deleteGroup: db.prepare<[string, string]>(
        "DELETE FROM schedule_groups WHERE account = ? AND name = ?",
      ),
      deleteGroupSchedules: db.prepare<[string, string]>(
        "DELETE FROM schedules WHERE account = ? AND group_name = ?",
      ),
      schedule: db.prepare<[string, string, string], ScheduleRow>(
        "SELECT * FROM schedules WHERE account = ? AND group_name = ? AND name = ?",
      ),
      scheduleByArn: db.prepare<[string], ScheduleRow>("SELECT * FROM schedules WHERE arn = ?"),
      insertSchedule: db.prepare(
        `INSERT INTO schedules (${SCHEDULE_COLUMNS}) VALUES (${placeholders})`,
      ),
      replaceSchedule: db.prepare(
        `UPDATE schedules SET ${SCHEDULE_COLUMNS.split(", ")
          .map((c) => `${c} = @${c}`)
          .join(", ")} WHERE arn = @arn`,
      ),
      deleteSchedule: db.prepare<[string]>("DELETE FROM schedules WHERE arn = ?"),
      setNext: db.prepare<[number | null, number | null, number | null, string]>(
        "UPDATE schedules SET next_fire_time = ?, next_fire_due = ?, next_fire_offset = ? WHERE arn = ?",
      ),
      due: db.prepare<[number], ScheduleRow>(
        "SELECT * FROM schedules WHERE state = 'ENABLED' AND next_fire_due IS NOT NULL AND next_fire_due <= ? ORDER BY next_fire_due, seq",
      ),
      insertFiring: db.prepare(
        "INSERT INTO schedule_firings (account, schedule_arn, scheduled_time, fired_at, execution_id, attempt_number, outcome, job_arn, error) VALUES (@account, @schedule_arn, @scheduled_time, @fired_at, @execution_id, @attempt_number, @outcome, @job_arn, @error)",
      ),
      firings: db.prepare<[string, string, number], FiringRow>(
        "SELECT * FROM schedule_firings WHERE (? = '' OR schedule_arn = ?) ORDER BY seq DESC LIMIT ?",
      ),
    };
  }

  group(account: string, name: string): ScheduleGroupRow | undefined {
    return this.s.group.get(account, name);
  }

  groupByArn(arn: string): ScheduleGroupRow | undefined {
    return this.s.groupByArn.get(arn);
  }

  /** Stored groups after position `after`, oldest first. */
  groups(
    account: string,
    namePrefix: string | undefined,
    after: number,
    limit: number,
  ): ScheduleGroupRow[] {
    return this.s.groups.all(account, after, likePrefix(namePrefix ?? ""), limit);
  }

  insertGroup(row: Omit<ScheduleGroupRow, "seq">): void {
    this.s.insertGroup.run(row);
  }

  touchGroup(arn: string, now: number): void {
    this.s.touchGroup.run(now, arn);
  }

  /** Removes a group and every schedule in it. */
  deleteGroup(account: string, name: string): void {
    this.db.transaction(() => {
      this.s.deleteGroupSchedules.run(account, name);
      this.s.deleteGroup.run(account, name);
    })();
  }

  schedule(account: string, group: string, name: string): ScheduleRow | undefined {
    return this.s.schedule.get(account, group, name);
  }

  scheduleByArn(arn: string): ScheduleRow | undefined {
    return this.s.scheduleByArn.get(arn);
  }

  /** An account's schedules after position `after`, oldest first, filtered. */
  schedules(
    account: string,
    filters: ScheduleFilters,
    after: number,
    limit: number,
  ): ScheduleRow[] {
    const where = ["account = @account", "seq > @after"];
    if (filters.group !== undefined) where.push("group_name = @group");
    if (filters.namePrefix !== undefined) where.push("name LIKE @prefix ESCAPE '\\'");
    if (filters.state !== undefined) where.push("state = @state");
    return this.db
      .prepare<Record<string, unknown>, ScheduleRow>(
        `SELECT * FROM schedules WHERE ${where.join(" AND ")} ORDER BY seq LIMIT @limit`,
      )
      .all({
        account,
        after,
        group: filters.group,
        prefix: filters.namePrefix === undefined ? undefined : likePrefix(filters.namePrefix),
        state: filters.state,
        limit,
      });
  }

  insertSchedule(row: NewSchedule): void {
    this.s.insertSchedule.run(row);
  }

  /** Replaces every column of the schedule with this ARN (UpdateSchedule is a full replace). */
  replaceSchedule(row: NewSchedule): void {
    this.s.replaceSchedule.run(row);
  }

  deleteSchedule(arn: string): void {
    this.s.deleteSchedule.run(arn);
  }

  setNext(arn: string, next: { time: number; due: number; offset: number } | null): void {
    this.s.setNext.run(next?.time ?? null, next?.due ?? null, next?.offset ?? null, arn);
  }

  /** Enabled schedules whose next firing is due at `now`, earliest first. */
  due(now: number): ScheduleRow[] {
    return this.s.due.all(now);
  }

  insertFiring(row: NewFiring): void {
    this.s.insertFiring.run(row);
  }

  /** The latest firings, newest first; of one schedule when its ARN is given. */
  firings(scheduleArn: string | undefined, limit: number): FiringRow[] {
    return this.s.firings.all(scheduleArn ?? "", scheduleArn ?? "", limit);
  }
}
