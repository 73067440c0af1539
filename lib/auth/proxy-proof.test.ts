import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  startKeyServer,
  TEST_ALB_ARN,
  TEST_IAP_AUDIENCE,
  type KeyServer,
} from "@/test/proxy-assertions";

import { parseAuthConfig, type TrustedProxyConfig } from "./config";
import { proxyIdentity, sameSecret } from "./proxy-proof";

const SECRET = "s3cr3t-".repeat(6);
let keys: KeyServer;

beforeAll(async () => {
  keys = await startKeyServer();
});
afterAll(() => keys.close());

const proxyConfig = (env: Record<string, string>) =>
  parseAuthConfig({ AWS_REGION: "us-east-1", ...env }, ["-H", "0.0.0.0"]) as TrustedProxyConfig;

const who = async (config: TrustedProxyConfig, headers: Record<string, string> | Headers) =>
  (await proxyIdentity(config, headers instanceof Headers ? headers : new Headers(headers)))
    ?.identity;

describe("a shared secret from the proxy", () => {
  const config = () =>
    proxyConfig({
      AUTH_TRUSTED_PROXY_HEADER: "x-forwarded-email",
      AUTH_TRUSTED_PROXY_SECRET: SECRET,
      AUTH_ALLOWED_EMAIL_DOMAINS: "example.com",
    });

  it("is needed before the identity header is believed", async () => {
    expect(
      await who(config(), {
        "x-forwarded-email": "alice@example.com",
        "x-dashboard-proxy-secret": SECRET,
      }),
    ).toBe("alice@example.com");
    expect(await who(config(), { "x-forwarded-email": "ceo@example.com" })).toBeUndefined();
    expect(
      await who(config(), {
        "x-forwarded-email": "ceo@example.com",
        "x-dashboard-proxy-secret": "guess",
      }),
    ).toBeUndefined();
    expect(
      await who(config(), {
        "x-forwarded-email": "ceo@example.com",
        "x-dashboard-proxy-secret": SECRET.slice(0, -1),
      }),
    ).toBeUndefined();
  });

  it("believes no identity header sent twice, nor a secret sent twice", async () => {
    const twice = new Headers({ "x-dashboard-proxy-secret": SECRET });
    twice.append("x-forwarded-email", "ceo@example.com");
    twice.append("x-forwarded-email", "alice@example.com");
    expect(await who(config(), twice)).toBeUndefined();
    const secretTwice = new Headers({ "x-forwarded-email": "alice@example.com" });
    secretTwice.append("x-dashboard-proxy-secret", SECRET);
    secretTwice.append("x-dashboard-proxy-secret", SECRET);
    expect(await who(config(), secretTwice)).toBeUndefined();
  });

  it("is compared whole", async () => {
    expect(await sameSecret(SECRET, SECRET)).toBe(true);
    for (const other of ["", SECRET + "x", SECRET.toUpperCase(), SECRET.slice(1)]) {
      expect(await sameSecret(other, SECRET), other).toBe(false);
    }
  });
});

describe("an AWS load balancer's signed x-amzn-oidc-data", () => {
  const config = () =>
    proxyConfig({
      AUTH_TRUSTED_PROXY_ALB_ARN: TEST_ALB_ARN,
      AUTH_TRUSTED_PROXY_ALB_KEYS_URL: keys.albKeysUrl,
      AUTH_ALLOWED_EMAIL_DOMAINS: "example.com",
    });

  it("names the person in its verified email claim, whatever other headers say", async () => {
    const token = await keys.albAssertion({
      sub: "1234",
      email: "alice@example.com",
      email_verified: true,
      name: "Alice",
    });
    const user = await proxyIdentity(
      config(),
      new Headers({ "x-amzn-oidc-data": token, "x-amzn-oidc-identity": "ceo@example.com" }),
    );
    expect(user).toEqual({ identity: "alice@example.com", name: "Alice" });
    // The key was fetched from the configured key server, by the token's key ID.
    expect(keys.requests.some((path) => path.startsWith("/alb/"))).toBe(true);
  });

  it("refuses a token from another load balancer, signed with another key, expired, or none", async () => {
    const claims = { sub: "1", email: "ceo@example.com" };
    expect(
      await who(config(), {
        "x-amzn-oidc-data": await keys.albAssertion(claims, {
          signer: TEST_ALB_ARN.replace("audiences", "someone-elses"),
        }),
      }),
    ).toBeUndefined();
    expect(
      await who(config(), {
        "x-amzn-oidc-data": await keys.albAssertion(claims, { key: "stranger" }),
      }),
    ).toBeUndefined();
    expect(
      await who(config(), {
        "x-amzn-oidc-data": await keys.albAssertion(claims, {
          expiresAt: Math.floor(Date.now() / 1000) - 300,
        }),
      }),
    ).toBeUndefined();
    expect(await who(config(), { "x-amzn-oidc-identity": "ceo@example.com" })).toBeUndefined();
    expect(await who(config(), { "x-amzn-oidc-data": "not.a.token" })).toBeUndefined();
    // A verified token for someone outside the allowed domains.
    expect(
      await who(config(), {
        "x-amzn-oidc-data": await keys.albAssertion({ sub: "2", email: "m@evil.example" }),
      }),
    ).toBeUndefined();
    // Sent twice: joined with a comma, and refused.
    const token = await keys.albAssertion({
      sub: "1",
      email: "alice@example.com",
      email_verified: true,
    });
    const twice = new Headers();
    twice.append("x-amzn-oidc-data", token);
    twice.append("x-amzn-oidc-data", token);
    expect(await who(config(), twice)).toBeUndefined();
  });
});

