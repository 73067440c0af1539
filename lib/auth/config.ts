import { z } from "zod";

import { ConfigError, parseServiceConfig } from "@/lib/config";
import { isLoopbackHost } from "@/lib/loopback";

import { bindHostOf } from "./bind-address";

export { bindHostOf };

/**
 * Who may use the dashboard, parsed once from the environment. Three modes:
 *
 * - `none`: no sign-in. Allowed only when the dashboard talks to the local
 *   service (`CLEANROOMS_ML_ENDPOINT` on a loopback host) AND listens on a
 *   loopback address (`DASHBOARD_BIND_HOST`, or `-H` of `next start`).
 * - `oidc`: sign-in with the team's identity provider over OpenID Connect
 *   (next-auth), turned on by `AUTH_OIDC_ISSUER`.
 * - `proxy`: an authenticating proxy in front (a load balancer doing OIDC,
 *   IAP, oauth2-proxy) names the person, turned on by `AUTH_TRUSTED_PROXY_*`.
 *   Each request must prove it came through that proxy (a shared secret, or
 *   the load balancer's signed assertion, see proxy-proof.ts); without any
 *   proof configured it may only listen on a loopback address.
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
  /**
   * Lower-case name of the request header that carries the person's email or
   * identity; unset when a signed assertion (ALB, IAP) names the person.
   */
  header: string | undefined;
  /** Where "Sign out" leads (the proxy's own sign-out), if anywhere. */
  signOutUrl: string | undefined;
  /** A shared secret the proxy adds to every request, and the header it comes in. */
  secret: { header: string; value: string } | undefined;
  /** An AWS Application Load Balancer's signed `x-amzn-oidc-data`: its ARN and where its region's public keys are. */
  alb: { arn: string; keysUrl: string } | undefined;
  /** Google IAP's signed `x-goog-iap-jwt-assertion`: the audience it must name and Google's key set. */
  iap: { audience: string; jwksUrl: string } | undefined;
}

/** The header in which the proxy sends AUTH_TRUSTED_PROXY_SECRET, unless AUTH_TRUSTED_PROXY_SECRET_HEADER names another. */
export const DEFAULT_PROXY_SECRET_HEADER = "x-dashboard-proxy-secret";
/** The shortest shared secret accepted: as long as the session secret. */
export const PROXY_SECRET_MIN_LENGTH = 32;
/** Where an ALB's public keys live: `<this>/<key id>`, one PEM key each (AWS documents the address). */
export const albKeysUrlFor = (region: string) =>
  `https://public-keys.auth.elb.${region}.amazonaws.com`;
/** Google's JWK set for IAP assertions. */
export const IAP_JWKS_URL = "https://www.gstatic.com/iap/verify/public_key-jwk";
/** What an Application Load Balancer's ARN looks like (the `signer` of its assertions). */
const ALB_ARN =
  /^arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):\d{12}:loadbalancer\/app\/[A-Za-z0-9-]+\/[a-f0-9]+$/;
/** IAP's audience: `/projects/<number>/global/backendServices/<id>` or `/projects/<number>/apps/<project id>`. */
const IAP_AUDIENCE =
  /^\/projects\/\d+\/(global\/backendServices\/\d+|apps\/[a-z][a-z0-9-]{4,28}[a-z0-9])$/;

/** The settings that prove a request came through the trusted proxy, for the refusal messages. */
const PROXY_PROOF_SETTINGS =
  "AUTH_TRUSTED_PROXY_SECRET (a secret the proxy adds to every request, e.g. oauth2-proxy), " +
  "AUTH_TRUSTED_PROXY_ALB_ARN (an AWS Application Load Balancer's signed x-amzn-oidc-data) or " +
  "AUTH_TRUSTED_PROXY_IAP_AUDIENCE (Google IAP's signed x-goog-iap-jwt-assertion)";

const DEFAULT_SCOPE = "openid email profile";
const DEFAULT_SESSION_MAX_AGE = 8 * 60 * 60;
export const AUTH_SECRET_MIN_LENGTH = 32;

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

/** A key location: https, or http on a loopback address (a test's own key server). */
function keyUrl(name: string, value: string, example: string): string {
  const parsed = httpUrl(name, example).safeParse(value);
  const url = parsed.success ? new URL(parsed.data) : undefined;
  if (!url || (url.protocol === "http:" && !isLoopbackHost(url.hostname))) {
    throw new ConfigError(
      `Invalid environment: ${name} must be an https:// URL such as ${example} (http:// only on a loopback address)`,
    );
  }
  return url.href.replace(/\/+$/, "");
}

