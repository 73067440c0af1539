// Built like the empty app (see its next.config.mjs): a copy outside the
// repository, the repository's node_modules linked in, Turbopack's root at the
// filesystem's root. The repository's `npm run typecheck` checks this app's
// TypeScript, so its build does not check it again (as the dashboard's).
/** @type {import('next').NextConfig} */
const nextConfig = { turbopack: { root: "/" }, typescript: { ignoreBuildErrors: true } };

export default nextConfig;
