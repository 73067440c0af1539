import { z } from "zod";

import { ConfigError, parseServiceConfig } from "@/lib/config";

/**
 * Who may use the dashboard, parsed once from the environment. Three modes:
 *
 * - `none`: no sign-in. Allowed only when the dashboard talks to the local
 *   service (`CLEANROOMS_ML_ENDPOINT` on a loopback host) AND listens on a
 *   loopback address (`DASHBOARD_BIND_HOST`, or `-H` of `next start`).
 * - `oidc`: sign-in with the team's identity provider over OpenID Connect
 *   (next-auth), turned on by `AUTH_OIDC_ISSUER`.
 * - `proxy`: an authenticating proxy in front (a load balancer doing OIDC,
 *   IAP, oauth2-proxy) sets a header naming the person, turned on by
 *   `AUTH_TRUSTED_PROXY_HEADER`.
 *
 * Anything else refuses to start, with a message naming the variable.
 */
export type AuthConfig =
  { mode: "none" } | ({ mode: "oidc" } & OidcConfig) | ({ mode: "proxy" } & TrustedProxyConfig);

export interface AccessRules {
  /** Lower-case email domains whose people may sign in (empty: no domain rule). */
  allowedEmailDomains: string[];
  /** Groups whose members may sign in (empty: no group rule). */
  allowedGroups: string[];
  /** True when neither rule is set and `AUTH_ALLOW_ALL_USERS=true` says that is meant. */
  allowAllUsers: boolean;
}

export interface OidcConfig extends AccessRules {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Encrypts the session cookie (AUTH_SECRET or NEXTAUTH_SECRET). */
  secret: string;
  /** The dashboard's public origin (from AUTH_URL or NEXTAUTH_URL), e.g. https://audiences.example.com. */
  url: string;
  /** Scopes asked for at sign-in. */
  scope: string;
  /** The ID token claim that lists the person's groups. */
  groupsClaim: string;
  /** The provider's name on the sign-in button. */
  providerName: string;
  /** Session length in seconds. */
  sessionMaxAge: number;
}

export interface TrustedProxyConfig extends AccessRules {
  /** Lower-case name of the request header that carries the person's email or identity. */
  header: string;
  /** Where "Sign out" leads (the proxy's own sign-out), if anywhere. */
  signOutUrl: string | undefined;
}

const DEFAULT_SCOPE = "openid email profile";
const DEFAULT_SESSION_MAX_AGE = 8 * 60 * 60;
export const AUTH_SECRET_MIN_LENGTH = 32;

const LOOPBACK_NAMES = new Set(["localhost", "ip6-localhost", "ip6-loopback"]);

/** True for a name or address that only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (LOOPBACK_NAMES.has(h) || h.endsWith(".localhost")) return true;
  if (h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  const v4 = h.replace(/^::ffff:/, "");
  return /^127(\.\d{1,3}){3}$/.test(v4) && v4.split(".").every((part) => Number(part) <= 255);
}

/**
 * The address the server listens on: `DASHBOARD_BIND_HOST` (set by
 * `npm start` and the end-to-end runs from HOST / `-H`), else the `-H` or
 * `--hostname` of `next start` in this process's arguments. Undefined when
 * unknown: `next start` without `-H` listens on every interface.
 */
export function bindHostOf(
  env: Record<string, string | undefined>,
  argv: readonly string[],
): string | undefined {
  const fromEnv = env.DASHBOARD_BIND_HOST?.trim();
  if (fromEnv) return fromEnv;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if ((arg === "-H" || arg === "--hostname") && argv[i + 1]) return argv[i + 1];
    const inline = /^--hostname=(.+)$/.exec(arg);
    if (inline) return inline[1];
  }
  return undefined;
}

const blank = (v: string | undefined) =>
  v === undefined || v.trim() === "" ? undefined : v.trim();
const list = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");

const httpUrl = (name: string, example: string) =>
  z.url({ protocol: /^https?$/, error: `${name} must be an http(s) URL such as ${example}` });

const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
/** Headers a browser or any client sets itself: never proof of who someone is. */
const UNTRUSTABLE_HEADERS = new Set([
  "cookie",
  "host",
  "origin",
  "referer",
  "user-agent",
  "authorization",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
]);

