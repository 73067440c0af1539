/** The shapes of the sign-in settings (`config.ts` parses them, with `config-oidc.ts` and `config-proxy.ts`). */

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
