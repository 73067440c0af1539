import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

import type { ActionError } from "@/lib/action-result";
import { UNAUTHORIZED } from "@/lib/auth/access";
import { authConfig, type AuthConfig } from "@/lib/auth/config";
import { proxyIdentity } from "@/lib/auth/proxy-proof";
import {
  contentSecurityPolicy,
  createNonce,
  securityHeaders,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/auth/security-headers";
import { isLoopbackHost } from "@/lib/loopback";

/**
 * In front of every page, route handler and server action (not the build's
 * static files):
 *
 * 1. security headers, with a fresh script nonce that Next.js puts on its own
 *    scripts (it reads the nonce from the request's Content-Security-Policy);
 * 2. writes (POST and the like, server actions included) from another origin
 *    are refused;
 * 3. without sign-in (the local mode) only a loopback Host is answered, so a
 *    web page cannot reach the dashboard through a rebound DNS name;
 * 4. with sign-in, no session means: a page redirects to /sign-in, an action or
 *    a route answers 401 and nothing runs. The actions and routes check again.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const https = isHttps(request);
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const finish = (response: NextResponse) => withSecurityHeaders(response, csp, https);

  let config: AuthConfig;
  try {
    config = authConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    const body: ActionError = {
      code: "ServerMisconfigured",
      message: "The dashboard's sign-in is not configured correctly.",
    };
    return finish(NextResponse.json({ error: body }, { status: 500 }));
  }

  const { pathname } = request.nextUrl;
  if (pathname === "/sign-in" && !SAFE_METHODS.has(request.method)) {
    // The sign-in page has no actions: a POST (a server action call included) is answered here,
    // not left to Next.js, which logged an uncaught "aborted" for each one.
    const body: ActionError = {
      code: "MethodNotAllowed",
      message: "The sign-in page only answers GET requests.",
      hint: "Open /sign-in in the browser to sign in.",
    };
    return finish(
      NextResponse.json({ error: body }, { status: 405, headers: { allow: "GET, HEAD" } }),
    );
  }
  if (
    !SAFE_METHODS.has(request.method) &&
    isCrossOrigin(request) &&
    !pathname.startsWith("/api/auth/callback/")
  ) {
    const body: ActionError = {
      code: "CrossOriginRequest",
      message: "Requests that change something must come from the dashboard's own pages.",
    };
    return finish(NextResponse.json({ error: body }, { status: 403 }));
  }

  if (config.mode === "none" && !isLoopbackHost(hostnameOf(request.headers.get("host")))) {
    const body: ActionError = {
      code: "Forbidden",
      message:
        "This dashboard runs without sign-in, so it answers only at a loopback address such as http://127.0.0.1.",
    };
    return finish(NextResponse.json({ error: body }, { status: 403 }));
  }

  if (!(await isSignedIn(request, config))) {
    const here = pathname + request.nextUrl.search;
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", here);
    if (config.mode === "oidc" && wantsPage(request)) return finish(NextResponse.redirect(signIn));
    if (config.mode === "proxy" && wantsPage(request)) {
      return finish(
        new NextResponse("Not signed in. Open the dashboard through your organisation's sign-in.", {
          status: 401,
          headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
        }),
      );
    }
    const refused = NextResponse.json(
      { error: UNAUTHORIZED },
      { status: 401, headers: { "cache-control": "no-store" } },
    );
    if (request.headers.has("next-action")) {
      // A session that ended while the page was open: the page's action call leads to sign-in
      // (and back) instead of failing without a word. Next.js's client follows this header.
      refused.headers.set(
        "x-action-redirect",
        `${config.mode === "oidc" ? signIn.pathname + signIn.search : here};push`,
      );
    }
    return finish(refused);
  }

  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  if (!isWellEncoded(pathname)) {
    // Next.js answers a bare 500 for a dynamic segment it cannot decode (a job URL with broken
    // percent-encoding): no such page exists, so show the "not found" page instead.
    return finish(
      NextResponse.rewrite(new URL("/_not-found", request.url), { request: { headers } }),
    );
  }
  return finish(NextResponse.next({ request: { headers } }));
}

export const config = {
  // Everything but UNPROXIED_PATHS (lib/auth/security-headers.ts), which next.config.ts gives the static headers,
  // and SEED_UPLOAD_PATH, whose body the proxy would copy and cut at 10 MB (the route applies the same guard).
  // Each exclusion is anchored ($, or a closing slash): a path that merely starts like one is proxied.
  matcher: ["/((?!_next/static/|_next/image$|favicon\\.ico$|favicon\\.svg$|api/seeds/upload$).*)"],
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Paths open without a session: sign-in itself and the liveness check. */
function isPublic(pathname: string): boolean {
  return (
    pathname === "/sign-in" ||
    pathname.startsWith("/api/auth/") ||
    pathname === "/api/health" ||
    (process.env.NODE_ENV === "development" && pathname.startsWith("/__nextjs"))
  );
}

async function isSignedIn(request: NextRequest, config: AuthConfig): Promise<boolean> {
  if (config.mode === "none" || isPublic(request.nextUrl.pathname)) return true;
  if (config.mode === "proxy") return (await proxyIdentity(config, request.headers)) !== undefined;
  const token = await getToken({
    req: request,
    secret: config.secret,
    secureCookie: config.url.startsWith("https://"),
  }).catch(() => null);
  return typeof token?.email === "string" && token.email !== "";
}

/** Whether every percent sign in the path starts a valid UTF-8 escape. */
function isWellEncoded(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** A browser navigating to a page, as opposed to an action, a route handler or a script. */
function wantsPage(request: NextRequest): boolean {
  return (
    (request.method === "GET" || request.method === "HEAD") &&
    !request.nextUrl.pathname.startsWith("/api/") &&
    !request.headers.has("next-action")
  );
}

function hostnameOf(host: string | null): string {
  if (!host) return "";
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return "";
  }
}

/** True when the request names another site as its origin (browsers always send Origin on writes). */
function isCrossOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") === "cross-site";
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "")
    .split(",")[0]!
    .trim();
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (sandboxed frames, privacy redirects) or garbage
  }
}

function isHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded === "https" || request.nextUrl.protocol === "https:";
}

function withSecurityHeaders(response: NextResponse, csp: string, https: boolean): NextResponse {
  for (const [name, value] of Object.entries(securityHeaders(csp)))
    response.headers.set(name, value);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}
