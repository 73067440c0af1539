/**
 * Where an end-to-end run lives: one place read by playwright.config.ts and by
 * the specs that start processes or call the local service themselves.
 * E2E_PORT, E2E_EMULATOR_PORT and E2E_DIST_DIR move a run so two never collide.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4751);
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
/** The build folder; `.next` by default, so `npm start` can reuse the build `npm test` made. */
export const E2E_DIST_DIR = process.env.E2E_DIST_DIR ?? ".next";
/** E2E_DEV=1 runs `next dev` instead of the production build, for quick iteration. */
export const E2E_DEV = process.env.E2E_DEV === "1";

/**
 * The fault-injection project (`chromium-faults` in playwright.config.ts): a
 * local service of its own that throttles, fails and answers late, and a
 * dashboard of its own pointed at it, on ports derived from the run's.
 */
export const E2E_FAULTS_PORT = E2E_PORT + 3000;
export const E2E_FAULTS_EMULATOR_PORT = E2E_EMULATOR_PORT + 2000;
/** The faults the main journey must ride out without showing the person an error. */
export const E2E_FAULTS_ENV = {
  EMULATOR_THROTTLE_RATE: "0.3",
  EMULATOR_ERROR_RATE: "0.05",
  EMULATOR_LATENCY_MS: "150",
} as const;
