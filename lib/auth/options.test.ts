import type { Account, Profile, User } from "next-auth";
import NextAuth from "next-auth";
import type { JWT } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

import { proxy } from "@/proxy";

import { parseAuthConfig, type OidcConfig } from "./config";
import { oidcAuthOptions } from "./options";

const config = parseAuthConfig({
  AWS_REGION: "us-east-1",
  AUTH_OIDC_ISSUER: "https://idp.example.com/",
  AUTH_OIDC_CLIENT_ID: "dashboard",
  AUTH_OIDC_CLIENT_SECRET: "secret",
  AUTH_SECRET: "s".repeat(40),
  AUTH_URL: "https://audiences.example.com",
  AUTH_ALLOWED_EMAIL_DOMAINS: "example.com",
  AUTH_ALLOWED_GROUPS: "marketing",
  AUTH_GROUPS_CLAIM: "roles",
}) as OidcConfig;
const options = oidcAuthOptions(config);

async function signIn(profile: Record<string, unknown>) {
  return options.callbacks!.signIn!({
    profile: profile as Profile,
    user: {} as User,
    account: null,
  });
}

describe("sign-in with OpenID Connect", () => {
  it("asks the issuer for its discovery document, with PKCE, state and nonce, and secure cookies over HTTPS", () => {
    const provider = options.providers[0] as unknown as Record<string, unknown>;
    expect(provider).toMatchObject({
      id: "oidc",
      wellKnown: "https://idp.example.com/.well-known/openid-configuration",
      idToken: true,
      checks: ["pkce", "state", "nonce"],
    });
    expect(options.useSecureCookies).toBe(true);
    expect(options.session).toEqual({ strategy: "jwt", maxAge: 8 * 60 * 60 });
  });

  it("lets in the allowed domain or group (from the configured claim), and nobody it cannot name", async () => {
    expect(await signIn({ sub: "1", email: "alice@example.com", email_verified: true })).toBe(true);
    expect(await signIn({ sub: "2", email: "bob@partner.example", roles: ["marketing"] })).toBe(
      true,
    );
    expect(await signIn({ sub: "3", email: "bob@partner.example", groups: ["marketing"] })).toBe(
      false,
    );
    expect(await signIn({ sub: "4", email: "alice@example.com", email_verified: false })).toBe(
      false,
    );
    // Named by the issuer-qualified subject when there is no verified email; nobody without one.
    expect(await signIn({ sub: "5", roles: ["marketing"] })).toBe(true);
    expect(await signIn({ roles: ["marketing"] })).toBe(false);
    expect(
      await signIn({ sub: "6", preferred_username: "carol@partner.example", roles: "marketing" }),
    ).toBe(true);
  });

  it("counts an email for the domain rule only when the provider says it is verified", async () => {
    // A provider that never sends email_verified: the domain rule cannot let anyone in.
    expect(await signIn({ sub: "7", email: "alice@example.com" })).toBe(false);
    expect(await signIn({ sub: "8", email: "alice@example.com", email_verified: "true" })).toBe(
      false,
    );
    // Its people get in through the groups rule instead.
    expect(await signIn({ sub: "9", email: "alice@example.com", roles: ["marketing"] })).toBe(true);
  });

  it("with Google, wants the hosted domain claim for a Workspace domain", async () => {
    const google = oidcAuthOptions({ ...config, issuer: "https://accounts.google.com" });
    const googleSignIn = (profile: Record<string, unknown>) =>
      google.callbacks!.signIn!({ profile: profile as Profile, user: {} as User, account: null });
    const alice = { sub: "1", email: "alice@example.com", email_verified: true };
    expect(await googleSignIn({ ...alice, hd: "example.com" })).toBe(true);
    // A personal Google account that registered a work address: verified, but not the Workspace's.
    expect(await googleSignIn(alice)).toBe(false);
    expect(await googleSignIn({ ...alice, hd: "other.example" })).toBe(false);
  });

  it("keeps only who the person is in the session cookie", async () => {
    const token = await options.callbacks!.jwt!({
      token: { sub: "1", iat: 1, exp: 2, jti: "j", picture: "p" } as JWT,
      profile: {
        sub: "1",
        email: "alice@example.com",
        email_verified: true,
        name: "Alice",
        roles: ["marketing"],
        address: "x",
      } as Profile,
      account: { access_token: "at", id_token: "it", refresh_token: "rt" } as unknown as Account,
      user: {} as User,
    });
    expect(token).toEqual({
      sub: "1",
      email: "alice@example.com",
      name: "Alice",
      iat: 1,
      exp: 2,
      jti: "j",
    });
  });

  it("records an email only when verified, otherwise the issuer-qualified subject", async () => {
    // Let in by group membership, with someone else's address typed at sign-up ("nOAuth").
    const profile = {
      iss: "https://idp.example.com/",
      sub: "u-42",
      email: "ceo@example.com",
      email_verified: false,
      preferred_username: "ceo@example.com",
      name: "Mallory",
      roles: ["marketing"],
    };
    expect(await signIn(profile)).toBe(true);
    const token = await options.callbacks!.jwt!({
      token: { sub: "u-42" } as JWT,
      profile: profile as Profile,
      account: null,
      user: {} as User,
    });
    expect(token.email).toBe("https://idp.example.com/u-42");
    expect(JSON.stringify(token)).not.toContain("ceo@example.com");
  });

  it("answers a callbackUrl that is not a URL once the proxy has cleaned it, without an error", async () => {
    vi.stubEnv("NEXTAUTH_URL", config.url);
    // proxy.ts in the local mode: it cleans requests to next-auth in every mode.
    vi.stubEnv("CLEANROOMS_ML_ENDPOINT", "http://127.0.0.1:4750");
    vi.stubEnv("DASHBOARD_BIND_HOST", "127.0.0.1");
    /** next-auth's session endpoint, called as a pages-style API handler with a recording response. */
    const session = async (callbackUrl: string) => {
      const answer = {
        status: 200,
        headers: {} as Record<string, unknown>,
        body: undefined as unknown,
      };
      const res = {
        status(code: number) {
          answer.status = code;
          return res;
        },
        setHeader(name: string, value: unknown) {
          answer.headers[name.toLowerCase()] = value;
          return res;
        },
        getHeader: (name: string) => answer.headers[name.toLowerCase()],
        send(body: unknown) {
          answer.body = body;
        },
        json(body: unknown) {
          answer.body = body;
        },
        end() {},
      };
      const req = {
        method: "GET",
        query: { nextauth: ["session"], callbackUrl },
        cookies: { "__Secure-next-auth.callback-url": callbackUrl },
        headers: { host: "audiences.example.com" },
        body: {},
      };
      await (NextAuth as unknown as (...args: unknown[]) => Promise<void>)(req, res, options);
      return answer;
    };
    // next-auth itself answers 500 (and logs a stack trace) for a callbackUrl it cannot read…
    expect((await session("x")).status).toBe(500);
    // …so proxy.ts hands it the cleaned request instead.
    for (const given of ["x", "http://", "https://evil.example/x", "//evil.example", "\\x"]) {
      const rewritten = await proxy(
        new NextRequest(
          `http://127.0.0.1:3000/api/auth/session?callbackUrl=${encodeURIComponent(given)}`,
          { headers: { host: "127.0.0.1:3000" } },
        ),
      );
      const target = rewritten.headers.get("x-middleware-rewrite");
      const callbackUrl = target ? new URL(target).searchParams.get("callbackUrl")! : given;
      const answer = await session(callbackUrl);
      expect(answer.status, given).toBe(200);
      expect(JSON.stringify(answer.body ?? null), callbackUrl).not.toMatch(/Error|at /);
      const cookies = String(answer.headers["set-cookie"] ?? "");
      const set = /next-auth\.callback-url=([^;]*)/.exec(cookies)?.[1];
      if (set)
        expect(decodeURIComponent(set), callbackUrl).toMatch(
          /^https:\/\/audiences\.example\.com(\/|$)/,
        );
    }
    vi.unstubAllEnvs();
    expect(options.callbacks!.redirect!({ url: "/jobs/new?x=1", baseUrl: config.url })).toBe(
      "https://audiences.example.com/jobs/new?x=1",
    );
    expect(
      options.callbacks!.redirect!({ url: "https://evil.example/x", baseUrl: config.url }),
    ).toBe("https://audiences.example.com");
  });
});
