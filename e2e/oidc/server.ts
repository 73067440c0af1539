/**
 * A real OpenID Connect provider on a loopback port for the end-to-end sign-in
 * specs (the `oidc-provider` package, with its development sign-in form:
 * any login and any password). The login is the person's email, so a spec
 * chooses who signs in:
 *
 * - `<anything>@example.com`: an allowed domain;
 * - `bob@partner.example`: another domain, but in the allowed group `marketing`;
 * - `unverified@example.com`: the provider says the email is not verified;
 * - anything else (e.g. `mallory@evil.example`): neither domain nor group allowed.
 *
 *   OIDC_PORT=5751 OIDC_CLIENT_SECRET=… OIDC_REDIRECT_URIS=http://127.0.0.1:4100/api/auth/callback/oidc npx tsx e2e/oidc/server.ts
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import Provider, { type Configuration } from "oidc-provider";

import { OIDC_CLIENT_ID, TEST_GROUPS } from "./users";

const port = Number(process.env.OIDC_PORT ?? 5751);
const issuer = `http://127.0.0.1:${port}`;
const clientSecret = process.env.OIDC_CLIENT_SECRET;
const redirectUris = (process.env.OIDC_REDIRECT_URIS ?? "").split(",").filter(Boolean);
if (!clientSecret || redirectUris.length === 0) {
  throw new Error("OIDC_CLIENT_SECRET and OIDC_REDIRECT_URIS are required");
}

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: "jwk" }),
  kid: "e2e",
  use: "sig",
  alg: "RS256",
};

const SCOPE = "openid email profile groups";

const configuration: Configuration = {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  jwks: { keys: [signingKey as never] },
  cookies: { keys: [randomBytes(32).toString("hex")] },
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name"],
    groups: ["groups"],
  },
  // Put the scopes' claims in the ID token, which is what the dashboard reads (as most providers can be set to).
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, sub) {
    const email = sub.includes("@") ? sub.toLowerCase() : `${sub.toLowerCase()}@example.com`;
    const local = email.split("@")[0]!;
    return {
      accountId: sub,
      async claims() {
        return {
          sub,
          email,
          email_verified: !local.startsWith("unverified"),
          name: local.charAt(0).toUpperCase() + local.slice(1) + " Tester",
          groups: TEST_GROUPS[email] ?? [],
        };
      },
    };
  },
  // A first-party client: grant what it asks for without a consent page.
  async loadExistingGrant(ctx) {
    const { provider, client, session, result } = ctx.oidc;
    const grantId = result?.consent?.grantId ?? session?.grantIdFor(client!.clientId);
    if (grantId) return provider.Grant.find(grantId);
    const grant = new provider.Grant({ clientId: client!.clientId, accountId: session!.accountId });
    grant.addOIDCScope(SCOPE);
    await grant.save();
    return grant;
  },
};

const provider = new Provider(issuer, configuration);
provider.listen(port, "127.0.0.1", () => {
  console.log(`Test OpenID Connect provider at ${issuer}`);
});
