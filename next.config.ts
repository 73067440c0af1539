import type { NextConfig } from "next";

import {
  securityHeaders,
  STATIC_CONTENT_SECURITY_POLICY,
  STRICT_TRANSPORT_SECURITY,
  UNPROXIED_PATHS,
} from "./lib/auth/security-headers";

// The headers of lib/auth/security-headers.ts, on the paths proxy.ts does not see (it sets them everywhere else).
const staticFileHeaders = Object.entries(securityHeaders(STATIC_CONTENT_SECURITY_POLICY)).map(
  ([key, value]) => ({ key, value }),
);
const hsts = { key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY };
const overHttps = [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets end-to-end runs build into a folder of their own (NEXT_DIST_DIR) beside a developer's .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // better-sqlite3 belongs to the local service only; keep it out of any bundle.
  serverExternalPackages: ["better-sqlite3"],
  // `npm run typecheck` (part of `npm test`) checks every file; a second pass in each build only slows it.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Fewer, larger first-load chunks: most visits open one page (a shared job link), and each
    // script is a request with its own headers. Turbopack's default (50 KB) split the jobs list
    // into 11 scripts; this makes 7, and 2.5 KiB less compressed code (README, "Page weight").
    // Code loaded on use (next/dynamic, import()) stays in its own chunks.
    turbopackChunking: { minChunkSize: 300_000 },
    // Next 16.4 writes Turbopack's cache after every production build (16 to 34 s measured on a two-core
    // machine) for the next build to reuse; a clean clone (CI, a first `npm start`) never reuses it.
    turbopackFileSystemCacheForBuild: false,
  },
  async headers() {
    return [
      ...UNPROXIED_PATHS.map((source) => ({ source, headers: staticFileHeaders })),
      ...UNPROXIED_PATHS.map((source) => ({ source, has: overHttps, headers: [hsts] })),
    ];
  },
};

export default nextConfig;
