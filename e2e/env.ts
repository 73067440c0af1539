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
