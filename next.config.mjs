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
};

export default nextConfig;
