import { ConfigError, parseServiceConfig } from "@/lib/config";
import { isLoopbackHost } from "@/lib/loopback";

import { bindHostOf } from "./bind-address";
import { blank } from "./config-env";
import { parseOidc } from "./config-oidc";
import { parseTrustedProxy, PROXY_PROOF_SETTINGS } from "./config-proxy";
import type { OidcConfig, TrustedProxyConfig } from "./config-types";

export { bindHostOf };
export type { AccessRules, OidcConfig, TrustedProxyConfig } from "./config-types";

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
