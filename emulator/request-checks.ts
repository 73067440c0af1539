/**
 * Who may talk to the local service, and in what form. The service changes
 * jobs for whoever asks and has no credentials of its own to check, so it
 * answers only its owner's programs on this machine:
 *
 * 1. The Host must be a loopback name or address (or the address it was told
 *    to listen on): a web page cannot reach it through a DNS name rebound to
 *    127.0.0.1.
 * 2. A request carrying an `Origin` (a browser's) must come from a loopback
 *    origin: another site's page in the owner's browser is refused. The AWS
 *    SDKs, the CLI, boto3 and the dashboard's server send no `Origin`.
 * 3. A request body must be in a media type the AWS clients send for its
 *    protocol (BODY_MEDIA_TYPES): a browser can send `text/plain`, form data
 *    or no type at all to another site without asking first, never JSON.
 *
 * These apply to every route, the `/_emulator/*` controls included.
 */
import type { IncomingMessage } from "node:http";

import { isLoopbackHost } from "../lib/loopback";
import { ApiError } from "./http";

/**
 * The protocols the service speaks, and the body media types each accepts:
 * the one place to extend when a service is added to the same port (an IAM
 * query protocol service takes `application/x-www-form-urlencoded`, S3 any
 * type, and so on; their routes then name their protocol).
 */
export const BODY_MEDIA_TYPES = {
  /** Clean Rooms ML (restJson1) and the /_emulator/ controls. */
  restJson1: ["application/json"],
  /** IAM (the AWS query protocol). */
  awsQuery: ["application/x-www-form-urlencoded"],
  /**
   * S3 (REST-XML): an object's body is in any type, so any is taken ("*").
   * That a page could send such a body without asking first opens nothing:
   * browsers put an `Origin` on every request that is not a GET or HEAD, and
   * checkCaller refuses another site's (rule 2).
   */
  s3: ["*"],
} as const satisfies Record<string, readonly string[]>;
export type Protocol = keyof typeof BODY_MEDIA_TYPES;

function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Refuses (403 AccessDeniedException) a request that is not addressed to a
 * loopback host, or that a page of another origin sent. `listenHost` (the
 * address the service listens on) is accepted as a Host too, for a service
 * deliberately given a reachable address.
 */
export function checkCaller(req: IncomingMessage, listenHost: string): void {
  const host = req.headers.host;
  const hostname = host === undefined ? undefined : hostnameOf(host);
  const listen = listenHost.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (
    hostname === undefined ||
    !(isLoopbackHost(hostname) || hostname.replace(/^\[(.*)\]$/, "$1") === listen)
  ) {
    throw new ApiError(
      "AccessDeniedException",
      `The local service answers only requests addressed to this machine (such as http://127.0.0.1:<port>); the Host "${host ?? ""}" is not one.`,
    );
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).hostname;
    } catch {
      originHost = undefined; // "null" (sandboxed frames, file pages) or garbage
    }
    if (originHost === undefined || !isLoopbackHost(originHost)) {
      throw new ApiError(
        "AccessDeniedException",
        `The local service does not answer web pages of other sites (Origin "${origin}"); call it from the AWS CLI, an SDK or the dashboard's server.`,
      );
    }
  }
}

/**
 * Refuses (400 SerializationException) a body whose media type the protocol's
 * AWS clients never send. An empty body needs no type.
 */
export function checkBodyMediaType(req: IncomingMessage, body: Buffer, protocol: Protocol): void {
  if (body.length === 0) return;
  const sent = req.headers["content-type"];
  const mediaType = (sent ?? "").split(";")[0]!.trim().toLowerCase();
  const accepted: readonly string[] = BODY_MEDIA_TYPES[protocol];
  if (!accepted.includes("*") && !accepted.includes(mediaType)) {
    throw new ApiError(
      "SerializationException",
      sent === undefined
        ? `The request body has no content type: send it as ${accepted.join(" or ")}.`
        : `Unsupported content type "${sent}": send the body as ${accepted.join(" or ")}.`,
    );
  }
}
