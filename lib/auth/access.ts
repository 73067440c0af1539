/**
 * Who may use the dashboard: the access rules applied at sign-in and to a
 * trusted proxy's identity header. Pure, so Proxy, route handlers and tests
 * share it.
 */
import type { ActionError } from "@/lib/action-result";

import type { AccessRules, TrustedProxyConfig } from "./config";

/** A person the dashboard knows: signed in, or named by the trusted proxy. */
export interface SignedInUser {
  /**
   * What "who did it" tags and the audit log record: a verified email, or the
   * issuer-qualified subject when the email is not verified (recordedIdentity),
   * or the identity a trusted proxy's own header names.
   */
  identity: string;
  name: string | undefined;
}

/** The claims of a signed identity (an ID token, a load balancer's assertion) that say who it is. */
export interface IdentityClaims {
  iss?: unknown;
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
}

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/**
 * The one verified-email rule of every sign-in path: an email counts only when
 * its issuer says it is verified, `email_verified` exactly `true` (not
 * `"true"`, not absent). Anything else is whatever the person typed at sign-up.
 */
export function isEmailVerified(claim: unknown): boolean {
  return claim === true;
}

/**
 * Who a signed identity is, as the dashboard records it: the email when it is
 * verified, otherwise the subject qualified by its issuer (`<iss>/<sub>`),
 * never an unverified email, which could be someone else's ("nOAuth").
 */
export function recordedIdentity(
  claims: IdentityClaims,
  fallbackIssuer?: string,
): string | undefined {
  const email = text(claims.email);
  if (email && isEmailVerified(claims.email_verified)) return email;
  const issuer = (text(claims.iss) ?? fallbackIssuer)?.replace(/\/+$/, "");
  const subject = text(claims.sub);
  return issuer && subject ? `${issuer}/${subject}` : undefined;
}

/** The groups a claim lists: an array of names, or one name, or a space- or comma-separated string. */
export function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === "string");
  if (typeof claim === "string") return claim.split(/[\s,]+/).filter((g) => g !== "");
  return [];
}

/**
 * Whether a person may use the dashboard: their email's domain is allowed,
 * or one of their groups is, or every person is (AUTH_ALLOW_ALL_USERS).
 *
 * The domain rule counts an email only when the provider says it is verified
 * (`email_verified` exactly `true`): an unverified or unconfirmed address is
 * whatever the person typed at sign-up. A Google Workspace account must also
 * carry the `hd` (hosted domain) claim naming that domain, since Google signs
 * in personal accounts with any address too (`hostedDomain` is given then).
 */
export function isAllowed(
  rules: AccessRules,
  person: {
    email: string | undefined;
    emailVerified: unknown;
    groups: string[];
    /** Google's `hd` claim, when the provider is Google (accounts.google.com). */
    hostedDomain?: { required: boolean; claim: unknown };
  },
): boolean {
  if (rules.allowAllUsers) return true;
  const parts = isEmailVerified(person.emailVerified) ? (person.email?.split("@") ?? []) : [];
  if (parts.length === 2 && parts[0] !== "") {
    const domain = parts[1]!.toLowerCase();
    const hostedOk =
      !person.hostedDomain?.required ||
      (typeof person.hostedDomain.claim === "string" &&
        person.hostedDomain.claim.toLowerCase() === domain);
    if (hostedOk && rules.allowedEmailDomains.includes(domain)) return true;
  }
  return person.groups.some((g) => rules.allowedGroups.includes(g));
}

/** The longest identity header value taken as a person's identity. */
const IDENTITY_MAX_LENGTH = 512;

/**
 * The person a trusted proxy's header (or verified assertion) names, if it
 * names one this dashboard allows. A value holding a comma is refused: that is
 * how a header sent twice arrives (`forged@…, real@…`), and no email has one.
 */
export function proxyUser(
  config: TrustedProxyConfig,
  value: string | null | undefined,
): SignedInUser | undefined {
  // Google IAP writes "accounts.google.com:alice@example.com".
  const identity = value?.trim().replace(/^accounts\.google\.com:/, "");
  if (
    !identity ||
    identity.length > IDENTITY_MAX_LENGTH ||
    identity.includes(",") ||
    /[\u0000-\u001f\u007f]/.test(identity)
  )
    return undefined;
  const email = /^[^\s@]+@[^\s@]+$/.test(identity) ? identity : undefined;
  const ruled = config.allowedEmailDomains.length > 0 || config.allowedGroups.length > 0;
  // The proxy signed the person in and vouches for the address: it counts as verified.
  if (ruled && !isAllowed(config, { email, emailVerified: true, groups: [] })) return undefined;
  return { identity, name: undefined };
}

/**
 * The person a trusted proxy's verified assertion names (a load balancer's
 * `x-amzn-oidc-data`, Google IAP's assertion), if it names one this dashboard
 * allows. The email is held to the same verified-email rule as sign-in
 * (`email_verified`), unless the proxy itself is the email's issuer and
 * vouches for it (`emailVouched`: IAP signs in Google accounts by address).
 */
export function assertedUser(
  config: TrustedProxyConfig,
  claims: IdentityClaims & { name?: unknown },
  { emailVouched }: { emailVouched: boolean },
): SignedInUser | undefined {
  const verified = emailVouched ? { ...claims, email_verified: true } : claims;
  const identity = recordedIdentity(verified);
  if (!identity || identity.length > IDENTITY_MAX_LENGTH) return undefined;
  const ruled = config.allowedEmailDomains.length > 0 || config.allowedGroups.length > 0;
  const allowed = isAllowed(config, {
    email: text(claims.email),
    emailVerified: verified.email_verified,
    groups: [],
  });
  if (ruled && !allowed) return undefined;
  return { identity, name: text(claims.name) };
}

/** The answer to an action or route called without a session, from Proxy and from the code behind it alike. */
export const UNAUTHORIZED: ActionError = {
  code: "Unauthorized",
  message: "You are not signed in, so nothing was done.",
  hint: "Your session may have ended. Reload the page to sign in again.",
};
