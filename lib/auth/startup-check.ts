import { authConfig } from "./config";

/**
 * The start-up refusal (Node.js only; instrumentation.ts calls it once): exits
 * with the reason when the dashboard must not run as configured.
 */
export function checkAuthAtStartup(): void {
  try {
    const { mode } = authConfig();
    console.info(
      mode === "none"
        ? "Sign-in: off (local service on a loopback address)"
        : mode === "oidc"
          ? "Sign-in: OpenID Connect"
          : "Sign-in: handled by the trusted proxy in front",
    );
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
