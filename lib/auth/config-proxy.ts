/** The settings of a trusted sign-in proxy in front (config.ts's `proxy` mode) and the proofs it gives. */
import { ConfigError } from "@/lib/config";
import { isLoopbackHost } from "@/lib/loopback";

import { bindHostOf } from "./bind-address";
import { accessRules, blank, HEADER_NAME, httpUrl, UNTRUSTABLE_HEADERS } from "./config-env";
import type { TrustedProxyConfig } from "./config-types";

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
export const PROXY_PROOF_SETTINGS =
  "AUTH_TRUSTED_PROXY_SECRET (a secret the proxy adds to every request, e.g. oauth2-proxy), " +
  "AUTH_TRUSTED_PROXY_ALB_ARN (an AWS Application Load Balancer's signed x-amzn-oidc-data) or " +
  "AUTH_TRUSTED_PROXY_IAP_AUDIENCE (Google IAP's signed x-goog-iap-jwt-assertion)";

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

type Env = Record<string, string | undefined>;

/** A header name the proxy sets, never one any client sets itself. */
function checkHeader(name: string, value: string, what: string): void {
  if (!HEADER_NAME.test(value) || UNTRUSTABLE_HEADERS.has(value)) {
    throw new ConfigError(`Invalid environment: ${name} must name ${what} (got "${value}")`);
  }
}

/** AUTH_TRUSTED_PROXY_HEADER, needed unless a signed assertion names the person. */
function identityHeader(env: Env, signed: boolean): string | undefined {
  const header = blank(env.AUTH_TRUSTED_PROXY_HEADER)?.toLowerCase();
  if (header !== undefined) {
    checkHeader(
      "AUTH_TRUSTED_PROXY_HEADER",
      header,
      "the header your proxy sets with the person's identity, such as x-forwarded-email",
    );
  } else if (!signed) {
    throw new ConfigError(
      "Invalid environment: behind a trusted proxy, set AUTH_TRUSTED_PROXY_HEADER to the header in which it names the person (e.g. x-forwarded-email), or AUTH_TRUSTED_PROXY_ALB_ARN / AUTH_TRUSTED_PROXY_IAP_AUDIENCE to take the person from its signed assertion",
    );
  }
  return header;
}

/** AUTH_TRUSTED_PROXY_SECRET and the header it comes in. */
function sharedSecret(env: Env, identity: string | undefined): TrustedProxyConfig["secret"] {
  const value = blank(env.AUTH_TRUSTED_PROXY_SECRET);
  if (value === undefined) return undefined;
  if (value.length < PROXY_SECRET_MIN_LENGTH) {
    throw new ConfigError(
      `Invalid environment: AUTH_TRUSTED_PROXY_SECRET must be at least ${PROXY_SECRET_MIN_LENGTH} characters (generate one with: openssl rand -base64 32)`,
    );
  }
  const header =
    blank(env.AUTH_TRUSTED_PROXY_SECRET_HEADER)?.toLowerCase() ?? DEFAULT_PROXY_SECRET_HEADER;
  checkHeader(
    "AUTH_TRUSTED_PROXY_SECRET_HEADER",
    header,
    `the header in which your proxy sends the secret, such as ${DEFAULT_PROXY_SECRET_HEADER}`,
  );
  if (header === identity) {
    throw new ConfigError(
      "Invalid environment: AUTH_TRUSTED_PROXY_SECRET_HEADER must differ from AUTH_TRUSTED_PROXY_HEADER",
    );
  }
  return { header, value };
}

/** AUTH_TRUSTED_PROXY_ALB_ARN and where its region's keys are. */
function loadBalancer(env: Env, arn: string | undefined): TrustedProxyConfig["alb"] {
  if (arn === undefined) return undefined;
  const region = ALB_ARN.exec(arn)?.[1];
  if (!region) {
    throw new ConfigError(
      `Invalid environment: AUTH_TRUSTED_PROXY_ALB_ARN must be your Application Load Balancer's ARN, such as arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/audiences/50dc6c495c0c9188 (got "${arn}")`,
    );
  }
  const keys = blank(env.AUTH_TRUSTED_PROXY_ALB_KEYS_URL);
  return {
    arn,
    keysUrl:
      keys === undefined
        ? albKeysUrlFor(region)
        : keyUrl("AUTH_TRUSTED_PROXY_ALB_KEYS_URL", keys, albKeysUrlFor(region)),
  };
}

