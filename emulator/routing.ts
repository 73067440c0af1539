/**
 * How a request finds its operation. The local service answers several AWS
 * services on one port, as LocalStack does: the service is the one named in
 * the request's SigV4 credential scope (`…/us-east-1/cleanrooms-ml/aws4_request`),
 * since the path alone cannot tell them apart (both Clean Rooms services have
 * `/tags/{resourceArn}`). An unsigned request (curl, the `/_emulator/*`
 * controls) is for Clean Rooms ML. Within a restJson1 service, the route is
 * found from the model's `http.method` and `http.requestUri`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import { ApiError } from "./http";
import type { Context, Operation } from "./routes/context";

/** The signing name of the service an unsigned request is taken to be for. */
export const DEFAULT_SERVICE = "cleanrooms-ml";

/**
 * The service name of the request's SigV4 credential scope, from the
 * `Authorization` header or a presigned URL's `X-Amz-Credential`; undefined
 * when the request is not signed.
 */
export function signingServiceOf(req: IncomingMessage, query: URLSearchParams): string | undefined {
  const header = req.headers.authorization;
  const credential =
    (typeof header === "string" ? /Credential=([^,\s]+)/.exec(header)?.[1] : undefined) ??
    query.get("X-Amz-Credential") ??
    undefined;
  if (credential === undefined) return undefined;
  // <access key>/<date>/<region>/<service>/aws4_request
  const parts = credential.split("/");
  return parts.length >= 5 ? parts[parts.length - 2] : undefined;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";
  /** The model's `http.requestUri` path, labels in braces: `/memberships/{membershipIdentifier}`. */
  path: string;
  /** The operation's name in the model. */
  name: string;
  operation: Operation;
}

export const route = (
  method: Route["method"],
  path: string,
  name: string,
  operation: Operation,
): Route => ({ method, path, name, operation });

export interface MatchedRoute {
  route: Route;
  /** Each path label, percent-decoded, by its name in the route's path. */
  labels: Record<string, string>;
}

const isLabel = (part: string) => part.startsWith("{") && part.endsWith("}");

/**
 * The route for a method and raw (still percent-encoded) path. A label inside
 * the path is one segment (the SDKs percent-encode a label's `/`); the last
 * label takes the rest of the path, raw slashes included, and may be empty
 * (the operation's validation then answers).
 */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  rawPath: string,
  serviceTitle: string,
): MatchedRoute {
  const segments = rawPath.split("/").slice(1);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split("/").slice(1);
    const lastIsLabel = isLabel(pattern[pattern.length - 1]!);
    if (lastIsLabel ? segments.length < pattern.length : segments.length !== pattern.length) {
      continue;
    }
    const labels: Record<string, string> = {};
    let matched = true;
    for (let i = 0; i < pattern.length && matched; i++) {
      const part = pattern[i]!;
      if (!isLabel(part)) matched = part === segments[i];
      else if (i === pattern.length - 1) {
        labels[part.slice(1, -1)] = decodeLabel(segments.slice(i).join("/"));
      } else if (segments[i] === "") matched = false;
      else labels[part.slice(1, -1)] = decodeLabel(segments[i]!);
    }
    if (matched) return { route, labels };
  }
  throw new ApiError(
    "UnknownOperationException",
    `No ${serviceTitle} operation answers ${method} ${rawPath}.`,
  );
}

function decodeLabel(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new ApiError(
      "ValidationException",
      `The path label "${encoded}" is not valid percent-encoding.`,
    );
  }
}

export type InjectedFault = "throttle" | "error";

/** What a service of another protocol than restJson1 gets for one request. */
export interface ServiceCall {
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
  method: string;
  /** The path, still percent-encoded. */
  rawPath: string;
  query: URLSearchParams;
  context: Context;
  /**
   * The fault injected into this call (EMULATOR_THROTTLE_RATE,
   * EMULATOR_ERROR_RATE), drawn once per call; the service answers it with its
   * own throttling or internal error.
   */
  fault(): InjectedFault | undefined;
}

/** Answers a whole request, errors included, in the service's wire format; returns the status sent. */
export type ServiceHandler = (call: ServiceCall) => Promise<number>;
