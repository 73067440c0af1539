// The same values as lib/auth/security-headers.ts (Proxy sets them, with the page's nonce, on everything else).
const staticSecurityHeaders = [
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
];
const hsts = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };
const overHttps = [{ type: "header", key: "x-forwarded-proto", value: "https" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets end-to-end runs build into a folder of their own (NEXT_DIST_DIR) beside a developer's .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // better-sqlite3 belongs to the local service only; keep it out of any bundle.
  serverExternalPackages: ["better-sqlite3"],
  // `npm run typecheck` (part of `npm test`) checks every file; a second pass in each build only slows it.
  typescript: { ignoreBuildErrors: true },
  // Security headers on the files proxy.ts does not see (its matcher leaves them out).
  async headers() {
    const sources = ["/_next/static/:path*", "/_next/image", "/favicon.ico"];
    return [
      ...sources.map((source) => ({ source, headers: staticSecurityHeaders })),
      ...sources.map((source) => ({ source, has: overHttps, headers: [hsts] })),
    ];
  },
};

export default nextConfig;