function accessRules(env: Record<string, string | undefined>, mode: string): AccessRules {
  const allowedEmailDomains = list(env.AUTH_ALLOWED_EMAIL_DOMAINS).map((d) =>
    d.toLowerCase().replace(/^@/, ""),
  );
  for (const domain of allowedEmailDomains) {
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
      throw new ConfigError(
        `Invalid environment: AUTH_ALLOWED_EMAIL_DOMAINS must be a comma-separated list of domains such as example.com,example.org (got "${domain}")`,
      );
    }
  }
  const allowedGroups = list(env.AUTH_ALLOWED_GROUPS);
  const allowAll = blank(env.AUTH_ALLOW_ALL_USERS);
  if (allowAll !== undefined && allowAll !== "true" && allowAll !== "false") {
    throw new ConfigError(
      `Invalid environment: AUTH_ALLOW_ALL_USERS must be true or false (got "${allowAll}")`,
    );
  }
  const allowAllUsers = allowAll === "true";
  if (
    mode === "oidc" &&
    allowedEmailDomains.length === 0 &&
    allowedGroups.length === 0 &&
    !allowAllUsers
  ) {
    throw new ConfigError(
      "Invalid environment: sign-in needs AUTH_ALLOWED_EMAIL_DOMAINS (e.g. example.com) or AUTH_ALLOWED_GROUPS (e.g. marketing), or AUTH_ALLOW_ALL_USERS=true when everyone your identity provider signs in may use the dashboard",
    );
  }
  if (allowAllUsers && (allowedEmailDomains.length > 0 || allowedGroups.length > 0)) {
    throw new ConfigError(
      "Invalid environment: AUTH_ALLOW_ALL_USERS=true contradicts AUTH_ALLOWED_EMAIL_DOMAINS / AUTH_ALLOWED_GROUPS; set one or the other",
    );
  }
  return { allowedEmailDomains, allowedGroups, allowAllUsers };
}

function parseOidc(env: Record<string, string | undefined>): { mode: "oidc" } & OidcConfig {
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

function parseTrustedProxy(
  env: Record<string, string | undefined>,
): { mode: "proxy" } & TrustedProxyConfig {
  const header = blank(env.AUTH_TRUSTED_PROXY_HEADER)!.toLowerCase();
  if (!HEADER_NAME.test(header) || UNTRUSTABLE_HEADERS.has(header)) {
    throw new ConfigError(
      `Invalid environment: AUTH_TRUSTED_PROXY_HEADER must name the header your proxy sets with the person's identity, such as x-amzn-oidc-identity or x-forwarded-email (got "${header}")`,
    );
  }
  const signOut = blank(env.AUTH_TRUSTED_PROXY_SIGN_OUT_URL);
  if (signOut !== undefined) {
    const parsed = httpUrl(
      "AUTH_TRUSTED_PROXY_SIGN_OUT_URL",
      "https://audiences.example.com/oauth2/sign_out",
    ).safeParse(signOut);
    if (!parsed.success && !signOut.startsWith("/")) {
      throw new ConfigError(
        `Invalid environment: ${parsed.error!.issues[0]!.message}, or a path such as /oauth2/sign_out`,
      );
    }
  }
  return { mode: "proxy", header, signOutUrl: signOut, ...accessRules(env, "proxy") };
}

/**
 * The auth mode for this environment and bind address, or a ConfigError
 * saying what to set. Pure: the tests call it with made-up environments.
 */
export function parseAuthConfig(
  env: Record<string, string | undefined>,
  argv: readonly string[] = [],
): AuthConfig {
  const oidc = ["AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"].some(
    (n) => blank(env[n]) !== undefined,
  );
  const proxy = blank(env.AUTH_TRUSTED_PROXY_HEADER) !== undefined;
  if (oidc && proxy) {
    throw new ConfigError(
      "Invalid environment: set either AUTH_OIDC_ISSUER (the dashboard signs people in) or AUTH_TRUSTED_PROXY_HEADER (a proxy in front signs them in), not both",
    );
  }
  if (oidc) return parseOidc(env);
  if (proxy) return parseTrustedProxy(env);

  const service = parseServiceConfig(env);
  const bindHost = bindHostOf(env, argv);
  const reasons: string[] = [];
  if (!service.isLocalService) {
    reasons.push(
      service.endpoint
        ? `it talks to ${service.endpoint}, not the local service on a loopback address`
        : `it talks to AWS (${service.region}) with this machine's AWS credentials`,
    );
  }
  if (bindHost === undefined) {
    reasons.push(
      "its listening address is unknown (set DASHBOARD_BIND_HOST, or start it with npm start / next start -H 127.0.0.1)",
    );
  } else if (!isLoopbackHost(bindHost)) {
    reasons.push(`it listens on ${bindHost}, which other machines can reach`);
  }
  if (reasons.length > 0) {
    throw new ConfigError(
      `Refusing to start without sign-in: ${reasons.join("; and ")}. ` +
        "Configure sign-in with AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET, AUTH_SECRET, AUTH_URL and AUTH_ALLOWED_EMAIL_DOMAINS, " +
        "or, when an authenticating proxy in front already signs people in, set AUTH_TRUSTED_PROXY_HEADER to the header it sets " +
        '(see "Deploying for a team" in README.md).',
    );
  }
  return { mode: "none" };
}

let cached: AuthConfig | undefined;

/** The process's auth configuration, parsed on first use; throws a ConfigError when it must not run. */
export function authConfig(): AuthConfig {
  cached ??= parseAuthConfig(process.env, process.argv);
  return cached;
}