function parseTrustedProxy(
  env: Record<string, string | undefined>,
  argv: readonly string[],
): { mode: "proxy" } & TrustedProxyConfig {
  const headerText = blank(env.AUTH_TRUSTED_PROXY_HEADER)?.toLowerCase();
  const albArn = blank(env.AUTH_TRUSTED_PROXY_ALB_ARN);
  const iapAudience = blank(env.AUTH_TRUSTED_PROXY_IAP_AUDIENCE);
  if (albArn !== undefined && iapAudience !== undefined) {
    throw new ConfigError(
      "Invalid environment: set AUTH_TRUSTED_PROXY_ALB_ARN (behind an AWS load balancer) or AUTH_TRUSTED_PROXY_IAP_AUDIENCE (behind Google IAP), not both",
    );
  }
  const checkHeader = (name: string, value: string, what: string) => {
    if (!HEADER_NAME.test(value) || UNTRUSTABLE_HEADERS.has(value)) {
      throw new ConfigError(`Invalid environment: ${name} must name ${what} (got "${value}")`);
    }
  };
  if (headerText !== undefined) {
    checkHeader(
      "AUTH_TRUSTED_PROXY_HEADER",
      headerText,
      "the header your proxy sets with the person's identity, such as x-forwarded-email",
    );
  } else if (albArn === undefined && iapAudience === undefined) {
    throw new ConfigError(
      "Invalid environment: behind a trusted proxy, set AUTH_TRUSTED_PROXY_HEADER to the header in which it names the person (e.g. x-forwarded-email), or AUTH_TRUSTED_PROXY_ALB_ARN / AUTH_TRUSTED_PROXY_IAP_AUDIENCE to take the person from its signed assertion",
    );
  }

  let secret: TrustedProxyConfig["secret"];
  const secretValue = blank(env.AUTH_TRUSTED_PROXY_SECRET);
  if (secretValue !== undefined) {
    if (secretValue.length < PROXY_SECRET_MIN_LENGTH) {
      throw new ConfigError(
        `Invalid environment: AUTH_TRUSTED_PROXY_SECRET must be at least ${PROXY_SECRET_MIN_LENGTH} characters (generate one with: openssl rand -base64 32)`,
      );
    }
    const secretHeader =
      blank(env.AUTH_TRUSTED_PROXY_SECRET_HEADER)?.toLowerCase() ?? DEFAULT_PROXY_SECRET_HEADER;
    checkHeader(
      "AUTH_TRUSTED_PROXY_SECRET_HEADER",
      secretHeader,
      `the header in which your proxy sends the secret, such as ${DEFAULT_PROXY_SECRET_HEADER}`,
    );
    if (secretHeader === headerText) {
      throw new ConfigError(
        "Invalid environment: AUTH_TRUSTED_PROXY_SECRET_HEADER must differ from AUTH_TRUSTED_PROXY_HEADER",
      );
    }
    secret = { header: secretHeader, value: secretValue };
  }

  let alb: TrustedProxyConfig["alb"];
  if (albArn !== undefined) {
    const region = ALB_ARN.exec(albArn)?.[1];
    if (!region) {
      throw new ConfigError(
        `Invalid environment: AUTH_TRUSTED_PROXY_ALB_ARN must be your Application Load Balancer's ARN, such as arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/audiences/50dc6c495c0c9188 (got "${albArn}")`,
      );
    }
    const keys = blank(env.AUTH_TRUSTED_PROXY_ALB_KEYS_URL);
    alb = {
      arn: albArn,
      keysUrl:
        keys === undefined
          ? albKeysUrlFor(region)
          : keyUrl("AUTH_TRUSTED_PROXY_ALB_KEYS_URL", keys, albKeysUrlFor(region)),
    };
  }

  let iap: TrustedProxyConfig["iap"];
  if (iapAudience !== undefined) {
    if (!IAP_AUDIENCE.test(iapAudience)) {
      throw new ConfigError(
        `Invalid environment: AUTH_TRUSTED_PROXY_IAP_AUDIENCE must be IAP's audience, /projects/<project number>/global/backendServices/<service id> or /projects/<project number>/apps/<project id> (got "${iapAudience}")`,
      );
    }
    const jwks = blank(env.AUTH_TRUSTED_PROXY_IAP_JWKS_URL);
    iap = {
      audience: iapAudience,
      jwksUrl:
        jwks === undefined
          ? IAP_JWKS_URL
          : keyUrl("AUTH_TRUSTED_PROXY_IAP_JWKS_URL", jwks, IAP_JWKS_URL),
    };
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

  // Without proof, only a proxy on this same machine can be the one talking to the dashboard.
  const bindHost = bindHostOf(env, argv);
  if (!secret && !alb && !iap && (bindHost === undefined || !isLoopbackHost(bindHost))) {
    const where =
      bindHost === undefined
        ? "its listening address is unknown (next start without -H listens on every address)"
        : `it listens on ${bindHost}, which other machines can reach`;
    throw new ConfigError(
      `Refusing to start behind a trusted proxy without proof that requests came through it: ${where}, so anyone who reaches it could send ${headerText} themselves and act as anyone. ` +
        `Set ${PROXY_PROOF_SETTINGS}, or listen on a loopback address (DASHBOARD_BIND_HOST=127.0.0.1) behind a proxy on the same machine ` +
        '(see "Behind a trusted sign-in proxy" in README.md).',
    );
  }

  return {
    mode: "proxy",
    header: headerText,
    signOutUrl: signOut,
    secret,
    alb,
    iap,
    ...accessRules(env, "proxy"),
  };
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
  const proxy = [
    "AUTH_TRUSTED_PROXY_HEADER",
    "AUTH_TRUSTED_PROXY_SECRET",
    "AUTH_TRUSTED_PROXY_ALB_ARN",
    "AUTH_TRUSTED_PROXY_IAP_AUDIENCE",
  ].some((n) => blank(env[n]) !== undefined);
  if (oidc && proxy) {
    throw new ConfigError(
      "Invalid environment: set either AUTH_OIDC_ISSUER (the dashboard signs people in) or AUTH_TRUSTED_PROXY_* (a proxy in front signs them in), not both",
    );
  }
  if (oidc) return parseOidc(env);
  if (proxy) return parseTrustedProxy(env, argv);

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
        `and prove requests came through it with ${PROXY_PROOF_SETTINGS} ` +
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
