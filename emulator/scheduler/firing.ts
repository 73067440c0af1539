/**
 * Schedules firing on the emulator's clock. Each enabled schedule stores the
 * scheduled time of its next firing (from `lib/schedule-time/expression.ts`) and
 * when that firing is due: the wait until the scheduled time divided by the
 * time scale at the moment it is decided, as every other duration of the
 * service (emulator/README.md, "EventBridge Scheduler"). At time scale 1 a
 * schedule fires at its scheduled time.
 *
 * A firing substitutes the context attributes in the target's Input, reads it
 * as the StartAudienceGenerationJob request (PascalCase members, as universal
 * targets write them) and starts the job through the service's own start, as
 * the schedule's account, after the checks EventBridge Scheduler's role must
 * pass (it trusts scheduler.amazonaws.com, it may start jobs and pass the
 * seed role). Every firing is recorded, started or not.
 */
import { createHash, randomUUID } from "node:crypto";

import {
  ATTEMPT_NUMBER_ATTRIBUTE,
  EXECUTION_ID_ATTRIBUTE,
  fireTimesOf,
  formatScheduledTime,
  parseScheduleExpression,
  SCHEDULE_ARN_ATTRIBUTE,
  SCHEDULED_TIME_ATTRIBUTE,
  START_AUDIENCE_JOB_TARGET_ARN,
} from "../../lib/schedule-time/expression";
import { DEMO_ROLES, roleArnOf, type DemoRole } from "../demo/collaborations";
import { ApiError } from "../http";
import { ACCOUNT_ID, accountOf } from "../identity";
import type { Context, SchedulePlanner } from "../routes/context";
import { startAudienceGenerationJob } from "../routes/generation-jobs";
import type { NewSchedule, ScheduleRow } from "./store";

/** The service principal EventBridge Scheduler assumes roles as. */
export const SCHEDULER_PRINCIPAL = "scheduler.amazonaws.com";
const START_JOB_ACTION = "cleanrooms-ml:StartAudienceGenerationJob";
const PASS_ROLE_ACTION = "iam:PassRole";

/** Members of the StartAudienceGenerationJob request whose values are maps: their keys are data. */
const MAP_MEMBERS = new Set(["Tags", "Parameters", "Spark"]);

export interface NextFiring {
  /** The scheduled time (the expression's). */
  time: number;
  /** When it fires on the emulator's clock, the flexible window's offset included. */
  due: number;
  /** The part of `due` that is the flexible window's offset. */
  offset: number;
}

type Plannable = Pick<
  NewSchedule,
  | "arn"
  | "schedule_expression"
  | "timezone"
  | "start_date"
  | "end_date"
  | "flexible_time_window"
  | "last_modification_date"
>;

/**
 * A point in a schedule's time: a scheduled time and the moment on the
 * emulator's clock it corresponds to.
 */
export interface Cursor {
  time: number;
  due: number;
}

/**
 * The first firing at (or, `exclusive`, after) the cursor's scheduled time.
 * A rate with no StartDate counts from the schedule's last change (AWS starts
 * it at once). The flexible window adds an offset within the window, the same
 * for the same schedule, time and fault seed.
 */
export function planNext(
  row: Plannable,
  from: Cursor,
  timeScale: number,
  seed: number,
  exclusive = false,
): NextFiring | null {
  const parsed = parseScheduleExpression(row.schedule_expression);
  if (!parsed.ok) return null;
  const expression = parsed.expression;
  const anchor =
    row.start_date ?? (expression.kind === "rate" ? row.last_modification_date : undefined);
  const [next] = fireTimesOf(expression, {
    timezone: row.timezone ?? "UTC",
    after: new Date(from.time + (exclusive ? 1 : 0)),
    count: 1,
    startDate: anchor === undefined ? undefined : new Date(anchor),
    endDate: row.end_date === null ? undefined : new Date(row.end_date),
  });
  if (!next) return null;
  const time = next.getTime();
  const window = JSON.parse(row.flexible_time_window) as {
    Mode: string;
    MaximumWindowInMinutes?: number;
  };
  let offset = 0;
  if (window.Mode === "FLEXIBLE" && window.MaximumWindowInMinutes) {
    const draw = createHash("sha256").update(`${row.arn}|${time}|${seed}`).digest().readUInt32BE(0);
    offset = Math.round(((draw / 2 ** 32) * window.MaximumWindowInMinutes * 60_000) / timeScale);
  }
  const base = from.due + Math.round((time - from.time) / timeScale);
  return { time, due: Math.max(base, from.due) + offset, offset };
}

