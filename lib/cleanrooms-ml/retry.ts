/**
 * The SDK's "standard" retry mode: which failures are worth another attempt,
 * and how long to wait before it (exponential backoff with full jitter).
 */
import { CleanRoomsMLServiceException } from "./errors";

export const DEFAULT_MAX_ATTEMPTS = 3;
/**
 * The attempts of every AWS client of the dashboard (Clean Rooms ML, Clean
 * Rooms, IAM, S3), each through the shared back-off: the one layer of
 * retries. Nothing retries on top of them (the read cache loads once).
 */
export const SERVICE_MAX_ATTEMPTS = 6;
export const BASE_DELAY_MS = 100;
export const MAX_BACKOFF_MS = 20_000;

const THROTTLING_ERROR_TYPES = new Set([
  "ThrottlingException",
  "Throttling",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "BandwidthLimitExceeded",
  "SlowDown",
  "ProvisionedThroughputExceededException",
  "EC2ThrottledException",
  "PriorRequestNotComplete",
  "TransactionInProgressException",
]);
const TRANSIENT_ERROR_TYPES = new Set([
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "NetworkingError",
]);
const TRANSIENT_STATUS_CODES = new Set([500, 502, 503, 504]);

/** Waits `ms`; rejects with the signal's abort error if it fires first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Returns a number in [0, 1), like `Math.random`. */
export type RandomSource = () => number;

export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** The error an aborted call rejects with. */
export function abortError(signal?: AbortSignal): Error {
  const error = new Error("Request aborted", { cause: signal?.reason });
  error.name = "AbortError";
  return error;
}

export function isThrottlingError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status =
    error instanceof CleanRoomsMLServiceException ? error.$metadata.httpStatusCode : undefined;
  return status === 429 || THROTTLING_ERROR_TYPES.has(error.name);
}

/** Throttling, HTTP 500/502/503/504, connection failures and timeouts; never a caller's abort. */
export function isRetryableError(error: unknown): boolean {
  if (!(error instanceof Error) || error.name === "AbortError") return false;
  if (isThrottlingError(error) || TRANSIENT_ERROR_TYPES.has(error.name)) return true;
  const status =
    error instanceof CleanRoomsMLServiceException ? error.$metadata.httpStatusCode : undefined;
  return status !== undefined && TRANSIENT_STATUS_CODES.has(status);
}

/**
 * Delay before retry number `retryIndex` (0 before the second attempt):
 * `random() * min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2^retryIndex)`.
 */
export function backoffDelay(retryIndex: number, random: RandomSource = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}