/** AUTH_TRUSTED_PROXY_IAP_AUDIENCE and Google's key set. */
function identityAwareProxy(env: Env, audience: string | undefined): TrustedProxyConfig["iap"] {
  if (audience === undefined) return undefined;
  if (!IAP_AUDIENCE.test(audience)) {
    throw new ConfigError(
      `Invalid environment: AUTH_TRUSTED_PROXY_IAP_AUDIENCE must be IAP's audience, /projects/<project number>/global/backendServices/<service id> or /projects/<project number>/apps/<project id> (got "${audience}")`,
    );
  }
  const jwks = blank(env.AUTH_TRUSTED_PROXY_IAP_JWKS_URL);
  return {
    audience,
    jwksUrl:
      jwks === undefined
        ? IAP_JWKS_URL
        : keyUrl("AUTH_TRUSTED_PROXY_IAP_JWKS_URL", jwks, IAP_JWKS_URL),
  };
}

/** AUTH_TRUSTED_PROXY_SIGN_OUT_URL: an http(s) URL or a path. */
function signOutUrl(env: Env): string | undefined {
  const signOut = blank(env.AUTH_TRUSTED_PROXY_SIGN_OUT_URL);
  if (signOut === undefined) return undefined;
  const parsed = httpUrl(
    "AUTH_TRUSTED_PROXY_SIGN_OUT_URL",
    "https://audiences.example.com/oauth2/sign_out",
  ).safeParse(signOut);
  if (!parsed.success && !signOut.startsWith("/")) {
    throw new ConfigError(
      `Invalid environment: ${parsed.error!.issues[0]!.message}, or a path such as /oauth2/sign_out`,
    );
  }
  return signOut;
}

export function parseTrustedProxy(
  env: Env,
  argv: readonly string[],
): { mode: "proxy" } & TrustedProxyConfig {
  const albArn = blank(env.AUTH_TRUSTED_PROXY_ALB_ARN);
  const iapAudience = blank(env.AUTH_TRUSTED_PROXY_IAP_AUDIENCE);
  if (albArn !== undefined && iapAudience !== undefined) {
    throw new ConfigError(
      "Invalid environment: set AUTH_TRUSTED_PROXY_ALB_ARN (behind an AWS load balancer) or AUTH_TRUSTED_PROXY_IAP_AUDIENCE (behind Google IAP), not both",
    );
  }
  const header = identityHeader(env, albArn !== undefined || iapAudience !== undefined);
  const secret = sharedSecret(env, header);
  const alb = loadBalancer(env, albArn);
  const iap = identityAwareProxy(env, iapAudience);
  const signOut = signOutUrl(env);

  // Without proof, only a proxy on this same machine can be the one talking to the dashboard.
  const bindHost = bindHostOf(env, argv);
  if (!secret && !alb && !iap && (bindHost === undefined || !isLoopbackHost(bindHost))) {
    const where =
      bindHost === undefined
        ? "its listening address is unknown (next start without -H listens on every address)"
        : `it listens on ${bindHost}, which other machines can reach`;
    throw new ConfigError(
      `Refusing to start behind a trusted proxy without proof that requests came through it: ${where}, so anyone who reaches it could send ${header} themselves and act as anyone. ` +
        `Set ${PROXY_PROOF_SETTINGS}, or listen on a loopback address (DASHBOARD_BIND_HOST=127.0.0.1) behind a proxy on the same machine ` +
        '(see "Behind a trusted sign-in proxy" in README.md).',
    );
  }

  return {
    mode: "proxy",
    header,
    signOutUrl: signOut,
    secret,
    alb,
    iap,
    ...accessRules(env, "proxy"),
  };
}
