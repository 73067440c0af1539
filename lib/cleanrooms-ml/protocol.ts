/**
 * The restJson1 protocol for every operation: input → HTTP request (path
 * labels, query string, JSON body) and HTTP response → output or exception.
 */
import { HttpRequest } from "@smithy/protocol-http";

import {
  createServiceException,
  errorTypeForStatus,
  type CleanRoomsMLServiceException,
} from "./errors";
import type { Operation } from "./operation";
import { isPlainObject, readShape } from "./schema";
import type { ResponseMetadata } from "./types";

export interface Endpoint {
  protocol: "http:" | "https:";
  hostname: string;
  port?: number;
  /** Path prefix of the endpoint, without a trailing slash ("" for none). */
  basePath: string;
}

/** A response as received: status, headers and the whole body as text. */
export interface RawResponse {
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
}

export function defaultEndpoint(region: string): string {
  return `https://cleanrooms-ml.${region}.amazonaws.com`;
}

export function parseEndpoint(endpoint: string | URL): Endpoint {
  const url = new URL(endpoint);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`Endpoint must be an http(s) URL, got ${JSON.stringify(String(endpoint))}`);
  }
  return {
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port === "" ? undefined : Number(url.port),
    basePath: url.pathname.replace(/\/+$/, ""),
  };
}

/** RFC 3986 percent-encoding (encodeURIComponent leaves `!'()*` alone). */
export function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function queryValue(raw: unknown): string {
  return typeof raw === "string" ? raw : String(raw);
}

/** The request for `input`, unsigned. Members left `undefined` are not sent. */
export function serializeRequest<Input extends object>(
  operation: Operation<Input>,
  input: Input,
  endpoint: Endpoint,
): HttpRequest {
  const members = input as Record<string, unknown>;

  let path = operation.path;
  for (const [member, label] of Object.entries(operation.uri ?? {})) {
    const raw = members[member];
    if (raw === undefined || raw === null || raw === "") {
      throw new TypeError(
        `${operation.name}: input member "${member}" is required (it is part of the URL path)`,
      );
    }
    path = path.replace(`{${String(label)}}`, escapeUri(queryValue(raw)));
  }

  const query: Record<string, string | string[]> = {};
  for (const [member, parameter] of Object.entries(operation.query ?? {})) {
    const raw = members[member];
    if (raw === undefined || raw === null) continue;
    query[String(parameter)] = Array.isArray(raw) ? raw.map(queryValue) : queryValue(raw);
  }

  const headers: Record<string, string> = {
    host: endpoint.port === undefined ? endpoint.hostname : `${endpoint.hostname}:${endpoint.port}`,
  };
  let body: string | undefined;
  if (operation.body) {
    const payload: Record<string, unknown> = {};
    for (const member of operation.body) {
      if (members[member] !== undefined) payload[member] = members[member];
    }
    body = JSON.stringify(payload);
    headers["content-type"] = "application/json";
  }

  return new HttpRequest({
    method: operation.method,
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port,
    path: endpoint.basePath + path,
    query,
    headers,
    body,
  });
}

/** `?a=1&b=x&b=y` for a request's query bag ("" when empty). */
export function formatQuery(query: Record<string, string | string[] | null>): string {
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (raw === null) {
      parts.push(escapeUri(key));
      continue;
    }
    for (const item of Array.isArray(raw) ? raw : [raw])
      parts.push(`${escapeUri(key)}=${escapeUri(item)}`);
  }
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}

/** Status and request ids of a response; ids the response lacks are left out. */
export function responseMetadata(response: RawResponse): ResponseMetadata {
  const metadata: ResponseMetadata = { httpStatusCode: response.status };
  const requestId =
    response.headers.get("x-amzn-requestid") ?? response.headers.get("x-amz-request-id");
  const extendedRequestId = response.headers.get("x-amz-id-2");
  const cfId = response.headers.get("x-amz-cf-id");
  if (requestId) metadata.requestId = requestId;
  if (extendedRequestId) metadata.extendedRequestId = extendedRequestId;
  if (cfId) metadata.cfId = cfId;
  return metadata;
}

/** Thrown when a successful response's body cannot be read as the operation's output. */
export class ResponseParseError extends Error {
  override readonly name = "ResponseParseError";
  $metadata: ResponseMetadata;

  constructor(message: string, $metadata: ResponseMetadata, options?: ErrorOptions) {
    super(message, options);
    this.$metadata = $metadata;
  }
}

/** Reads a 2xx response into the operation's output (without `$metadata`). */
export function deserializeOutput(
  operation: Pick<Operation<object>, "name" | "output">,
  response: RawResponse,
  $metadata: ResponseMetadata,
): object {
  if (response.body.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch (cause) {
    throw new ResponseParseError(
      `${operation.name}: HTTP ${response.status} response is not JSON: ${excerpt(response.body)}`,
      $metadata,
      { cause },
    );
  }
  try {
    return (readShape(operation.output, parsed, operation.name) as object | undefined) ?? {};
  } catch (cause) {
    throw new ResponseParseError(`${operation.name}: ${(cause as Error).message}`, $metadata, {
      cause,
    });
  }
}

/** AWS error codes may carry a namespace (`ns#Type`) or a suffix (`Type:http://…`). */
export function sanitizeErrorType(raw: string): string {
  let type = raw.split(",")[0] ?? raw;
  type = type.split(":")[0] ?? type;
  if (type.includes("#")) type = type.slice(type.lastIndexOf("#") + 1);
  return type.trim();
}

/** Reads an error response into the matching exception. Never throws. */
export function deserializeError(
  response: RawResponse,
  $metadata: ResponseMetadata,
): CleanRoomsMLServiceException {
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  let fields: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = response.body.trim() === "" ? undefined : JSON.parse(response.body);
    if (isPlainObject(parsed)) fields = parsed;
  } catch {
    // Not JSON: described below from the status and an excerpt.
  }

  const headerType = response.headers.get("x-amzn-errortype");
  const bodyType = [fields?.__type, fields?.code, fields?.Code].find(
    (t): t is string => typeof t === "string" && t !== "",
  );
  const rawType = headerType || bodyType;
  const type = (rawType && sanitizeErrorType(rawType)) || errorTypeForStatus(response.status);

  let message: string;
  const bodyMessage = [fields?.message, fields?.Message].find(
    (m): m is string => typeof m === "string",
  );
  if (bodyMessage !== undefined) {
    message = bodyMessage;
  } else if (fields) {
    message = `${type} (${status})`;
  } else if (response.body.trim() === "") {
    message = `${status} with an empty body`;
  } else {
    message = `${status} with a non-JSON body: ${excerpt(response.body)}`;
  }
  return createServiceException(type, message, $metadata, fields);
}

/** A short, single-line view of a body for error messages (an HTML page's title, or its text). */
export function excerpt(body: string, maxLength = 160): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1];
  const text = (
    title ?? body.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]*>/gi, " ")
  )
    .replace(/\s+/g, " ")
    .trim();
  return JSON.stringify(text.length > maxLength ? `${text.slice(0, maxLength)}…` : text);
}
