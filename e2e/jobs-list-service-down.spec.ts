import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";

import { E2E_DEV, E2E_DIST_DIR } from "./env";
import { JobsListPage } from "./pages/jobs-list";

/**
 * The list when the Clean Rooms ML service is down. Stopping the run's shared
 * service would break the other specs, so this spec brings its own pair: a
 * local service on a free port and a second dashboard process pointed at it
 * (`next start` on the build the run already made; `next dev` with a build
 * folder of its own under E2E_DEV=1). It stops and restarts only its own
 * service, and ends both processes when done.
 */

const dev = E2E_DEV;
const distDir = E2E_DIST_DIR;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline)
      throw new Error(`Nothing answered at ${url} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
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

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

let servicePort: number;
let appPort: number;
let dataDir: string;
let service: ChildProcess | undefined;
let app: ChildProcess | undefined;

async function startService() {
  service = start("npx", ["tsx", "emulator/main.ts"], {
    EMULATOR_PORT: String(servicePort),
    EMULATOR_DATA_DIR: dataDir,
    EMULATOR_TIME_SCALE: "20",
  });
  await waitForHttp(`http://127.0.0.1:${servicePort}/configured-audience-model`, 60_000);
}

test.describe("the list when the service is down", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    servicePort = await freePort();
    appPort = await freePort();
    dataDir = `.data/e2e-list-down-${servicePort}`;
    rmSync(dataDir, { recursive: true, force: true });
    await startService();
    app = start(
      "npx",
      dev
        ? ["next", "dev", "-p", String(appPort), "-H", "127.0.0.1"]
        : ["next", "start", "-p", String(appPort), "-H", "127.0.0.1"],
      {
        NEXT_DIST_DIR: dev ? `${distDir}-down` : distDir,
        CLEANROOMS_ML_ENDPOINT: `http://127.0.0.1:${servicePort}`,
        AWS_REGION: "us-east-1",
      },
    );
    await waitForHttp(`http://127.0.0.1:${appPort}/api/health`, 180_000);
    // Under E2E_DEV each route compiles on its first request: do that now, not while the test waits.
    for (const path of ["/", "/api/jobs", "/api/models"])
      await waitForHttp(`http://127.0.0.1:${appPort}${path}`, 180_000);
  });

  test.afterAll(async () => {
    await stop(app);
    await stop(service);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("with the service stopped the list says so with “Try again”, and recovers once it is back", async ({
    page,
  }) => {
    const list = new JobsListPage(page);
    const home = `http://127.0.0.1:${appPort}/`;

    await page.goto(home);
    await expect(list.table).toBeVisible({ timeout: 60_000 });

    await stop(service);
    await page.goto(home);
    await expect(page).toHaveURL(home);
    await expect(list.heading).toBeVisible();
    await expect(list.error).toBeVisible();
    await expect(list.error).toContainText(/did not answer|could not reach/i);
    await expect(list.error).toContainText(/running/);
    await expect(page.getByRole("link", { name: "New job" }).first()).toBeVisible();

    // Still down: "Try again" answers with the error again, not a blank page.
    await list.tryAgain.click();
    await expect(list.error).toBeVisible();
    await expect(list.tryAgain).toBeEnabled({ timeout: 30_000 });

    await startService();
    await list.tryAgain.click();
    await expect(list.table).toBeVisible({ timeout: 30_000 });
    await expect(list.error).toHaveCount(0);
    await expect(list.rows().first()).toBeVisible();
  });
});
