import { describe, expect, it } from "vitest";

import { isDashboardTag, recordWho, whoTagValue } from "@/lib/schemas/dashboard-tags";

import { groupsOf, isAllowed, proxyUser } from "./access";
import type { TrustedProxyConfig } from "./config";
import { contentSecurityPolicy, createNonce } from "./security-headers";

const rules = {
  allowedEmailDomains: ["example.com"],
  allowedGroups: ["marketing"],
  allowAllUsers: false,
};

describe("who may sign in", () => {
  it("lets in a verified email at an allowed domain, or a member of an allowed group", () => {
    expect(isAllowed(rules, { email: "alice@example.com", emailVerified: true, groups: [] })).toBe(
      true,
    );
    expect(isAllowed(rules, { email: "Alice@EXAMPLE.com", emailVerified: true, groups: [] })).toBe(
      true,
    );
    expect(
      isAllowed(rules, {
        email: "bob@partner.example",
        emailVerified: undefined,
        groups: ["marketing"],
      }),
    ).toBe(true);
  });

  it("keeps out other domains, look-alike domains, unverified emails and other groups", () => {
    for (const email of [
      "mallory@evil.example",
      "mallory@example.com.evil.example",
      "mallory@sub.example.com",
      "example.com",
      "@example.com",
      "a@b@example.com",
    ]) {
      expect(isAllowed(rules, { email, emailVerified: true, groups: ["contractors"] }), email).toBe(
        false,
      );
    }
    // Only a provider that says the email is verified, in so many words, counts for the domain rule.
    for (const emailVerified of [false, "false", undefined, null, "true", 1, {}]) {
      expect(
        isAllowed(rules, { email: "alice@example.com", emailVerified, groups: [] }),
        String(emailVerified),
      ).toBe(false);
    }
    expect(isAllowed(rules, { email: undefined, emailVerified: true, groups: [] })).toBe(false);
    expect(
      isAllowed(
        { ...rules, allowAllUsers: true },
        { email: undefined, emailVerified: undefined, groups: [] },
      ),
    ).toBe(true);
  });

  it("asks Google for the hosted domain too: a personal account may carry any verified address", () => {
    const google = (claim: unknown) =>
      isAllowed(rules, {
        email: "alice@example.com",
        emailVerified: true,
        groups: [],
        hostedDomain: { required: true, claim },
      });
    expect(google("example.com")).toBe(true);
    expect(google("EXAMPLE.com")).toBe(true);
    expect(google(undefined)).toBe(false);
    expect(google("evil.example")).toBe(false);
  });

  it("reads groups from an array, one name, or a separated list, and nothing else", () => {
    expect(groupsOf(["a", 1, "b"])).toEqual(["a", "b"]);
    expect(groupsOf("a b,c")).toEqual(["a", "b", "c"]);
    expect(groupsOf({ a: 1 })).toEqual([]);
    expect(groupsOf(undefined)).toEqual([]);
  });
});

describe("the trusted proxy's header", () => {
  const config: TrustedProxyConfig = {
    header: "x-forwarded-email",
    signOutUrl: undefined,
    secret: undefined,
    alb: undefined,
    iap: undefined,
    ...rules,
    allowedGroups: [],
  };

  it("names the person, Google IAP's prefix removed", () => {
    expect(proxyUser(config, "alice@example.com")).toEqual({
      identity: "alice@example.com",
      name: undefined,
    });
    expect(proxyUser(config, "accounts.google.com:alice@example.com")?.identity).toBe(
      "alice@example.com",
    );
    expect(proxyUser({ ...config, allowedEmailDomains: [] }, "a1b2-subject")?.identity).toBe(
      "a1b2-subject",
    );
  });

  it("names nobody when missing, empty, too long, with control characters, or outside the allowed domains", () => {
    for (const value of [
      null,
      undefined,
      "",
      "  ",
      "x".repeat(513) + "@example.com",
      "alice@example.com\nx",
      // The header sent twice arrives joined: neither value is believed.
      "mallory@example.com, alice@example.com",
      "alice@example.com,alice@example.com",
      "mallory@evil.example",
      "a1b2-subject",
    ]) {
      expect(proxyUser(config, value), String(value)).toBeUndefined();
    }
  });
});

describe("who-did-it tags", () => {
  it("drop records that came from elsewhere and add the person's", () => {
    expect(
      recordWho(
        { team: "a", "dashboard:started-by": "x", "DASHBOARD:exported-by": "y" },
        "dashboard:started-by",
        "alice@example.com",
      ),
    ).toEqual({
      team: "a",
      "dashboard:started-by": "alice@example.com",
    });
    expect(
      recordWho({ "dashboard:started-by": "x" }, "dashboard:started-by", undefined),
    ).toBeUndefined();
    expect(recordWho(undefined, "dashboard:started-by", undefined)).toBeUndefined();
    expect(isDashboardTag("Dashboard:anything")).toBe(true);
    expect(isDashboardTag("team")).toBe(false);
  });

  it("hold only what AWS allows in a tag value, within its length", () => {
    expect(whoTagValue("alice@example.com")).toBe("alice@example.com");
    expect(whoTagValue("Ålice O'Brien <alice@example.com>")).toBe("Ålice OBrien alice@example.com");
    expect([...whoTagValue("é".repeat(300))]).toHaveLength(256);
    expect(whoTagValue("<>")).toBe("unknown");
  });
});

describe("the page policy", () => {
  it("allows scripts only with the nonce and forbids framing, plugins and other bases", () => {
    const csp = contentSecurityPolicy("abc", { dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("abc", { dev: true, https: true })).toMatch(
      /'unsafe-eval'.*upgrade-insecure-requests$/,
    );
  });

  it("uses a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});
