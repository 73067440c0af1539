/**
 * Emulator-only controls, outside the AWS API, under `/_emulator/`. They let a
 * test rehearse a slower (or faster) service without restarting it, and count
 * what the service was asked:
 *
 *   PUT /_emulator/time-scale  {"timeScale": 2}   → {"timeScale": 2}
 *   GET /_emulator/time-scale                     → {"timeScale": 20}
 *   GET /_emulator/calls       → {"calls": {"GetAudienceGenerationJob": 12, …}, "throttled": {…}}
 *   DELETE /_emulator/calls    → the same, every count back to 0
 *   PUT /_emulator/denied  {"operations": ["iam:ListRoles"]}  (denials.ts)
 *   PUT /_emulator/lost-answers {"operation": "StartAudienceGenerationJob", "as": "drop", "count": 1}
 *                              → the same, and the next `count` calls of that operation are carried
 *                                out but their answers lost: "drop" closes the connection with no
 *                                answer (as a timeout or a reset does), "error" answers 500
 *   DELETE /_emulator/lost-answers → every armed loss cancelled
 *   GET /_emulator/schedule-firings[?scheduleArn=…] → {"firings": [...]}: what EventBridge
 *                              Scheduler's schedules did when they fired, newest first
 *                              (AWS shows this only in CloudWatch, so no AWS API serves it)
 *
 * A new time scale applies to every phase length decided from then on: a job
 * accepted earlier keeps its pending time, but its generating time is decided
 * when its computation ends.
 */
import { LOST_ANSWERS, MAX_LOST_ANSWERS, type LostAnswer } from "./call-log";
import { handleDenied } from "./denials";
import { ApiError, type Reply } from "./http";
import type { Context } from "./routes/context";
import { handleScheduleFirings } from "./scheduler/control";

export const CONTROL_PREFIX = "/_emulator/";

const MAX_TIME_SCALE = 10_000;

function handleLostAnswers(method: string, body: Record<string, unknown>, context: Context): Reply {
  if (method === "DELETE") {
    context.lostAnswers.clear();
    return { body: { lostAnswers: context.lostAnswers.toJSON() } };
  }
  if (method === "GET") return { body: { lostAnswers: context.lostAnswers.toJSON() } };
  if (method !== "PUT") {
    throw new ApiError(
      "UnknownOperationException",
      `${method} is not supported on ${CONTROL_PREFIX}lost-answers; use GET, PUT or DELETE.`,
    );
  }
  const { operation, as = "drop", count = 1 } = body;
  if (typeof operation !== "string" || !/^[A-Z][A-Za-z]+$/.test(operation)) {
    throw new ApiError(
      "ValidationException",
      "operation must name an operation, e.g. StartAudienceGenerationJob.",
    );
  }
  if (typeof as !== "string" || !LOST_ANSWERS.includes(as as LostAnswer)) {
    throw new ApiError("ValidationException", `as must be one of ${LOST_ANSWERS.join(", ")}.`);
  }
  if (
    typeof count !== "number" ||
    !Number.isInteger(count) ||
    count < 1 ||
    count > MAX_LOST_ANSWERS
  ) {
    throw new ApiError(
      "ValidationException",
      `count must be a whole number from 1 to ${MAX_LOST_ANSWERS}.`,
    );
  }
  context.lostAnswers.arm(operation, as as LostAnswer, count);
  return { body: { lostAnswers: context.lostAnswers.toJSON() } };
}

export function handleControl(
  method: string,
  path: string,
  body: Record<string, unknown>,
  context: Context,
  query: URLSearchParams = new URLSearchParams(),
): Reply {
  if (path === `${CONTROL_PREFIX}schedule-firings`)
    return handleScheduleFirings(method, query, context);
  if (path === `${CONTROL_PREFIX}calls`) {
    if (method === "DELETE") context.calls.reset();
    else if (method !== "GET") {
      throw new ApiError(
        "UnknownOperationException",
        `${method} is not supported on ${path}; use GET or DELETE.`,
      );
    }
    return { body: context.calls.toJSON() };
  }
  if (path === `${CONTROL_PREFIX}denied`) return handleDenied(method, body, context);
  if (path === `${CONTROL_PREFIX}lost-answers`) return handleLostAnswers(method, body, context);
  if (path !== `${CONTROL_PREFIX}time-scale`) {
    throw new ApiError("UnknownOperationException", `No emulator control at ${path}.`);
  }
  if (method === "GET") return { body: { timeScale: context.engine.timeScale } };
  if (method !== "PUT") {
    throw new ApiError(
      "UnknownOperationException",
      `${method} is not supported on ${path}; use GET or PUT.`,
    );
  }
  const { timeScale } = body;
  if (
    typeof timeScale !== "number" ||
    !Number.isFinite(timeScale) ||
    timeScale <= 0 ||
    timeScale > MAX_TIME_SCALE
  ) {
    throw new ApiError(
      "ValidationException",
      `timeScale must be a number above 0 and at most ${MAX_TIME_SCALE}.`,
    );
  }
  context.engine.setTimeScale(timeScale);
  return { body: { timeScale } };
}
