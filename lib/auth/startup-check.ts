import { bindHostOf, listeningAddresses, realBindRefusal } from "./bind-address";
import { authConfig, type AuthConfig } from "./config";

/** Whether the mode's safety rests on listening on a loopback address only. */
const restsOnLoopback = (config: AuthConfig) =>
  config.mode === "none" ||
  (config.mode === "proxy" && !config.secret && !config.alb && !config.iap);

/**
 * The start-up refusal (Node.js only; instrumentation.ts calls it once, when
 * the server already listens): exits with the reason when the dashboard must
 * not run as configured, or when it was said to listen on a loopback address
 * and really listens where other machines reach it.
 */
export function checkAuthAtStartup(): void {
  try {
    const config = authConfig();
    if (restsOnLoopback(config)) {
      const refusal = realBindRefusal(bindHostOf(process.env, process.argv), listeningAddresses());
      if (refusal) throw refusal;
    }
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
