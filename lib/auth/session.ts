import "server-only";

import { getServerSession } from "next-auth/next";
import { headers } from "next/headers";

import type { ActionError } from "@/lib/action-result";

import { UNAUTHORIZED, type SignedInUser } from "./access";
import { authConfig, type AuthConfig } from "./config";
import { authOptions } from "./options";
import { proxyIdentity } from "./proxy-proof";

export type { SignedInUser };

/** Who is asking: nobody in particular when sign-in is off (the local mode), a person otherwise. */
export type Viewer =
  | { mode: "none"; user: undefined }
  | { mode: "oidc"; user: SignedInUser }
  | { mode: "proxy"; user: SignedInUser; signOutUrl: string | undefined };

async function viewerFor(config: AuthConfig): Promise<Viewer | undefined> {
  switch (config.mode) {
    case "none":
      return { mode: "none", user: undefined };
    case "proxy": {
      const user = await proxyIdentity(config, await headers());
      return user && { mode: "proxy", user, signOutUrl: config.signOutUrl };
    }
    case "oidc": {
      const session = await getServerSession(authOptions());
      const email = session?.user?.email;
      if (!email) return undefined;
      return { mode: "oidc", user: { identity: email, name: session.user?.name ?? undefined } };
    }
  }
}

/** Who is asking, or undefined when sign-in is on and nobody (allowed) is signed in. */
export async function currentViewer(): Promise<Viewer | undefined> {
  return viewerFor(authConfig());
}

/**
 * The check at the top of every server action and JSON route: the person
 * asking (undefined in the local no-sign-in mode), or the Unauthorized error
 * to answer with before anything else is done.
 */
export async function requireUser(): Promise<
  { ok: true; user: SignedInUser | undefined } | { ok: false; error: ActionError }
> {
  let config: AuthConfig;
  try {
    config = authConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return {
      ok: false,
      error: {
        ...UNAUTHORIZED,
        message: "Sign-in is not configured correctly on this server, so nothing was done.",
      },
    };
  }
  let viewer: Viewer | undefined;
  try {
    viewer = await viewerFor(config);
  } catch (error) {
    console.error("Could not read the session:", error);
  }
  if (!viewer) return { ok: false, error: UNAUTHORIZED };
  return { ok: true, user: viewer.user };
}

/** One line on the server's log for every change made from the dashboard. */
export function audit(user: SignedInUser | undefined, action: string, target: string): void {
  // JSON keeps a name with line breaks from forging log lines.
  console.info(`[audit] ${JSON.stringify({ who: user?.identity ?? null, action, target })}`);
}
