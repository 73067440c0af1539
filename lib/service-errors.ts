import type { ActionError } from "@/lib/action-result";

const S3_ACTIONS =
  "s3:ListBucket, s3:GetObject, s3:PutObject and s3:AbortMultipartUpload on the seed buckets";

/**
 * What a marketer can do about each service error and each refusal of the
 * dashboard's own: the one error mapping (Clean Rooms ML, Clean Rooms and IAM
 * errors; S3's for seeds; the seed refusals of lib/seeds).
 */
const HINTS: Record<string, string> = {
  ValidationException: "Correct the value the service names and try again.",
  ResourceNotFoundException:
    "It may have been deleted, or belong to another account or region. Check the link or pick it again from the list.",
  AccessDeniedException:
    "The dashboard's AWS credentials are not allowed to do this. Ask your AWS administrator for the Clean Rooms ML permission named in the message.",
  ConflictException:
    "The resource changed meanwhile. Reload to see its current state, then try again.",
  ThrottlingException:
    "The service is busy and asked us to slow down. Wait a moment and try again.",
  ServiceQuotaExceededException:
    "Your account reached a Clean Rooms ML quota. Delete jobs you no longer need or ask AWS for a higher quota.",
  NetworkError:
    "The dashboard could not reach the Clean Rooms ML service. Check that it is running, then try again.",
  InternalServerError: "The service failed on its side. Try again in a moment.",
  // S3, for seeds.
  NoSuchKey: "Check the key, or choose the file again in the browser.",
  NotFound: "Check the key, or choose the file again in the browser.",
  NoSuchBucket: "Check the bucket name in SEED_BUCKETS and in the S3 URI.",
  AccessDenied: `The dashboard's AWS credentials are not allowed to do this: they need ${S3_ACTIONS}.`,
  SlowDown: "S3 is busy and asked us to slow down. Wait a moment and try again.",
  InternalError: "S3 failed on its side. Try again in a moment.",
  // The dashboard's own refusals around seeds (lib/seeds).
  SeedLocationNotAllowed:
    "The dashboard reads and writes only the buckets and prefixes its SEED_BUCKETS setting names. Choose a seed there, or ask whoever runs the dashboard to add the location.",
  InvalidSeedLocation: "Check the S3 URI: it is s3://bucket/key, without .. or control characters.",
  ObjectExists: "Choose another file name: the dashboard does not replace a seed others may use.",
  SeedFileRejected: "Fix the file and upload it again. Nothing was written to S3.",
  TooManySeedRequests:
    "Each seed check and upload holds the file's IDs in the dashboard's memory, so only a few run at once.",
};

/** A refusal of the dashboard's own, before or instead of a service call: its code, message and HTTP status. */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = code;
  }
}

/** The service a route calls, as its errors name it. */
export interface ServiceWords {
  /** "The Clean Rooms ML service", "S3". */
  name: string;
  /** The message for a missing object, when the service's own is not for the person. */
  notFound?: string;
}

export const CLEAN_ROOMS_ML_WORDS: ServiceWords = { name: "The Clean Rooms ML service" };

function errorName(error: unknown): string {
  if (error && typeof error === "object" && "name" in error && typeof error.name === "string")
    return error.name;
  return "Error";
}

function isServiceError(error: unknown): error is Error & { $fault: "client" | "server" } {
  return error instanceof Error && "$fault" in error;
}

/**
 * The one wording for a service that gave no answer at all (a refused
 * connection, a timeout): the same sentence whichever service it is; the
 * hint names the service. Never the socket's own words (`connect
 * ECONNREFUSED 127.0.0.1:4811`), which go to the server's log.
 */
export const UNREACHABLE_MESSAGE = "The service can't be reached.";

/** Node's codes for a connection that never carried an answer. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

/**
 * True when `error` says the service was never reached: a timeout or abort,
 * fetch's "fetch failed" (our client's NetworkingError), or a socket error
 * from the official AWS clients (a Node error whose `code` is ECONNREFUSED
 * and the like, sometimes an AggregateError with an empty message).
 */
function isUnreachable(error: unknown): boolean {
  const name = errorName(error);
  if (name === "TimeoutError" || name === "AbortError" || name === "NetworkingError") return true;
  if (error instanceof TypeError && /fetch/i.test(error.message)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : "";
  return /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT)\b/.test(message);
}