describe("the email in a load balancer's assertion", () => {
  const ruled = () =>
    proxyConfig({
      AUTH_TRUSTED_PROXY_ALB_ARN: TEST_ALB_ARN,
      AUTH_TRUSTED_PROXY_ALB_KEYS_URL: keys.albKeysUrl,
      AUTH_ALLOWED_EMAIL_DOMAINS: "example.com",
    });
  const open = () =>
    proxyConfig({
      AUTH_TRUSTED_PROXY_ALB_ARN: TEST_ALB_ARN,
      AUTH_TRUSTED_PROXY_ALB_KEYS_URL: keys.albKeysUrl,
    });

  it("counts for the domain rule only when the identity provider says it is verified", async () => {
    for (const email_verified of [false, "false", "true", undefined, null, 1]) {
      const token = await keys.albAssertion({
        sub: "1",
        email: "alice@example.com",
        email_verified,
      });
      expect(await who(ruled(), { "x-amzn-oidc-data": token }), String(email_verified)).toBe(
        undefined,
      );
    }
  });

  it("is recorded only when verified; otherwise the issuer-qualified subject is", async () => {
    const unverified = await keys.albAssertion({
      sub: "1",
      email: "ceo@example.com",
      email_verified: false,
    });
    expect(await who(open(), { "x-amzn-oidc-data": unverified })).toBe("https://idp.example.com/1");
    const verified = await keys.albAssertion({
      sub: "1",
      email: "alice@example.com",
      email_verified: true,
    });
    expect(await who(open(), { "x-amzn-oidc-data": verified })).toBe("alice@example.com");
  });
});

describe("Google IAP's signed x-goog-iap-jwt-assertion", () => {
  const config = () =>
    proxyConfig({
      AUTH_TRUSTED_PROXY_IAP_AUDIENCE: TEST_IAP_AUDIENCE,
      AUTH_TRUSTED_PROXY_IAP_JWKS_URL: keys.iapJwksUrl,
    });

  it("names the person in its verified email claim", async () => {
    const token = await keys.iapAssertion({
      sub: "accounts.google.com:1",
      email: "alice@example.com",
    });
    expect(
      await who(config(), {
        "x-goog-iap-jwt-assertion": token,
        "x-goog-authenticated-user-email": "accounts.google.com:ceo@example.com",
      }),
    ).toBe("alice@example.com");
  });

  it("refuses another audience, another issuer, another key, or no assertion", async () => {
    const claims = { sub: "1", email: "ceo@example.com" };
    for (const token of [
      await keys.iapAssertion(claims, { audience: "/projects/1/global/backendServices/2" }),
      await keys.iapAssertion(claims, { issuer: "https://evil.example" }),
      await keys.iapAssertion(claims, { key: "stranger" }),
    ]) {
      expect(await who(config(), { "x-goog-iap-jwt-assertion": token })).toBeUndefined();
    }
    expect(
      await who(config(), {
        "x-goog-authenticated-user-email": "accounts.google.com:ceo@example.com",
      }),
    ).toBeUndefined();
  });
});
