import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";

import { freePort, stopProcessGroup as stop, waitForHttp } from "../test/processes";
import { E2E_DEV, E2E_DIST_DIR, E2E_EMULATOR_URL } from "./env";

/**
 * A local service and a dashboard of a spec's own, for states the run's shared
 * service must not be put in (stopped, or holding no jobs at all): the
 * service on a free port and a second dashboard process pointed at it
 * (`next start` on the build the run already made; `next dev` with a build
 * folder of its own under E2E_DEV=1).
 */
export interface OwnStack {
  appUrl: string;
  startService(): Promise<void>;
  stopService(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a command in its own process group, so stopping it stops its children (npx → tsx/next → node). */
function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    detached: true,
    stdio: "ignore",
  });
  child.unref();
  return child;
}

export async function startOwnStack(serviceEnv: Record<string, string> = {}): Promise<OwnStack> {
  const servicePort = await freePort();
  const appPort = await freePort();
  const dataDir = `.data/e2e-own-${servicePort}`;
  rmSync(dataDir, { recursive: true, force: true });
  let service: ChildProcess | undefined;

  const startService = async () => {
    service = start("npx", ["tsx", "emulator/main.ts"], {
      EMULATOR_PORT: String(servicePort),
      EMULATOR_DATA_DIR: dataDir,
      EMULATOR_TIME_SCALE: "20",
      ...serviceEnv,
    });
    await waitForHttp(`http://127.0.0.1:${servicePort}/configured-audience-model`, 60_000);
  };

  await startService();
  const app = start(
    "npx",
    ["next", E2E_DEV ? "dev" : "start", "-p", String(appPort), "-H", "127.0.0.1"],
    {
      NEXT_DIST_DIR: E2E_DEV ? `${E2E_DIST_DIR}-own` : E2E_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      CLEANROOMS_ML_ENDPOINT: `http://127.0.0.1:${servicePort}`,
      AWS_REGION: "us-east-1",
    },
  );
  const appUrl = `http://127.0.0.1:${appPort}`;
  await waitForHttp(`${appUrl}/api/health`, 180_000);
  // Under E2E_DEV each route compiles on its first request: do that now, not while a test waits.
  for (const path of ["/", "/api/jobs", "/api/models"])
    await waitForHttp(`${appUrl}${path}`, 180_000);

  return {
    appUrl,
    startService,
    stopService: () => stop(service),
    stop: async () => {
      await stop(app);
      await stop(service);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A second dashboard on the run's shared local service, acting as another of
 * its accounts (LOCAL_SERVICE_ACCOUNT, as `npm run start:partner` starts it):
 * the publisher's view of the same jobs.
 */
export async function startAccountDashboard(
  account: string,
): Promise<{ appUrl: string; stop(): Promise<void> }> {
  const appPort = await freePort();
  const app = start(
    "npx",
    ["next", E2E_DEV ? "dev" : "start", "-p", String(appPort), "-H", "127.0.0.1"],
    {
      NEXT_DIST_DIR: E2E_DEV ? `${E2E_DIST_DIR}-account` : E2E_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      CLEANROOMS_ML_ENDPOINT: E2E_EMULATOR_URL,
      AWS_REGION: "us-east-1",
      LOCAL_SERVICE_ACCOUNT: account,
    },
  );
  const appUrl = `http://127.0.0.1:${appPort}`;
  await waitForHttp(`${appUrl}/api/health`, 180_000);
  for (const path of ["/", "/api/jobs", "/api/models"])
    await waitForHttp(`${appUrl}${path}`, 180_000);
  return { appUrl, stop: () => stop(app) };
}
