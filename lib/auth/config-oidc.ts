/** The settings of sign-in with OpenID Connect (config.ts's `oidc` mode). */
import { ConfigError } from "@/lib/config";
import { isLoopbackHost } from "@/lib/loopback";

import { accessRules, blank, httpUrl } from "./config-env";
import type { OidcConfig } from "./config-types";

const DEFAULT_SCOPE = "openid email profile";
const DEFAULT_SESSION_MAX_AGE = 8 * 60 * 60;
export const AUTH_SECRET_MIN_LENGTH = 32;

export function parseOidc(env: Record<string, string | undefined>): { mode: "oidc" } & OidcConfig {
  const missing = [
    ["AUTH_OIDC_ISSUER", env.AUTH_OIDC_ISSUER],
    ["AUTH_OIDC_CLIENT_ID", env.AUTH_OIDC_CLIENT_ID],
    ["AUTH_OIDC_CLIENT_SECRET", env.AUTH_OIDC_CLIENT_SECRET],
    ["AUTH_SECRET", blank(env.AUTH_SECRET) ?? env.NEXTAUTH_SECRET],
    ["AUTH_URL", blank(env.AUTH_URL) ?? env.NEXTAUTH_URL],
  ]
    .filter(([, value]) => blank(value) === undefined)
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid environment: sign-in with OpenID Connect also needs ${missing.join(", ")} (see "Deploying for a team" in README.md)`,
    );
  }
  const issuer = httpUrl("AUTH_OIDC_ISSUER", "https://example.okta.com").safeParse(
    blank(env.AUTH_OIDC_ISSUER),
  );
  if (!issuer.success)
    throw new ConfigError(`Invalid environment: ${issuer.error.issues[0]!.message}`);
  const urlName = blank(env.AUTH_URL) ? "AUTH_URL" : "NEXTAUTH_URL";
  const url = httpUrl(urlName, "https://audiences.example.com").safeParse(
    blank(env.AUTH_URL) ?? blank(env.NEXTAUTH_URL),
  );
  if (!url.success) throw new ConfigError(`Invalid environment: ${url.error.issues[0]!.message}`);
  const secret = (blank(env.AUTH_SECRET) ?? blank(env.NEXTAUTH_SECRET))!;
  if (secret.length < AUTH_SECRET_MIN_LENGTH) {
    throw new ConfigError(
      `Invalid environment: AUTH_SECRET must be at least ${AUTH_SECRET_MIN_LENGTH} characters (generate one with: openssl rand -base64 32)`,
    );
  }
  const maxAgeText = blank(env.AUTH_SESSION_MAX_AGE);
  const sessionMaxAge = maxAgeText === undefined ? DEFAULT_SESSION_MAX_AGE : Number(maxAgeText);
  if (!Number.isInteger(sessionMaxAge) || sessionMaxAge < 60 || sessionMaxAge > 30 * 24 * 60 * 60) {
    throw new ConfigError(
      `Invalid environment: AUTH_SESSION_MAX_AGE must be a whole number of seconds between 60 and 2592000 (got "${maxAgeText}")`,
    );
  }
  const publicUrl = new URL(url.data);
  if (publicUrl.protocol === "http:" && !isLoopbackHost(publicUrl.hostname)) {
    throw new ConfigError(
      `Invalid environment: ${urlName} must be an https:// URL (session cookies must not travel unencrypted); only a loopback address may use http://`,
    );
  }
  return {
    mode: "oidc",
    issuer: issuer.data.replace(/\/+$/, ""),
    clientId: blank(env.AUTH_OIDC_CLIENT_ID)!,
    clientSecret: blank(env.AUTH_OIDC_CLIENT_SECRET)!,
    secret,
    url: publicUrl.origin,
    scope: blank(env.AUTH_OIDC_SCOPE) ?? DEFAULT_SCOPE,
    groupsClaim: blank(env.AUTH_GROUPS_CLAIM) ?? "groups",
    providerName: blank(env.AUTH_OIDC_NAME) ?? "your company account",
    sessionMaxAge,
    ...accessRules(env, "oidc"),
  };
}
