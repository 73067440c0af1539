/**
 * Proof that a request came through the trusted sign-in proxy, and the person
 * it names. Runs in Proxy (proxy.ts) and behind it (session.ts) alike.
 *
 * - A shared secret (AUTH_TRUSTED_PROXY_SECRET) the proxy adds to every
 *   request, compared in constant time.
 * - An AWS Application Load Balancer's `x-amzn-oidc-data`: an ES256 JWT whose
 *   header names the load balancer (`signer`) and the key (`kid`), verified
 *   with that region's public key; the person is its `email` claim when
 *   `email_verified` is true, its issuer-qualified subject otherwise.
 * - Google IAP's `x-goog-iap-jwt-assertion`: an ES256 JWT verified with
 *   Google's key set, for our audience, from IAP's issuer; the person is its
 *   `email` claim.
 *
 * Where a signed assertion is configured, the person comes from it and never
 * from a plain header. A header sent twice (a comma-joined value) proves nothing.
 */
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";

import { assertedUser, proxyUser, type SignedInUser } from "./access";
import { AlbKeys } from "./alb-keys";
import type { TrustedProxyConfig } from "./config";

/** The header an ALB sends its signed assertion in. */
export const ALB_ASSERTION_HEADER = "x-amzn-oidc-data";
/** The header Google IAP sends its signed assertion in. */
export const IAP_ASSERTION_HEADER = "x-goog-iap-jwt-assertion";
/** IAP's issuer (`iss`), as Google documents it. */
export const IAP_ISSUER = "https://cloud.google.com/iap";
/** Clock skew allowed on `exp` and `iat`. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** How long fetching a public key may take. */
const KEY_FETCH_TIMEOUT_MS = 5_000;

/** The request headers this needs: a `Headers`, or what `headers()` returns. */
export interface HeaderSource {
  get(name: string): string | null;
}

/**
 * The person the trusted proxy names on this request, when the request proves
 * it came through the proxy and the person is allowed; undefined otherwise.
 */
export async function proxyIdentity(
  config: TrustedProxyConfig,
  headers: HeaderSource,
): Promise<SignedInUser | undefined> {
  if (config.secret) {
    const sent = headers.get(config.secret.header);
    if (sent === null || !(await sameSecret(sent, config.secret.value))) return undefined;
  }
  if (config.alb) {
    const claims = await verifyAlbAssertion(config.alb, headers.get(ALB_ASSERTION_HEADER));
    return claims && assertedUser(config, claims, { emailVouched: false });
  }
  if (config.iap) {
    // IAP's `email` is the Google account IAP itself signed in: IAP vouches for it.
    const claims = await verifyIapAssertion(config.iap, headers.get(IAP_ASSERTION_HEADER));
    return claims && assertedUser(config, claims, { emailVouched: true });
  }
  return config.header === undefined ? undefined : proxyUser(config, headers.get(config.header));
}

/** Whether two secrets are equal, in time that does not depend on where they differ. */
export async function sameSecret(sent: string, expected: string): Promise<boolean> {
  // Digests have one length, so even the lengths of the secrets are not compared directly.
  const encoder = new TextEncoder();
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(sent)),
    crypto.subtle.digest("SHA-256", encoder.encode(expected)),
  ]);
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  let difference = 0;
  for (let i = 0; i < x.length; i++) difference |= x[i]! ^ y[i]!;
  return difference === 0;
}

/** A key ID as ALBs write them (a UUID): anything else is never put into a URL. */
const ALB_KEY_ID = /^[A-Za-z0-9-]{1,128}$/;
const albKeys = new AlbKeys();

/** The claims of a valid ALB assertion from our load balancer, or undefined. */
export async function verifyAlbAssertion(
  alb: NonNullable<TrustedProxyConfig["alb"]>,
  assertion: string | null,
): Promise<JWTPayload | undefined> {
  if (!assertion || assertion.includes(",")) return undefined;
  // ALBs pad each part with "=", which JWT's base64url does not allow.
  const token = assertion
    .split(".")
    .map((part) => part.replace(/=+$/, ""))
    .join(".");
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== "ES256" || header.signer !== alb.arn) return undefined;
    if (typeof header.kid !== "string" || !ALB_KEY_ID.test(header.kid)) return undefined;
    const key = await albKeys.get(alb.keysUrl, header.kid);
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["ES256"],
      requiredClaims: ["exp"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    return payload;
  } catch {
    return undefined;
  }
}

const iapKeySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** The claims of a valid IAP assertion for our audience, or undefined. */
export async function verifyIapAssertion(
  iap: NonNullable<TrustedProxyConfig["iap"]>,
  assertion: string | null,
): Promise<JWTPayload | undefined> {
  if (!assertion || assertion.includes(",")) return undefined;
  let keys = iapKeySets.get(iap.jwksUrl);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(iap.jwksUrl), { timeoutDuration: KEY_FETCH_TIMEOUT_MS });
    iapKeySets.set(iap.jwksUrl, keys);
  }
  try {
    const { payload } = await jwtVerify(assertion, keys, {
      algorithms: ["ES256"],
      issuer: IAP_ISSUER,
      audience: iap.audience,
      requiredClaims: ["exp", "iat"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    return payload;
  } catch {
    return undefined;
  }
}
