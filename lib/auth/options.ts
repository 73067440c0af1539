import "server-only";

import type { AuthOptions } from "next-auth";

import { groupsOf, isAllowed, recordedIdentity } from "./access";
import { safeCallbackUrl } from "./callback-url";
import { authConfig, type OidcConfig } from "./config";

/** The claims of an ID token that sign-in looks at. */
export interface IdTokenClaims {
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  preferred_username?: unknown;
  [claim: string]: unknown;
}

/** Google's issuer: it signs in any Google account, so a Workspace domain also needs the `hd` claim. */
export const GOOGLE_ISSUER = "https://accounts.google.com";

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/**
 * Who the person is, as "who did it" tags and the audit log record it: their
 * email when the issuer says it is verified, otherwise their subject qualified
 * by the issuer. Never an unverified email or a user name, which a person can
 * set to someone else's address.
 */
export function identityOf(config: OidcConfig, claims: IdTokenClaims): string | undefined {
  return recordedIdentity(claims, config.issuer);
}

export function oidcAuthOptions(config: OidcConfig): AuthOptions {
  return {
    secret: config.secret,
    // Sessions live in an encrypted, HTTP-only cookie: no database needed.
    session: { strategy: "jwt", maxAge: config.sessionMaxAge },
    jwt: { maxAge: config.sessionMaxAge },
    useSecureCookies: config.url.startsWith("https://"),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      {
        id: "oidc",
        name: config.providerName,
        type: "oauth",
        wellKnown: `${config.issuer}/.well-known/openid-configuration`,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        authorization: { params: { scope: config.scope } },
        idToken: true,
        checks: ["pkce", "state", "nonce"],
        profile(claims: IdTokenClaims) {
          return {
            id: String(claims.sub),
            email: text(claims.email) ?? null,
            name: text(claims.name) ?? text(claims.preferred_username) ?? null,
          };
        },
      },
    ],
    callbacks: {
      redirect: safeCallbackUrl,
      signIn({ profile }) {
        const claims = (profile ?? {}) as IdTokenClaims;
        // Nobody the dashboard cannot name: every change records who made it.
        if (!identityOf(config, claims)) return false;
        return isAllowed(config, {
          email: text(claims.email),
          emailVerified: claims.email_verified,
          groups: groupsOf(claims[config.groupsClaim]),
          hostedDomain: { required: config.issuer === GOOGLE_ISSUER, claim: claims.hd },
        });
      },
      jwt({ token, profile }) {
        // Keep only who the person is; nothing else from the provider goes into the cookie.
        if (profile) {
          const claims = profile as IdTokenClaims;
          token.email = identityOf(config, claims) ?? null;
          token.name = text(claims.name) ?? token.email;
        }
        return {
          sub: token.sub,
          email: token.email,
          name: token.name,
          iat: token.iat,
          exp: token.exp,
          jti: token.jti,
        };
      },
      session({ session, token }) {
        session.user = { email: token.email ?? null, name: token.name ?? null };
        return session;
      },
    },
  };
}

let cached: AuthOptions | undefined;

/** next-auth's options for this process; only in the `oidc` mode. */
export function authOptions(): AuthOptions {
  const config = authConfig();
  if (config.mode !== "oidc") throw new Error("Sign-in with OpenID Connect is not configured");
  // next-auth reads its public URL from NEXTAUTH_URL; AUTH_URL is accepted as the same.
  process.env.NEXTAUTH_URL = config.url;
  cached ??= oidcAuthOptions(config);
  return cached;
}
