import { defineConfig, devices } from "@playwright/test";

import {
  E2E_DEV,
  E2E_DIST_DIR,
  E2E_EMULATOR_PORT,
  E2E_EMULATOR_URL,
  E2E_FAULTS_EMULATOR_PORT,
  E2E_FAULTS_ENV,
  E2E_FAULTS_PORT,
  E2E_PORT,
} from "./e2e/env";
import {
  AUTH_APP_ENV,
  AUTH_APP_PORT,
  AUTH_APP_URL,
  AWS_MARKER_ENV,
  LEAK_MARKERS,
  OIDC_ISSUER,
  OIDC_PROVIDER_ENV,
} from "./e2e/oidc/settings";
import { chromiumLaunchOptions } from "./test/chromium";

/**
 * End-to-end runs drive the production build (`next build` + `next start`)
 * against a fresh local service with fast jobs. Set E2E_DEV=1 to use
 * `next dev` while iterating. Ports and the build folder can be moved with
 * E2E_PORT, E2E_EMULATOR_PORT and E2E_DIST_DIR so two runs never collide.
 *
 * The sign-in specs (e2e/auth*) use a test OpenID Connect provider and a
 * second start of the same build with sign-in on (ports in e2e/oidc/settings.ts);
 * every other spec uses the default app, without sign-in.
 *
 * The `chromium-faults` project runs the main journey (e2e/*.faults.spec.ts)
 * against a third start of the build, pointed at a local service of its own
 * that throttles 30% of calls, fails 5% with a 500 and answers 150 ms late
 * (ports and settings in e2e/env.ts): the journey must complete with no error
 * shown that the person did not cause.
 */
const port = E2E_PORT;
const emulatorPort = E2E_EMULATOR_PORT;
const distDir = E2E_DIST_DIR;
const dataDir = `.data/e2e-${emulatorPort}`;
const emulatorUrl = E2E_EMULATOR_URL;
const dev = E2E_DEV;
// Dashboards the specs start themselves (e2e/own-stack.ts) listen on 127.0.0.1 too; `next dev` does not
// pass its -H on to the process that serves, so say it here for the no-sign-in check (lib/auth/config.ts).
process.env.DASHBOARD_BIND_HOST ??= "127.0.0.1";
// The build runs with marker values in every secret (e2e/security-secrets.spec.ts looks for them in its output).
const buildSecrets = `AUTH_OIDC_CLIENT_SECRET=${LEAK_MARKERS.AUTH_OIDC_CLIENT_SECRET} AUTH_SECRET=${LEAK_MARKERS.AUTH_SECRET}`;

export default defineConfig({
  testDir: "./e2e",
  // Runs on other ports (see above) keep their artefacts apart.
  outputDir: `./test-results/e2e${process.env.E2E_PORT ? `-${port}` : ""}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: `test-results/e2e${process.env.E2E_PORT ? `-${port}` : ""}.json` }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: /\.faults\.spec\.ts$/,
    },
    {
      name: "chromium-faults",
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${E2E_FAULTS_PORT}` },
      testMatch: /\.faults\.spec\.ts$/,
    },
  ],
  webServer: [
    {
      // A fresh data folder each run, so the demo data is exactly what a first start creates.
      command: `rm -rf ${dataDir} && npx tsx emulator/main.ts`,
      url: `${emulatorUrl}/configured-audience-model`,
      env: {
        EMULATOR_PORT: String(emulatorPort),
        EMULATOR_DATA_DIR: dataDir,
        EMULATOR_TIME_SCALE: process.env.E2E_TIME_SCALE ?? "20",
        // The paging spec starts over a hundred jobs at once, faster than one worker computes them.
        EMULATOR_COMPUTE_QUEUE_MAX: "1000",
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
    },
    {
      command: dev
        ? `npx next dev -p ${port} -H 127.0.0.1`
        : `env ${buildSecrets} npx next build && npx next start -p ${port} -H 127.0.0.1`,
      url: `http://127.0.0.1:${port}/api/health`,
      env: {
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: "1",
        CLEANROOMS_ML_ENDPOINT: emulatorUrl,
        AWS_REGION: "us-east-1",
        // The demo seed bucket, as `npm start` sets it (e2e/seeds.spec.ts).
        SEED_BUCKETS: "demo-seeds",
        // No sign-in: the local service on a loopback address.
        DASHBOARD_BIND_HOST: "127.0.0.1",
        ...AWS_MARKER_ENV,
      },
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
    },
    {
      // The test identity provider for the sign-in specs.
      command: "npx tsx e2e/oidc/server.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      env: OIDC_PROVIDER_ENV,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
    },
    {
      // The fault project's own local service: throttling, 500s and latency (e2e/env.ts).
      command: `rm -rf .data/e2e-${E2E_FAULTS_EMULATOR_PORT} && npx tsx emulator/main.ts`,
      url: `http://127.0.0.1:${E2E_FAULTS_EMULATOR_PORT}/_emulator/time-scale`,
      env: {
        EMULATOR_PORT: String(E2E_FAULTS_EMULATOR_PORT),
        EMULATOR_DATA_DIR: `.data/e2e-${E2E_FAULTS_EMULATOR_PORT}`,
        EMULATOR_TIME_SCALE: process.env.E2E_TIME_SCALE ?? "20",
        ...E2E_FAULTS_ENV,
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
    },
    {
      // The same build again, pointed at that service (in dev, a `next dev` needs a folder of its own).
      command: dev
        ? `npx next dev -p ${E2E_FAULTS_PORT} -H 127.0.0.1`
        : `npx next start -p ${E2E_FAULTS_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${E2E_FAULTS_PORT}/api/health`,
      env: {
        NEXT_DIST_DIR: dev ? `${distDir}-faults` : distDir,
        NEXT_TELEMETRY_DISABLED: "1",
        CLEANROOMS_ML_ENDPOINT: `http://127.0.0.1:${E2E_FAULTS_EMULATOR_PORT}`,
        AWS_REGION: "us-east-1",
        DASHBOARD_BIND_HOST: "127.0.0.1",
        ...AWS_MARKER_ENV,
      },
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
    },
    {
      // The same build again, with sign-in on (in dev, a second `next dev` needs a folder of its own).
      command: dev
        ? `npx next dev -p ${AUTH_APP_PORT} -H 127.0.0.1`
        : `npx next start -p ${AUTH_APP_PORT} -H 127.0.0.1`,
      url: `${AUTH_APP_URL}/api/health`,
      env: {
        NEXT_DIST_DIR: dev ? `${distDir}-auth` : distDir,
        NEXT_TELEMETRY_DISABLED: "1",
        CLEANROOMS_ML_ENDPOINT: emulatorUrl,
        AWS_REGION: "us-east-1",
        ...AUTH_APP_ENV,
      },
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
    },
  ],
});
