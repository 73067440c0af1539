/**
 * Where the sign-in end-to-end setup runs and what it is given, shared by
 * playwright.config.ts and the specs (both read the same E2E_* variables).
 *
 * Besides the default app (no sign-in, E2E_PORT), a run starts the test
 * OpenID Connect provider (E2E_OIDC_PORT, default emulator port + 1000) and a
 * second `next start` of the same build with sign-in on (E2E_AUTH_PORT,
 * default E2E_PORT + 1000).
 */
import { OIDC_CLIENT_ID } from "./users";

const port = Number(process.env.E2E_PORT ?? 3100);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 4751);
export const AUTH_APP_PORT = Number(process.env.E2E_AUTH_PORT ?? port + 1000);
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? emulatorPort + 1000);
/** Ports for servers a spec starts itself (start-up refusal, trusted proxy). */
export const SPARE_PORTS = [port + 2000, port + 2001] as const;

export const AUTH_APP_URL = `http://127.0.0.1:${AUTH_APP_PORT}`;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_NAME = "Test IdP";
export const ALLOWED_EMAIL_DOMAIN = "example.com";
export const ALLOWED_GROUP = "marketing";

/**
 * Marker values for every secret the server holds. The build and both apps
 * run with them; the leak spec searches the browser bundle and the responses
 * for them. The session secret is long enough to be a real one.
 */
export const LEAK_MARKERS = {
  AWS_ACCESS_KEY_ID: "LEAKMARKERAWSKEYIDQ7X2",
  AWS_SECRET_ACCESS_KEY: "LEAKMARKER_AWS_SECRET_d81f0c2a9b",
  AWS_SESSION_TOKEN: "LEAKMARKER_AWS_SESSION_5e6a7b8c",
  AUTH_OIDC_CLIENT_SECRET: "LEAKMARKER_OIDC_SECRET_3c4d5e6f7a8b",
  AUTH_SECRET: "LEAKMARKER_SESSION_SECRET_0a1b2c3d4e5f60718293a4b5c6d7e8f9",
} as const;

/** The AWS markers: harmless for the local service, which takes any credentials. */
export const AWS_MARKER_ENV = {
  AWS_ACCESS_KEY_ID: LEAK_MARKERS.AWS_ACCESS_KEY_ID,
  AWS_SECRET_ACCESS_KEY: LEAK_MARKERS.AWS_SECRET_ACCESS_KEY,
  AWS_SESSION_TOKEN: LEAK_MARKERS.AWS_SESSION_TOKEN,
};

/** The sign-in app's settings (besides the service's). */
export const AUTH_APP_ENV = {
  ...AWS_MARKER_ENV,
  AUTH_OIDC_ISSUER: OIDC_ISSUER,
  AUTH_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
  AUTH_OIDC_CLIENT_SECRET: LEAK_MARKERS.AUTH_OIDC_CLIENT_SECRET,
  AUTH_OIDC_NAME: OIDC_NAME,
  AUTH_OIDC_SCOPE: "openid email profile groups",
  AUTH_SECRET: LEAK_MARKERS.AUTH_SECRET,
  AUTH_URL: AUTH_APP_URL,
  AUTH_ALLOWED_EMAIL_DOMAINS: ALLOWED_EMAIL_DOMAIN,
  AUTH_ALLOWED_GROUPS: ALLOWED_GROUP,
  DASHBOARD_BIND_HOST: "127.0.0.1",
};

/** The test provider's settings. */
export const OIDC_PROVIDER_ENV = {
  OIDC_PORT: String(OIDC_PORT),
  OIDC_CLIENT_SECRET: LEAK_MARKERS.AUTH_OIDC_CLIENT_SECRET,
  OIDC_REDIRECT_URIS: `${AUTH_APP_URL}/api/auth/callback/oidc`,
};