/** An AWS permission refusal's action (`cleanrooms-ml:ListAudienceGenerationJobs`), as AWS words it. */
const REFUSED_ACTION = /not authorized to perform:?\s+([a-z0-9-]+):([A-Za-z0-9*]+)/;

/** `ListAudienceGenerationJobs` as words: "list audience generation jobs". */
const inWords = (action: string) =>
  action
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();

/**
 * A permission refusal in words for the person: what the dashboard may not do
 * and the permission to ask for. AWS's own message names the caller's ARN
 * (account, user or role) and policy details, which stay on the server's log.
 */
export function permissionMessage(raw: string): { message: string; hint: string } | undefined {
  const match = REFUSED_ACTION.exec(raw);
  if (!match) return undefined;
  const permission = `${match[1]}:${match[2]}`;
  return {
    message: `The dashboard is not allowed to ${inWords(match[2]!)}.`,
    hint: `Ask your AWS administrator to allow ${permission} for the dashboard's AWS credentials.`,
  };
}

/** The service's own words, for the server's log only (they may name accounts, roles and policies). */
function logRaw(code: string, raw: string): void {
  console.error(`[service-error] ${JSON.stringify({ code, message: raw })}`);
}

/**
 * Turn anything a client call threw into an ActionError, keeping the
 * service's type: its message too, except where that message is not for the
 * person (a permission refusal naming the caller's ARN, a failure on the
 * service's side), which is said in words and logged raw on the server.
 */
export function toActionError(error: unknown): ActionError {
  if (isServiceError(error)) {
    const code =
      error.$fault === "server" && !HINTS[error.name] ? "InternalServerError" : error.name;
    const raw = error.message || code;
    const refused = /AccessDenied|Unauthorized|Forbidden/i.test(code)
      ? permissionMessage(raw)
      : undefined;
    if (refused) {
      logRaw(code, raw);
      return { code, ...refused };
    }
    if (error.$fault === "server") {
      logRaw(code, raw);
      return {
        code,
        message: "The service failed on its side.",
        hint: HINTS[code] ?? HINTS.InternalServerError,
      };
    }
    return { code, message: raw, hint: HINTS[code] };
  }
  const name = errorName(error);
  if (isUnreachable(error)) {
    if (error instanceof Error) logRaw("NetworkError", error.message || String(name));
    return { code: "NetworkError", message: UNREACHABLE_MESSAGE, hint: HINTS.NetworkError };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: name, message, hint: HINTS.InternalServerError };
}

export function errorHint(code: string): string | undefined {
  return HINTS[code];
}

/**
 * Anything a route or a server read threw, as the error the browser shows and
 * its HTTP status: the one mapper of every route (lib/api-route.ts) and of the
 * server's prefetch. A {@link Refusal} keeps its own; a service error is
 * mapped by {@link toActionError}, worded for the service the route calls.
 */
export function routeError(
  thrown: unknown,
  service: ServiceWords = CLEAN_ROOMS_ML_WORDS,
): { status: number; error: ActionError } {
  if (thrown instanceof Refusal) {
    return {
      status: thrown.status,
      error: { code: thrown.code, message: thrown.message, hint: HINTS[thrown.code] },
    };
  }
  const error = toActionError(thrown);
  const status = httpStatusOf(thrown, error);
  if (error.code === "NetworkError") {
    return {
      status,
      error: {
        code: "NetworkError",
        message: UNREACHABLE_MESSAGE,
        hint: `The dashboard could not reach ${service.name.replace(/^The /, "the ")}. Check that it is running, then try again.`,
      },
    };
  }
  if (service.notFound && (error.code === "NotFound" || error.code === "NoSuchKey")) {
    return { status, error: { ...error, message: service.notFound } };
  }
  return { status, error };
}

/** HTTP status for a mapped error, so the browser (and a curl) sees what kind of failure it was. */
export function httpStatusOf(error: unknown, mapped: ActionError): number {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
    ?.httpStatusCode;
  if (typeof status === "number" && status >= 400) return status;
  return mapped.code === "NetworkError" ? 502 : 500;
}
