/**
 * The security headers of every response, defined once. `proxy.ts` sets them,
 * with a fresh script nonce, on pages, routes and actions; `next.config.ts`
 * sets them, with the static-file policy, on the paths Proxy does not see
 * ({@link UNPROXIED_PATHS}: the build's files and the public files).
 */

/**
 * The page policy: scripts only with this response's nonce (and what those
 * load), no plugins, no framing, nothing sent anywhere but here. Styles may be
 * inline: React, recharts and Next set `style` attributes, which a nonce
 * cannot cover (and a nonce beside 'unsafe-inline' would switch it off).
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { dev: boolean; https: boolean },
): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** For responses that are never a page (files, JSON): nothing may run or embed them. */
export const STATIC_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Two years, sub-domains included, as HSTS preload lists ask. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** The headers that do not depend on the request (all but the policy and HSTS). */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  // Job links carry account IDs and job names: other sites learn nothing from a click away.
  "Referrer-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** Every security header of a response under the given policy (HSTS, over HTTPS only, apart). */
export function securityHeaders(contentSecurityPolicy: string): Record<string, string> {
  return { "Content-Security-Policy": contentSecurityPolicy, ...STATIC_SECURITY_HEADERS };
}

/**
 * The paths `proxy.ts` leaves out (its `matcher`, which Next.js needs written
 * out there, must exclude exactly these; a test checks it): the build's static
 * files and the files of `public/`, which need no session. `next.config.ts`
 * gives them the static-file headers.
 */
export const UNPROXIED_PATHS = [
  "/_next/static/:path*",
  "/_next/image",
  "/favicon.ico",
  "/favicon.svg",
] as const;

/**
 * The one route that proxy.ts also leaves out, exactly this path: Next.js
 * copies the body of every request its proxy sees and cuts it at 10 MB, which
 * would truncate a seed upload. The route applies the same request guard
 * itself (lib/auth/request-guard.ts).
 */
export const SEED_UPLOAD_PATH = "/api/seeds/upload";

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
