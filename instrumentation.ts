/**
 * Runs once when the server starts, before it answers anything: the
 * dashboard refuses to start when nobody would have to sign in although it is
 * pointed at AWS or reachable from other machines (see lib/auth/config.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkAuthAtStartup } = await import("@/lib/auth/startup-check");
    checkAuthAtStartup();
    const { checkSeedBucketsAtStartup } = await import("@/lib/seeds/startup-check");
    checkSeedBucketsAtStartup();
    // A wrong CRPU_HOUR_PRICE_USD stops the start with a message naming it, not a page later.
    const { crpuPrice } = await import("@/lib/config");
    crpuPrice();
  }
}
