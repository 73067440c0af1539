// The apps the page benchmark builds and serves (bench/pages/index.ts): the
// two yardsticks, built outside the repository (inside it, Next.js would take
// the dashboard's proxy.ts and instrumentation.ts too; one folder per
// checkout, so benchmarks of two worktrees never build over each other), and
// the production dashboard on a local service, on free loopback ports.
import { spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { freePort, startProcessGroup, stopProcessGroup, waitForHttp } from "../../test/processes";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

export interface Fixture {
  name: "empty app" | "floor app";
  /** The app's folder under bench/pages. */
  source: string;
  /** Where it is built. */
  dir: string;
  /** Files of the repository the app imports (by `@/…`), copied in beside it. */
  shared: string[];
}
const checkout = createHash("sha256").update(root).digest("hex").slice(0, 8);
const fixture = (name: Fixture["name"], folder: string, shared: string[] = []): Fixture => ({
  name,
  source: path.join(root, "bench/pages", folder),
  dir: path.join(tmpdir(), `cleanrooms-ml-dashboard-bench-${folder}-${checkout}`),
  shared,
});
export const EMPTY = fixture("empty app", "empty-app");
export const FLOOR = fixture("floor app", "floor-app", ["lib/auth/security-headers.ts"]);

function copyFixture({ source, dir, shared }: Fixture) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(source, dir, { recursive: true });
  for (const file of shared) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(dir, file));
  }
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
}

function build(label: string, cwd: string) {
  console.log(`Building ${label}…`);
  const t0 = Date.now();
  const result = spawnSync(bin("next"), ["build"], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error(`next build of ${label} failed`);
  console.log(`  done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

// ---------------------------------------------------------------------------
// Processes: every one started here is stopped by stopAll (and on Ctrl-C).

let children: ChildProcess[] = [];
function start(
  command: string,
  commandArgs: string[],
  env: Record<string, string>,
  cwd = root,
): ChildProcess {
  const child = startProcessGroup(command, commandArgs, {
    cwd,
    env: { NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  children.push(child);
  return child;
}
export async function stopAll() {
  const stopping = children;
  children = [];
  await Promise.all(stopping.map(stopProcessGroup));
}
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

/** A local service on `dataDir` and the production dashboard against it; resolves with the dashboard's URL. */
export async function startDashboard(dataDir: string, serviceEnv: Record<string, string> = {}) {
  const [servicePort, appPort] = [await freePort(), await freePort()];
  const serviceUrl = `http://127.0.0.1:${servicePort}`;
  const appUrl = `http://127.0.0.1:${appPort}`;
  start(bin("tsx"), ["emulator/main.ts"], {
    EMULATOR_PORT: String(servicePort),
    EMULATOR_DATA_DIR: dataDir,
    ...serviceEnv,
  });
  await waitForHttp(`${serviceUrl}/configured-audience-model`, 120_000);
  start(bin("next"), ["start", "-p", String(appPort), "-H", "127.0.0.1"], {
    CLEANROOMS_ML_ENDPOINT: serviceUrl,
    AWS_REGION: "us-east-1",
    DASHBOARD_BIND_HOST: "127.0.0.1",
  });
  await waitForHttp(`${appUrl}/api/health`, 120_000);
  return { appUrl, serviceUrl };
}

/** `next start` of a yardstick app; resolves with its URL. */
export async function startFixture({ dir }: Fixture) {
  const port = await freePort();
  start(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {}, dir);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/`, 60_000);
  return url;
}

/** Builds what `rebuild` asks for, and whatever has no build yet: the two yardsticks and the dashboard (into .next). */
export function buildAll(rebuild: boolean) {
  for (const app of [EMPTY, FLOOR]) {
    if (!rebuild && existsSync(path.join(app.dir, ".next/BUILD_ID"))) continue;
    copyFixture(app);
    build(`the ${app.name}`, app.dir);
  }
  if (rebuild || !existsSync(path.join(root, ".next/BUILD_ID"))) build("the dashboard", root);
}
