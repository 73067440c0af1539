// Run: npx tsx bench/list-first-rows.ts [--jobs=5000] [--runs=20] [--build] [--fresh]
//
// Time to the jobs list's first rows with thousands of jobs in the local
// service. Starts its own local service (a data folder kept under
// .data/bench-list-<jobs> so the jobs are inserted once, through the API, and
// reused by later runs; --fresh starts over) and the production dashboard
// against it (`next start` on a build in .next-e2e-bench-list, built when
// missing or with --build), both on free loopback ports, then measures:
//
//   1. HTTP: GET / until the streamed HTML holds the first job row (and the
//      newest job's name), as a browser without JavaScript would see it;
//   2. Browser: Chromium navigates to / until the first row is visible;
//   3. "Load more": GET /api/jobs?nextToken=… for the following pages.
//
// Prints figures; it is not a test. Every process it starts, it stops.
import { spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

import { chromiumLaunchOptions } from "../test/chromium";
import { freePort, startProcessGroup, stopProcessGroup, waitForHttp } from "../test/processes";
import {
  insertMissingJobs,
  localServiceClient,
  MANY_JOBS_SERVICE_ENV,
  manyJobsDataDir,
} from "./many-jobs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "true"] as const;
  }),
);
const JOBS = Number(args.get("jobs") ?? 5000);
const RUNS = Number(args.get("runs") ?? 20);
const distDir = ".next-e2e-bench-list"; // matches the .next-e2e*/ ignore rule
const dataDir = manyJobsDataDir(root, JOBS);
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const children: ChildProcess[] = [];
function start(command: string, commandArgs: string[], env: Record<string, string>): ChildProcess {
  const child = startProcessGroup(command, commandArgs, { cwd: root, env });
  children.push(child);
  return child;
}
async function stopAll() {
  await Promise.all(children.map(stopProcessGroup));
}
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const stats = (xs: number[]) =>
  `median ${ms(median(xs))}, p95 ${ms(p95(xs))}, min ${ms(Math.min(...xs))}`;

/** GET / and read the stream: when the first job row, the newest job's name and the end arrive. */
async function timeHtml(url: string, newestName: string) {
  const t0 = performance.now();
  const response = await fetch(url, { headers: { accept: "text/html" } });
  const ttfb = performance.now() - t0;
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let html = "";
  let firstRow: number | undefined;
  let newest: number | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    html += decoder.decode(value, { stream: true });
    const now = performance.now() - t0;
    if (firstRow === undefined && html.includes("<tr data-job-arn=")) firstRow = now;
    if (newest === undefined && html.includes(`>${newestName}</a>`)) newest = now;
  }
  const total = performance.now() - t0;
  if (firstRow === undefined || newest === undefined)
    throw new Error(`The HTML of / has no row for ${newestName}`);
  return { ttfb, firstRow, newest, total, bytes: html.length };
}