/**
 * The firing after one at `fired` (its scheduled time, and when it was due
 * without the flexible offset), planned at `now`. It counts on from the fired
 * one's scheduled time; when the service fell behind (it was stopped, or its
 * ticks are slower than the schedule), the times missed are skipped and the
 * schedule carries on from the present: one firing at most for any number of
 * missed times.
 */
export function followingFiring(
  row: Plannable,
  fired: Cursor,
  now: number,
  timeScale: number,
  seed: number,
): NextFiring | null {
  const next = planNext(row, fired, timeScale, seed, true);
  if (!next || next.due - next.offset > now) return next;
  const present = fired.time + Math.max(0, now - fired.due) * timeScale;
  return planNext(row, { time: present, due: now }, timeScale, seed, true);
}

/** Why a firing started no job: what AWS would report (CloudWatch's invocation errors). */
class FiringError extends Error {}

function roleOf(roleArn: string, account: string): DemoRole {
  if (accountOf(roleArn) !== account) {
    throw new FiringError(
      `EventBridge Scheduler could not assume ${roleArn}: the role must be in the schedule's account ${account}.`,
    );
  }
  // The local service knows the demo account's IAM roles (demo/collaborations.ts).
  const role =
    account === ACCOUNT_ID ? DEMO_ROLES.find((r) => roleArnOf(r) === roleArn) : undefined;
  if (!role) {
    throw new FiringError(`EventBridge Scheduler could not assume ${roleArn}: no such role.`);
  }
  if (!role.trustedServices.includes(SCHEDULER_PRINCIPAL)) {
    throw new FiringError(
      `EventBridge Scheduler could not assume ${roleArn}: its trust policy does not let ${SCHEDULER_PRINCIPAL} assume it (sts:AssumeRole).`,
    );
  }
  return role;
}

function notAllowed(
  role: DemoRole,
  executionId: string,
  action: string,
  resource: string,
): FiringError {
  return new FiringError(
    `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/${role.name}/${executionId} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  );
}

/**
 * The request's members as the API names them (camelCase) from the universal
 * target's PascalCase; map keys (tags, SQL parameters, Spark properties) stay.
 */
export function apiMembersOf(value: unknown, path = ""): unknown {
  if (Array.isArray(value)) return value.map((item, i) => apiMembersOf(item, `${path}[${i}]`));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (!/^[A-Z]/.test(key)) {
      throw new FiringError(
        `Input: ${path}${key} is not a member of the StartAudienceGenerationJob request as a universal target writes it: members are PascalCase (${key.charAt(0).toUpperCase()}${key.slice(1)}).`,
      );
    }
    const name = `${key.charAt(0).toLowerCase()}${key.slice(1)}`;
    out[name] = MAP_MEMBERS.has(key) ? member : apiMembersOf(member, `${path}${key}.`);
  }
  return out;
}

/** The target's Input with EventBridge Scheduler's context attributes replaced. */
export function substituteContext(
  input: string,
  values: { scheduledTime: number; scheduleArn: string; executionId: string; attempt: number },
): string {
  return input
    .replaceAll(SCHEDULED_TIME_ATTRIBUTE, formatScheduledTime(new Date(values.scheduledTime)))
    .replaceAll(SCHEDULE_ARN_ATTRIBUTE, values.scheduleArn)
    .replaceAll(EXECUTION_ID_ATTRIBUTE, values.executionId)
    .replaceAll(ATTEMPT_NUMBER_ATTRIBUTE, String(values.attempt));
}

/** Calls the target once; the started job's ARN, or a FiringError / ApiError saying why not. */
function invoke(
  context: Context,
  row: ScheduleRow,
  scheduledTime: number,
  executionId: string,
): string {
  const target = JSON.parse(row.target) as { Arn: string; RoleArn: string; Input?: string };
  if (target.Arn !== START_AUDIENCE_JOB_TARGET_ARN) {
    throw new FiringError(
      `The local service invokes only the universal target ${START_AUDIENCE_JOB_TARGET_ARN}; ${target.Arn} was not called.`,
    );
  }
  const role = roleOf(target.RoleArn, row.account);
  const allows = role.allows ?? [];
  if (!allows.includes(START_JOB_ACTION)) {
    throw notAllowed(role, executionId, START_JOB_ACTION, "*");
  }
  const input = substituteContext(target.Input ?? "{}", {
    scheduledTime,
    scheduleArn: row.arn,
    executionId,
    attempt: 1,
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch (error) {
    throw new FiringError(
      `Input is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new FiringError("Input must be a JSON object: the StartAudienceGenerationJob request.");
  }
  const body = apiMembersOf(parsed) as Record<string, unknown>;
  const seedRole = (body.seedAudience as { roleArn?: unknown } | undefined)?.roleArn;
  if (typeof seedRole === "string" && !allows.includes(PASS_ROLE_ACTION)) {
    throw notAllowed(role, executionId, PASS_ROLE_ACTION, seedRole);
  }
  const reply = startAudienceGenerationJob(context, {
    account: row.account,
    label: "",
    labels: {},
    query: new URLSearchParams(),
    body,
  });
  return String((reply.body as { audienceGenerationJobArn: string }).audienceGenerationJobArn);
}

