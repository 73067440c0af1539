import { readdirSync } from "node:fs";
import path from "node:path";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";

import nextConfig from "@/next.config";
import { config as proxyConfig } from "@/proxy";

import {
  SEED_UPLOAD_PATH,
  STATIC_CONTENT_SECURITY_POLICY,
  STATIC_SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
  UNPROXIED_PATHS,
} from "./security-headers";

const root = path.resolve(import.meta.dirname, "../..");

/** Whether proxy.ts runs for a URL, by Next.js's own reading of its matcher. */
const proxied = (pathAndQuery: string) =>
  unstable_doesMiddlewareMatch({ config: proxyConfig, url: `http://127.0.0.1${pathAndQuery}` });

/** An example path for a Next.js source pattern. */
const example = (source: string) => source.replace(":path*", "chunks/app.js");

describe("security headers: one definition", () => {
  it("proxy.ts sees every path but the unproxied ones", () => {
    for (const source of UNPROXIED_PATHS) expect(proxied(example(source)), source).toBe(false);
    for (const page of ["/", "/jobs/new", "/api/jobs", "/sign-in"])
      expect(proxied(page), page).toBe(true);
  });

  it("leaves out exactly those paths and the seed upload route, nothing that merely starts like them", () => {
    expect(proxied(SEED_UPLOAD_PATH)).toBe(false);
    expect(proxied(`${SEED_UPLOAD_PATH}?bucket=b&key=k&format=jsonl`)).toBe(false);
    for (const near of [
      "/api/seeds/uploadx",
      "/api/seeds/upload.rsc",
      "/api/seeds/upload%2F..",
      "/api/seeds/upload;x",
      "/api/seeds/upload/x",
      "/favicon.icox",
      "/favicon.svg.map",
      "/faviconXico",
      "/_next/imagex",
      "/_next/staticx",
    ])
      expect(proxied(near), near).toBe(true);
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
