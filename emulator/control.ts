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
 *
 * A new time scale applies to every phase length decided from then on: a job
 * accepted earlier keeps its pending time, but its generating time is decided
 * when its computation ends.
 */
import { handleDenied } from "./denials";
import { ApiError, type Reply } from "./http";
import type { Context } from "./routes/context";

export const CONTROL_PREFIX = "/_emulator/";

const MAX_TIME_SCALE = 10_000;

/**
 * Requests received per operation since start (or the last reset), those
 * answered with an injected ThrottlingException also counted apart.
 */
export class CallCounter {
  private calls: Record<string, number> = {};
  private throttledCalls: Record<string, number> = {};

  received(operation: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
  }

  throttled(operation: string): void {
    this.throttledCalls[operation] = (this.throttledCalls[operation] ?? 0) + 1;
  }

  reset(): void {
    this.calls = {};
    this.throttledCalls = {};
  }

  toJSON(): { calls: Record<string, number>; throttled: Record<string, number> } {
    return { calls: { ...this.calls }, throttled: { ...this.throttledCalls } };
  }
}

/** How an answer is lost: the connection closed without one, or a 500 after the work was done. */
export type LostAnswer = "drop" | "error";
const LOST_ANSWERS: readonly LostAnswer[] = ["drop", "error"];
const MAX_LOST_ANSWERS = 100;

/**
 * Answers to lose on purpose, per operation, for `/_emulator/lost-answers`:
 * the request is carried out (a job is started) and then its answer is lost,
 * so a test can show what a client's retry does when the service acted but
 * the client never heard.
 */
export class LostAnswers {
  private armed = new Map<string, { as: LostAnswer; remaining: number }>();

  arm(operation: string, as: LostAnswer, count: number): void {
    this.armed.set(operation, { as, remaining: count });
  }

  clear(): void {
    this.armed.clear();
  }

  /** How this call's answer is lost, if it is; counts it off. */
  take(operation: string): LostAnswer | undefined {
    const armed = this.armed.get(operation);
    if (!armed) return undefined;
    if (--armed.remaining <= 0) this.armed.delete(operation);
    return armed.as;
  }

  toJSON(): Record<string, { as: LostAnswer; remaining: number }> {
    return Object.fromEntries([...this.armed].map(([op, armed]) => [op, { ...armed }]));
  }
}

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
): Reply {
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
