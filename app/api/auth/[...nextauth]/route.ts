import NextAuth from "next-auth";

import { authConfig } from "@/lib/auth/config";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's sign-in, callback, session and sign-out endpoints; absent unless OpenID Connect sign-in is on. */
async function handler(request: Request, context: Context): Promise<Response> {
  if (authConfig().mode !== "oidc") {
    return Response.json(
      {
        error: {
          code: "NotFound",
          message: "Sign-in with OpenID Connect is not configured on this dashboard.",
        },
      },
      { status: 404 },
    );
  }
  const nextAuth = NextAuth as unknown as (
    req: Request,
    ctx: Context,
    options: ReturnType<typeof authOptions>,
  ) => Promise<Response>;
  return nextAuth(request, context, authOptions());
}

export { handler as GET, handler as POST };
