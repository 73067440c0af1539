#!/usr/bin/env node
/**
 * `npm start`: the local Clean Rooms ML service and the dashboard together,
 * the dashboard pointed at the service. Builds the dashboard first when the
 * build is missing or older than the sources.
 *
 *   npm start              production build on http://localhost:3000 + local service on :4750
 *   npm run dev            the same with `next dev` (hot reload)
 *   npm run start:aws      the dashboard alone, against AWS (AWS_REGION + the standard credential chain)
 *   npm run start:partner  the publisher's view (Example Streaming, account 444455556666) on
 *                          http://localhost:3001, against the local service already running for
 *                          `npm start` (or one it starts); LOCAL_SERVICE_ACCOUNT picks another account
 *
 * PORT / HOST move the dashboard; EMULATOR_* settings pass through to the service.
 * If the local service stops, the dashboard stays up and shows the outage
 * while the service is started again (scripts/supervise.mjs).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { supervise } from "./supervise.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const aws = args.has("--aws");
const partner = args.has("--partner");
// The demo's publisher (emulator/identity.ts); any 12-digit account of the local service will do.
const PARTNER_ACCOUNT = "444455556666";
const port = process.env.PORT ?? (partner ? "3001" : "3000");
const hostname = process.env.HOST ?? "127.0.0.1";
const emulatorPort = process.env.EMULATOR_PORT ?? "4750";
// The network may be closed; the dashboard has nothing to report anywhere.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "package-lock.json",
  "tailwind.config.ts",
  "postcss.config.mjs",
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function buildIsCurrent() {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(root, source)) <= built);
}

const children = [];
const supervised = [];
function stopAll(code) {
  for (const service of supervised) service.stop();
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exitCode = code;
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

function run(name, command, commandArgs, env) {
  const child = spawn(command, commandArgs, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (process.exitCode === undefined) {
      console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
      stopAll(code ?? 1);
    }
  });
  return child;
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`Nothing answered at ${url} within ${timeoutMs / 1000} s`);
}

// The dashboard decides whether it may run without sign-in from where it listens (see "Deploying for a team" in README.md).
const dashboardEnv = { DASHBOARD_BIND_HOST: hostname };
async function answers(url) {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

if (!aws) {
  const serviceUrl = `http://127.0.0.1:${emulatorPort}/configured-audience-model`;
  // The partner's view shares the service `npm start` runs: the same jobs, seen from the other account.
  if (!(partner && (await answers(serviceUrl)))) {
    // Kept running: if it stops, the dashboard stays up (its pages say the service can't be
    // reached) and the service is started again, or, after repeated failures, the console says how.
    supervised.push(
      supervise({
        name: "The local Clean Rooms ML service",
        start: () =>
          spawn(bin("tsx"), ["emulator/main.ts"], {
            cwd: root,
            stdio: "inherit",
            env: { ...process.env, EMULATOR_PORT: emulatorPort },
          }),
        onGiveUp: () =>
          console.error(
            `Start it by hand in another terminal with: EMULATOR_PORT=${emulatorPort} npx tsx emulator/main.ts (the dashboard keeps running).`,
          ),
      }),
    );
  }
  await waitForHttp(serviceUrl, 60_000);
  if (partner)
    dashboardEnv.LOCAL_SERVICE_ACCOUNT = process.env.LOCAL_SERVICE_ACCOUNT || PARTNER_ACCOUNT;
  dashboardEnv.CLEANROOMS_ML_ENDPOINT = `http://127.0.0.1:${emulatorPort}`;
  dashboardEnv.AWS_REGION = process.env.AWS_REGION || "us-east-1";
  // The local service's demo seed bucket, so the seed browser and upload work out of the box.
  dashboardEnv.SEED_BUCKETS = process.env.SEED_BUCKETS || "demo-seeds";
}

if (!dev && !buildIsCurrent()) {
  console.log("Building the dashboard (first start, or sources changed)…");
  const build = spawnSync(bin("next"), ["build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    stopAll(build.status ?? 1);
    process.exit(build.status ?? 1);
  }
}

run(
  "The dashboard",
  bin("next"),
  [dev ? "dev" : "start", "-p", port, "-H", hostname],
  dashboardEnv,
);
await waitForHttp(`http://${hostname}:${port}/api/health`, 120_000).catch(() => {});
if (process.exitCode === undefined) {
  console.log(
    `\nDashboard ready: http://localhost:${port}${aws ? "" : `  (local Clean Rooms ML service on :${emulatorPort}${partner ? `, as account ${dashboardEnv.LOCAL_SERVICE_ACCOUNT}` : ""})`}\n`,
  );
}
