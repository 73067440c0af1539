import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import nextConfig from "@/next.config";

import {
  STATIC_CONTENT_SECURITY_POLICY,
  STATIC_SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
  UNPROXIED_PATHS,
} from "./security-headers";

const root = path.resolve(import.meta.dirname, "../..");

/** proxy.ts's matcher as a RegExp (Next.js anchors it to the whole path). */
function proxyMatcher(): RegExp {
  const source = readFileSync(path.join(root, "proxy.ts"), "utf8");
  const pattern = /matcher:\s*\["([^"]+)"\]/.exec(source)?.[1];
  expect(pattern).toBeDefined();
  return new RegExp(`^${pattern}$`);
}

/** An example path for a Next.js source pattern. */
const example = (source: string) => source.replace(":path*", "chunks/app.js");

describe("security headers: one definition", () => {
  it("proxy.ts sees every path but the unproxied ones", () => {
    const matcher = proxyMatcher();
    for (const source of UNPROXIED_PATHS) expect(matcher.test(example(source)), source).toBe(false);
    for (const page of ["/", "/jobs/new", "/api/jobs", "/sign-in"])
      expect(matcher.test(page), page).toBe(true);
  });

  it("next.config gives every unproxied path, public files included, the same headers", async () => {
    const rules = (await nextConfig.headers!()) ?? [];
    const expected = {
      "Content-Security-Policy": STATIC_CONTENT_SECURITY_POLICY,
      ...STATIC_SECURITY_HEADERS,
    };
    for (const source of [...UNPROXIED_PATHS, "/favicon.svg"]) {
      const plain = rules.find((r) => r.source === source && !r.has);
      expect(plain, source).toBeDefined();
      expect(Object.fromEntries(plain!.headers.map((h) => [h.key, h.value]))).toEqual(expected);
      const https = rules.find((r) => r.source === source && r.has);
      expect(https?.headers, source).toEqual([
        { key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY },
      ]);
    }
  });

  it("leaves out every file of public/, so each is served without a session and with the headers", () => {
    for (const file of readdirSync(path.join(root, "public")))
      expect(UNPROXIED_PATHS as readonly string[], file).toContain(`/${file}`);
  });
});