export interface SchedulerOptions {
  /** Seed of the flexible window's offsets (EMULATOR_FAULT_SEED). */
  seed: number;
  log: (line: string) => void;
}

/** Fires due schedules on every tick of the service (server.ts). */
export class Scheduler implements SchedulePlanner {
  constructor(
    private readonly context: Context,
    private readonly options: SchedulerOptions,
  ) {}

  /** The next firing of a schedule created or replaced now, counted from now. */
  planFromNow(row: Plannable, now: number): NextFiring | null {
    return planNext(row, { time: now, due: now }, this.context.engine.timeScale, this.options.seed);
  }

  /** Fires every schedule that is due; returns how many fired. */
  tick(): number {
    const { store } = this.context;
    const now = this.context.now();
    const due = store.schedules.due(now);
    for (const row of due) {
      try {
        this.fire(row, now);
      } catch (error) {
        this.options.log(
          `Schedule ${row.arn} failed to fire: ${error instanceof Error ? error.stack : String(error)}`,
        );
        store.schedules.setNext(row.arn, null);
      }
    }
    return due.length;
  }

  private fire(row: ScheduleRow, now: number): void {
    const { store } = this.context;
    const scheduledTime = row.next_fire_time!;
    const executionId = randomUUID();
    let jobArn: string | null = null;
    let error: string | null = null;
    try {
      jobArn = invoke(this.context, row, scheduledTime, executionId);
    } catch (caught) {
      if (caught instanceof FiringError) error = caught.message;
      else if (caught instanceof ApiError) error = `${caught.type}: ${caught.message}`;
      else throw caught;
    }
    store.schedules.insertFiring({
      account: row.account,
      schedule_arn: row.arn,
      scheduled_time: scheduledTime,
      fired_at: now,
      execution_id: executionId,
      attempt_number: 1,
      outcome: jobArn ? "STARTED" : "FAILED",
      job_arn: jobArn,
      error,
    });
    this.options.log(
      `Schedule ${row.arn} fired for ${formatScheduledTime(new Date(scheduledTime))}: ${jobArn ?? error}`,
    );

    const next = followingFiring(
      row,
      { time: scheduledTime, due: row.next_fire_due! - (row.next_fire_offset ?? 0) },
      now,
      this.context.engine.timeScale,
      this.options.seed,
    );
    if (next) store.schedules.setNext(row.arn, next);
    else if (row.action_after_completion === "DELETE") store.schedules.deleteSchedule(row.arn);
    else store.schedules.setNext(row.arn, null);
  }
}
