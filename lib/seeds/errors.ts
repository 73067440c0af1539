import type { ActionError } from "@/lib/action-result";
import { didNotAnswer, toActionError } from "@/lib/service-errors";

/** A refusal of the dashboard's own (a location outside SEED_BUCKETS, a bad key, a bad file), before or instead of S3. */
export class SeedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = code;
  }
}

const S3_ACTIONS =
  "s3:ListBucket, s3:GetObject, s3:PutObject and s3:AbortMultipartUpload on the seed buckets";

/** What a marketer can do about each S3 error and each refusal. */
const HINTS: Record<string, string> = {
  SeedLocationNotAllowed:
    "The dashboard reads and writes only the buckets and prefixes its SEED_BUCKETS setting names. Choose a seed there, or ask whoever runs the dashboard to add the location.",
  InvalidSeedLocation: "Check the S3 URI: it is s3://bucket/key, without .. or control characters.",
  NoSuchKey: "Check the key, or choose the file again in the browser.",
  NotFound: "Check the key, or choose the file again in the browser.",
  NoSuchBucket: "Check the bucket name in SEED_BUCKETS and in the S3 URI.",
  AccessDenied: `The dashboard's AWS credentials are not allowed to do this: they need ${S3_ACTIONS}.`,
  SlowDown: "S3 is busy and asked us to slow down. Wait a moment and try again.",
  InternalError: "S3 failed on its side. Try again in a moment.",
  NetworkError: "The dashboard could not reach S3. Check that it is running, then try again.",
  ObjectExists: "Choose another file name: the dashboard does not replace a seed others may use.",
  SeedFileRejected: "Fix the file and upload it again. Nothing was written to S3.",
};

/** Anything a seed read or write threw, as the error the browser shows, with its HTTP status. */
export function toSeedError(thrown: unknown): { status: number; error: ActionError } {
  if (thrown instanceof SeedError) {
    return {
      status: thrown.status,
      error: { code: thrown.code, message: thrown.message, hint: HINTS[thrown.code] },
    };
  }
  const mapped = toActionError(thrown);
  const s3Status = (thrown as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
    ?.httpStatusCode;
  if (mapped.code === "NetworkError") {
    return {
      status: 502,
      error: { code: "NetworkError", message: didNotAnswer("S3"), hint: HINTS.NetworkError },
    };
  }
  const code = mapped.code === "InternalServerError" ? "InternalError" : mapped.code;
  const message =
    code === "NotFound" || code === "NoSuchKey" ? "No seed file at that location." : mapped.message;
  return {
    status: typeof s3Status === "number" && s3Status >= 400 ? s3Status : 500,
    error: { code, message, hint: HINTS[code] ?? mapped.hint },
  };
}
