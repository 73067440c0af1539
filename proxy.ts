import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

import type { ActionError } from "@/lib/action-result";
import { UNAUTHORIZED } from "@/lib/auth/access";
import { cleanNextAuthRequest } from "@/lib/auth/callback-url";
import type { AuthConfig } from "@/lib/auth/config";
import { proxyIdentity } from "@/lib/auth/proxy-proof";
import {
  guardRequest,
  isHttps,
  refusalJson,
  SAFE_METHODS,
  setSecurityHeaders,
} from "@/lib/auth/request-guard";
import { contentSecurityPolicy, createNonce } from "@/lib/auth/security-headers";

/**
 * In front of every page, route handler and server action (not the build's
 * static files):
 *
 * 1. security headers, with a fresh script nonce that Next.js puts on its own
 *    scripts (it reads the nonce from the request's Content-Security-Policy);
 * 2. the request guard (lib/auth/request-guard.ts, shared with the one route
 *    outside this proxy): writes from another origin, data reads another site
 *    started, and (without sign-in) a Host that is not a loopback address are
 *    refused;
 * 3. with sign-in, no session means: a page redirects to /sign-in, an action or
 *    a route answers 401 and nothing runs. The actions and routes check again.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const https = isHttps(request);
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const finish = (response: NextResponse) => withSecurityHeaders(response, csp, https);

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
  const { refusal, config } = guardRequest(request);
  if (refusal) return finish(NextResponse.json(...refusalJson(refusal)));

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
  if (pathname.startsWith("/api/auth/")) {
    const cleaned = cleanNextAuthRequest(request.nextUrl, headers);
    if (cleaned) return finish(NextResponse.rewrite(cleaned, { request: { headers } }));
  }
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

function withSecurityHeaders(response: NextResponse, csp: string, https: boolean): NextResponse {
  setSecurityHeaders(response.headers, csp, https);
  return response;
}
