// bench/pages builds a copy of this app outside the repository (inside it,
// Next.js would also pick up the dashboard's proxy.ts and instrumentation.ts),
// with the repository's node_modules linked in; Turbopack follows that link
// only when its root holds both, hence the filesystem's root.
/** @type {import('next').NextConfig} */
const nextConfig = { turbopack: { root: "/" } };

export default nextConfig;
