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
