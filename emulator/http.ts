/**
 * The restJson1 wire details: reading bodies, answering with JSON, and errors
 * as the service sends them (status, `x-amzn-errortype`, `{"message"}`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** Error types of the model, with their HTTP status, plus the protocol's own. */
export const ERROR_STATUS = {
  ValidationException: 400,
  SerializationException: 400,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  UnknownOperationException: 404,
  ConflictException: 409,
  RequestEntityTooLargeException: 413,
  ThrottlingException: 429,
  ServiceQuotaExceededException: 402,
  InternalServerException: 500,
} as const;
export type ErrorType = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  constructor(
    readonly type: ErrorType,
    message: string,
  ) {
    super(message);
    this.name = type;
  }

  get status(): number {
    return ERROR_STATUS[this.type];
  }
}

export const validationError = (message: string) => new ApiError("ValidationException", message);
export const notFound = (message: string) => new ApiError("ResourceNotFoundException", message);
export const conflict = (message: string) => new ApiError("ConflictException", message);
export const accessDenied = (message: string) => new ApiError("AccessDeniedException", message);

/** Largest body read; the biggest valid request (a 500,000-character query) fits well within it. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () =>
      tooLarge
        ? reject(
            new ApiError(
              "RequestEntityTooLargeException",
              `The request body exceeds ${MAX_BODY_BYTES / 1024 / 1024} MiB.`,
            ),
          )
        : resolve(Buffer.concat(chunks)),
    );
    req.on("error", reject);
  });
}

/**
 * The JSON object of a request body (its media type is checked before, in
 * request-checks.ts). An empty body is `{}`.
 */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString("utf8");
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError(
      "SerializationException",
      `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError("SerializationException", "The request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

export interface Reply {
  status?: number;
  /** Serialised as JSON; undefined sends an empty body. */
  body?: unknown;
}

export function send(
  res: ServerResponse,
  requestId: string,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
) {
  const payload = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
    "x-amzn-requestid": requestId,
    ...extra,
  });
  res.end(payload);
}

/** An error as restJson1 sends it; `messageMember` is the model's name for the message (`Message` for Scheduler). */
export function sendError(
  res: ServerResponse,
  requestId: string,
  error: ApiError,
  messageMember = "message",
) {
  send(
    res,
    requestId,
    error.status,
    { [messageMember]: error.message },
    { "x-amzn-errortype": error.type },
  );
}

/** Timestamps go out as ISO 8601 strings. */
export const iso = (ms: number) => new Date(ms).toISOString();
