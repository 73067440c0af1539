import { authConfig } from "./config";

/**
 * The start-up refusal (Node.js only; instrumentation.ts calls it once): exits
 * with the reason when the dashboard must not run as configured.
 */
export function checkAuthAtStartup(): void {
  try {
    const config = authConfig();
    if (config.mode === "proxy") {
      const proofs = [
        config.alb && "the load balancer's signed x-amzn-oidc-data",
        config.iap && "IAP's signed x-goog-iap-jwt-assertion",
        config.secret && `the shared secret in ${config.secret.header}`,
      ].filter(Boolean);
      console.info(
        `Sign-in: handled by the trusted proxy in front; proof: ${proofs.join(" and ") || "none (loopback address only)"}`,
      );
    } else {
      console.info(
        config.mode === "none"
          ? "Sign-in: off (local service on a loopback address)"
          : "Sign-in: OpenID Connect",
      );
    }
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
