import { describe, expect, it } from "vitest";

import { cleanNextAuthRequest, safeCallbackPath } from "./callback-url";

describe("the page sign-in leads back to", () => {
  it("is a path on this dashboard, with its query and fragment", () => {
    expect(safeCallbackPath("/jobs/new")).toBe("/jobs/new");
    expect(safeCallbackPath("/jobs/us-east-1/111122223333/abc?tab=exports#x")).toBe(
      "/jobs/us-east-1/111122223333/abc?tab=exports#x",
    );
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath("")).toBe("/");
  });

  it("is never another site, however the address is disguised", () => {
    for (const value of [
      "/\t/evil.example/x",
      "/\n/evil.example/x",
      "/\r/evil.example/x",
      "/\t\\evil.example/x",
      "\t//evil.example/x",
      "//evil.example/x",
      "/\\evil.example/x",
      "\\\\evil.example/x",
      "https://evil.example/x",
      "http:evil.example",
      "HTTPS://evil.example",
      "javascript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
    ]) {
      const path = safeCallbackPath(value);
      expect(path, JSON.stringify(value)).toMatch(/^\/(?![/\\])/);
      expect(new URL(path, "https://dashboard.example").origin, JSON.stringify(value)).toBe(
        "https://dashboard.example",
      );
      expect(path, JSON.stringify(value)).not.toContain("evil.example/x");
    }
  });
});

describe("a request to next-auth", () => {
  const clean = (pathAndQuery: string, cookie?: string) => {
    const headers = new Headers(cookie ? { cookie } : {});
    const url = cleanNextAuthRequest(
      new URL(`https://audiences.example.com${pathAndQuery}`),
      headers,
    );
    return { url: url && url.pathname + url.search, cookie: headers.get("cookie") };
  };

  it("has a callbackUrl that is not a URL, or leaves the site, made a safe path first", () => {
    expect(clean("/api/auth/session?callbackUrl=x").url).toBe("/api/auth/session?callbackUrl=%2Fx");
    expect(clean("/api/auth/signin?callbackUrl=https%3A%2F%2Fevil.example").url).toBe(
      "/api/auth/signin?callbackUrl=%2F",
    );
    expect(clean("/api/auth/signin?callbackUrl=http%3A%2F%2F").url).toBe(
      "/api/auth/signin?callbackUrl=%2F",
    );
  });

  it("is left alone when its callbackUrl is already a path here, or it has none", () => {
    expect(clean("/api/auth/signin?callbackUrl=%2Fjobs%2Fnew").url).toBeUndefined();
    expect(clean("/api/auth/session").url).toBeUndefined();
  });

  it("loses a callback cookie next-auth could not read, and keeps every other cookie", () => {
    expect(
      clean("/api/auth/session", "a=1; __Secure-next-auth.callback-url=http%3A%2F%2F; b=2").cookie,
    ).toBe("a=1; b=2");
    expect(clean("/api/auth/session", "next-auth.callback-url=%E0%A4%A; b=2").cookie).toBe("b=2");
    const good = "__Secure-next-auth.callback-url=https%3A%2F%2Faudiences.example.com%2Fjobs; b=2";
    expect(clean("/api/auth/session", good).cookie).toBe(good);
  });
});
