/**
 * The checks every request gets before anything else, written once: proxy.ts
 * applies them to every route it sees, and the one route that must live
 * outside it (SEED_UPLOAD_PATH, whose body the proxy would cut) applies them
 * itself, so both answer a refused request the same way. Pure apart from
 * reading the auth configuration: no session is looked at here.
 */
import type { ActionError } from "@/lib/action-result";
import { isLoopbackHost } from "@/lib/loopback";

import { authConfig, type AuthConfig } from "./config";
import { securityHeaders, STRICT_TRANSPORT_SECURITY } from "./security-headers";

/** What the guard reads of a request: a `Request` or a `NextRequest`. */
export interface GuardedRequest {
  method: string;
  url: string;
  headers: { get(name: string): string | null };
}

/** A refusal: the status and the error body (`{ error }`) both callers answer with. */
export interface Refusal {
  status: number;
  error: ActionError;
  headers?: Record<string, string>;
}

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const CROSS_ORIGIN_WRITE: ActionError = {
  code: "CrossOriginRequest",
  message: "Requests that change something must come from the dashboard's own pages.",
};

const CROSS_SITE_READ: ActionError = {
  code: "CrossOriginRequest",
  message: "The dashboard's data routes answer only its own pages, not another site's.",
  hint: "Open the dashboard itself to see this.",
};

const LOOPBACK_ONLY: ActionError = {
  code: "Forbidden",
  message:
    "This dashboard runs without sign-in, so it answers only at a loopback address such as http://127.0.0.1.",
};

const MISCONFIGURED: ActionError = {
  code: "ServerMisconfigured",
  message: "The dashboard's sign-in is not configured correctly.",
};

/**
 * The refusal for a request, or undefined when it may go on to the session
 * check. In order:
 *
 * 1. a write (POST and the like) from another origin: 403. The sign-in
 *    callback (`/api/auth/callback/`) is exempt: identity providers post
 *    back to it from their own origin;
 * 2. a read of a data route (`/api/`, sign-in and health excepted) that the
 *    browser says another site started (`Sec-Fetch-Site: cross-site` or
 *    `same-site`, as a `no-cors` fetch or an image tag would): 403, so a
 *    foreign page cannot set heavy reads (a seed preflight) going;
 * 3. without sign-in, a Host that is not a loopback address: 403, so a web
 *    page cannot reach the dashboard through a rebound DNS name.
 */
export function refusalFor(request: GuardedRequest, config: AuthConfig): Refusal | undefined {
  const { pathname } = new URL(request.url);
  const safe = SAFE_METHODS.has(request.method);
  if (!safe && isCrossOrigin(request) && !pathname.startsWith("/api/auth/callback/")) {
    return { status: 403, error: CROSS_ORIGIN_WRITE };
  }
  if (safe && isDataRoute(pathname) && isForeignSite(request)) {
    return { status: 403, error: CROSS_SITE_READ };
  }
  if (config.mode === "none" && !isLoopbackHost(hostnameOf(hostHeader(request)))) {
    return { status: 403, error: LOOPBACK_ONLY };
  }
  return undefined;
}

/**
 * The guard for this process's configuration: the refusal, or the
 * configuration to check the session with. A configuration that does not
 * parse is said on the log and refused.
 */
export function guardRequest(
  request: GuardedRequest,
): { refusal: Refusal; config?: undefined } | { refusal?: undefined; config: AuthConfig } {
  let config: AuthConfig;
  try {
    config = authConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return { refusal: { status: 500, error: MISCONFIGURED } };
  }
  const refusal = refusalFor(request, config);
  return refusal ? { refusal } : { config };
}

/** A refusal's JSON body and response options (never stored), for `Response.json` or `NextResponse.json`. */
export function refusalJson(refusal: Refusal): [{ error: ActionError }, ResponseInit] {
  return [
    { error: refusal.error },
    { status: refusal.status, headers: { "cache-control": "no-store", ...refusal.headers } },
  ];
}

/** A route handler under `/api/` other than sign-in's own and the liveness check. */
function isDataRoute(pathname: string): boolean {
  return (
    pathname.startsWith("/api/") && !pathname.startsWith("/api/auth/") && pathname !== "/api/health"
  );
}

/** True when the browser says another site (or a sibling subdomain) started the request. */
function isForeignSite(request: GuardedRequest): boolean {
  const site = request.headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}

/** The Host a request was sent with (the URL's host when a client sent none). */
function hostHeader(request: GuardedRequest): string {
  return request.headers.get("host") ?? new URL(request.url).host;
}

/** The host a request was sent to: the first X-Forwarded-Host (a proxy in front), else Host. */
export function requestHost(request: GuardedRequest): string {
  return (request.headers.get("x-forwarded-host") ?? hostHeader(request)).split(",")[0]!.trim();
}

/**
 * True when the request names another site as its origin. Browsers send
 * Origin on every write; without one, the browser's own `Sec-Fetch-Site`
 * decides.
 */
export function isCrossOrigin(request: GuardedRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return isForeignSite(request);
  try {
    return new URL(origin).host !== requestHost(request);
  } catch {
    return true; // "null" (sandboxed frames, privacy redirects) or garbage
  }
}

/** Whether the request reached the dashboard over HTTPS: the first X-Forwarded-Proto, else its own URL. */
export function isHttps(request: GuardedRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded === "https" || new URL(request.url).protocol === "https:";
}

/** Sets every security header on a response (HSTS over HTTPS only). */
export function setSecurityHeaders(
  headers: Headers,
  contentSecurityPolicy: string,
  https: boolean,
): void {
  for (const [name, value] of Object.entries(securityHeaders(contentSecurityPolicy)))
    headers.set(name, value);
  if (https) headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
}

function hostnameOf(host: string): string {
  if (!host) return "";
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return "";
  }
}
