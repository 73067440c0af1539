import { NextResponse, type NextRequest } from "next/server";

import { contentSecurityPolicy, createNonce, securityHeaders } from "@/lib/auth/security-headers";

/**
 * The dashboard's page headers, from the same module its proxy.ts uses
 * (bench/pages copies lib/auth/security-headers.ts in beside this app): a
 * Content-Security-Policy with a fresh script nonce on every response, which
 * Next.js reads from the request to put on its own scripts, so no page can be
 * prerendered; and Cross-Origin-Opener-Policy with the rest of the static
 * headers, which moves the page into a process of its own on arrival.
 */
export function proxy(request: NextRequest): NextResponse {
  const csp = contentSecurityPolicy(createNonce(), { dev: false, https: false });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(securityHeaders(csp)))
    response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