async function main() {
  const servicePort = await freePort();
  const appPort = await freePort();
  const serviceUrl = `http://127.0.0.1:${servicePort}`;
  const appUrl = `http://127.0.0.1:${appPort}`;

  if (args.has("fresh")) spawnSync("rm", ["-rf", dataDir]);
  start(bin("tsx"), ["emulator/main.ts"], {
    EMULATOR_PORT: String(servicePort),
    EMULATOR_DATA_DIR: dataDir,
    ...MANY_JOBS_SERVICE_ENV,
  });
  await waitForHttp(`${serviceUrl}/configured-audience-model`, 120_000);
  const { total, newestName } = await insertMissingJobs(localServiceClient(serviceUrl), JOBS);

  if (args.has("build") || !existsSync(path.join(root, distDir, "BUILD_ID"))) {
    console.log(`Building the dashboard into ${distDir}…`);
    const build = spawnSync(bin("next"), ["build"], {
      cwd: root,
      env: { ...process.env, NEXT_DIST_DIR: distDir },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  start(bin("next"), ["start", "-p", String(appPort), "-H", "127.0.0.1"], {
    NEXT_DIST_DIR: distDir,
    CLEANROOMS_ML_ENDPOINT: serviceUrl,
    AWS_REGION: "us-east-1",
  });
  await waitForHttp(`${appUrl}/api/health`, 120_000);

  console.log(
    `\nJobs list, ${total.toLocaleString("en-US")} jobs in the local service, newest "${newestName}"`,
  );
  console.log(`(production build, ${RUNS} runs each after the first, on this machine)\n`);

  // 1. HTTP: the server-rendered first page.
  const cold = await timeHtml(`${appUrl}/`, newestName);
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push(await timeHtml(`${appUrl}/`, newestName));
  console.log("HTTP GET / (server-rendered first page of 100 rows)");
  console.log(
    `  first request after start: first row in the HTML at ${ms(cold.firstRow)}, whole page ${ms(cold.total)}`,
  );
  console.log(`  time to first byte:        ${stats(warm.map((r) => r.ttfb))}`);
  console.log(`  time to first row (HTML):  ${stats(warm.map((r) => r.firstRow))}`);
  console.log(`  newest job's name (HTML):  ${stats(warm.map((r) => r.newest))}`);
  console.log(
    `  whole HTML:                ${stats(warm.map((r) => r.total))}  (${(warm[0]!.bytes / 1024).toFixed(0)} KiB)`,
  );

  // 2. Browser: first row visible.
  const browser = await chromium.launch(chromiumLaunchOptions);
  const visible: number[] = [];
  const interactive: number[] = [];
  const paints: number[] = [];
  const responses: number[] = [];
  for (let i = 0; i <= Math.min(RUNS, 10); i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(`${appUrl}/`, { waitUntil: "commit" });
    await page.locator("tbody tr").first().waitFor({ state: "visible" });
    const firstRow = performance.now() - t0;
    await page.waitForLoadState("load");
    const loaded = performance.now() - t0;
    // The browser's own clock: when the HTML arrived and when it first painted (the rows are in that HTML).
    const timing = await page.evaluate(() => {
      const clock = window.performance; // not the imported node:perf_hooks one
      const navigation = clock.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const paint = clock.getEntriesByName("first-contentful-paint")[0];
      return { responseEnd: navigation.responseEnd, fcp: paint?.startTime ?? Number.NaN };
    });
    if (i > 0) {
      visible.push(firstRow);
      interactive.push(loaded);
      paints.push(timing.fcp);
      responses.push(timing.responseEnd);
    }
    await context.close();
  }
  await browser.close();
  console.log("\nChromium (1280×800), navigation start →");
  console.log(`  HTML received:             ${stats(responses)}  (browser's clock)`);
  console.log(`  first paint, rows in it:   ${stats(paints)}  (first-contentful-paint)`);
  console.log(
    `  first row seen by the test:${stats(visible).padStart(0)}  (Playwright's clock, polling included)`,
  );
  console.log(`  load event (scripts in):   ${stats(interactive)}`);

  // 3. "Load more": the following pages, one call each.
  const pageTimes: number[] = [];
  let token: string | undefined;
  {
    const first = (await (await fetch(`${appUrl}/api/jobs`)).json()) as { nextToken?: string };
    token = first.nextToken;
  }
  while (token && pageTimes.length < 20) {
    const t0 = performance.now();
    const response = await fetch(`${appUrl}/api/jobs?nextToken=${encodeURIComponent(token)}`);
    const body = (await response.json()) as { nextToken?: string };
    pageTimes.push(performance.now() - t0);
    token = body.nextToken;
  }
  console.log(
    `\n"Load more" (GET /api/jobs?nextToken=…, 100 jobs a page, ${pageTimes.length} pages)`,
  );
  console.log(`  per page:                  ${stats(pageTimes)}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void stopAll());
