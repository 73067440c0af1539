/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 belongs to the local service only; keep it out of any bundle.
  serverExternalPackages: ["better-sqlite3"],
};

export default nextConfig;
