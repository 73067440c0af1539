/**
 * `GET /_emulator/schedule-firings[?scheduleArn=…&limit=…]`: every firing of
 * EventBridge Scheduler's schedules, newest first, with its scheduled time,
 * when it fired, and the job it started or why it started none. AWS reports
 * invocations only as CloudWatch metrics and logs, never through the
 * Scheduler API, so this lives with the emulator's own controls.
 */
import { formatScheduledTime } from "../../lib/schedule-time/expression";
import { ApiError, iso, type Reply } from "../http";
import type { Context } from "../routes/context";

const LIMIT_MAX = 1000;

export function handleScheduleFirings(
  method: string,
  query: URLSearchParams,
  context: Context,
): Reply {
  if (method !== "GET") {
    throw new ApiError(
      "UnknownOperationException",
      `${method} is not supported on /_emulator/schedule-firings; use GET.`,
    );
  }
  const limitText = query.get("limit");
  const limit = limitText === null ? LIMIT_MAX : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMIT_MAX) {
    throw new ApiError(
      "ValidationException",
      `limit must be a whole number from 1 to ${LIMIT_MAX}.`,
    );
  }
  const scheduleArn = query.get("scheduleArn") ?? undefined;
  const firings = context.store.schedules.firings(scheduleArn, limit).map((row) => ({
    scheduleArn: row.schedule_arn,
    account: row.account,
    scheduledTime: formatScheduledTime(new Date(row.scheduled_time)),
    firedAt: iso(row.fired_at),
    executionId: row.execution_id,
    attemptNumber: row.attempt_number,
    outcome: row.outcome,
    jobArn: row.job_arn ?? undefined,
    error: row.error ?? undefined,
  }));
  return { body: { firings } };
}
