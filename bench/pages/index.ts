// Run: npm run bench:pages [-- --runs=7] [--no-build] [--jobs=5000] [--no-interactions]
//
// How heavy and how quick the dashboard's pages are, next to two Next.js
// apps of the same version that are built and served the same way:
//
//   - the empty app (bench/pages/empty-app: one static page), the yardstick
//     of JavaScript: what the framework alone sends;
//   - the floor app (bench/pages/floor-app: a page rendered per request with
//     our nonce Content-Security-Policy and Cross-Origin-Opener-Policy, a
//     TanStack Query provider and a 25-row Tailwind table), the yardstick of
//     paint: what any page with our security headers costs.
//
// Builds the three (the dashboard into .next, as `npm start` and `npm test`
// do; --no-build reuses what is there) and starts them, the dashboard on a
// local service with its demo data, on free loopback ports. Then:
//
// 1. Loads. Each page `runs` times (after one warm-up load) in Debian's
//    Chromium, each load in a fresh browser context (an empty cache), the
//    pages taking turns so the machine's load falls on all of them alike.
//    Per page, the medians of: JS on the wire (every script's transferSize
//    from Resource Timing: compressed, headers included), requests (the
//    document and every resource) and how many were not scripts, TTFB (the
//    HTML's first byte), FCP with and without JavaScript, and LCP. Everything
//    is read from the page's own Performance Timeline, so nothing attaches
//    to the page across the process swap the opener policy causes.
// 2. Interactions. A dashboard on a local service holding `jobs` more jobs
//    (inserted once into .data/bench-list-<jobs>, as bench/list-first-rows.ts
//    does), all loaded into the list; then, typing and clicking as a person
//    does: typing into the list's search, ticking rows for comparison,
//    typing the new job's name and description, switching the seed source,
//    choosing a size on a job's chart. Prints the Event Timing durations
//    (PerformanceObserver "event" entries of 16 ms or more, what INP is made
//    of) of each.
//
// Then PASS/FAIL against the budgets of ./budgets.ts (README, "Page
// weight"). It is a benchmark, not a test: it exits 1 when a budget fails so
// a script can notice. Every process it starts, it stops.
import { spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "@playwright/test";

import { JobFormPage } from "../../e2e/pages/job-form";
import { JobPage } from "../../e2e/pages/job-page";
import { JobsListPage } from "../../e2e/pages/jobs-list";
import { DEMO_JOB_ARNS } from "../../emulator/demo/catalog";
import { jobPath } from "../../lib/job-url";
import { chromiumLaunchOptions } from "../../test/chromium";
import { freePort, startProcessGroup, stopProcessGroup, waitForHttp } from "../../test/processes";
import {
  insertMissingJobs,
  localServiceClient,
  MANY_JOBS_SERVICE_ENV,
  manyJobsDataDir,
} from "../many-jobs";
import { INTERACTION_BUDGETS, PAGE_BUDGETS } from "./budgets";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "true"] as const;
  }),
);
const RUNS = Number(args.get("runs") ?? 7);
const JOBS = Number(args.get("jobs") ?? 5000);
const BUILD = !args.has("no-build");
const INTERACTIONS = !args.has("no-interactions");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

// ---------------------------------------------------------------------------
// The two yardstick apps, built outside the repository: inside it, Next.js
// would take the dashboard's proxy.ts and instrumentation.ts too. One folder
// per checkout, so benchmarks of two worktrees never build over each other.

interface Fixture {
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
const EMPTY = fixture("empty app", "empty-app");
const FLOOR = fixture("floor app", "floor-app", ["lib/auth/security-headers.ts"]);

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
// Processes.

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
async function stopAll() {
  const stopping = children;
  children = [];
  await Promise.all(stopping.map(stopProcessGroup));
}
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

/** A local service on `dataDir` and the production dashboard against it; resolves with the dashboard's URL. */
async function startDashboard(dataDir: string, serviceEnv: Record<string, string> = {}) {
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
async function startFixture({ dir }: Fixture) {
  const port = await freePort();
  start(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {}, dir);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/`, 60_000);
  return url;
}

// ---------------------------------------------------------------------------
// 1. Loads.

interface Load {
  jsBytes: number;
  requests: number;
  otherRequests: number;
  ttfb: number;
  fcp: number;
  lcp: number;
}

/** One load of `url` in a fresh context (an empty cache), until the network is idle; read from the page's timeline. */
async function load(browser: Browser, url: string, javaScript: boolean): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    javaScriptEnabled: javaScript,
  });
  await context.addInitScript(() => {
    // Room for every resource of a load (the default keeps 250).
    performance.setResourceTimingBufferSize(1000);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        (window as { benchLcp?: number }).benchLcp = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  const page = await context.newPage();
  let inFlight = 0;
  page.on("request", () => inFlight++);
  page.on("requestfinished", () => inFlight--);
  page.on("requestfailed", () => inFlight--);
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  await page.waitForLoadState("networkidle");
  if (javaScript) await settle(page, () => inFlight);
  // The browser's own clock and counts. With JavaScript disabled no timer or observer callback runs,
  // so only what can be read at once is read: FCP from the timeline, LCP from the observer set up
  // before load. A script is a resource a <script> (or a preload of one) fetched; its bytes are what
  // came over the wire (transferSize), or the body alone when the browser does not say.
  const figures = await page.evaluate(() => {
    const timeline = window.performance;
    const resources = timeline.getEntriesByType("resource") as PerformanceResourceTiming[];
    const scripts = resources.filter(
      (r) => r.initiatorType === "script" || /\.m?js$/.test(new URL(r.name).pathname),
    );
    return {
      jsBytes: scripts.reduce((sum, r) => sum + (r.transferSize || r.encodedBodySize), 0),
      requests: 1 + resources.length,
      otherRequests: 1 + resources.length - scripts.length,
      ttfb:
        (timeline.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)
          ?.responseStart ?? Number.NaN,
      fcp: timeline.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
      lcp: (window as { benchLcp?: number }).benchLcp ?? Number.NaN,
    };
  });
  await context.close();
  return figures;
}

/**
 * Waits until the page has nothing left to fetch on its own: no request in
 * flight, the main thread idle (hydration done, so the code it loads once
 * hydrated, such as the job page's chart, has been asked for) and no new
 * resource for half a second. On a busy machine hydration can end after the
 * network has been quiet for the 500 ms that "networkidle" waits.
 */
async function settle(page: Page, inFlight: () => number) {
  let seen = -1;
  for (;;) {
    await page.waitForTimeout(500);
    const count = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestIdleCallback(() => resolve(performance.getEntriesByType("resource").length)),
        ),
    );
    if (count === seen && inFlight() === 0) return;
    seen = count;
  }
}

const median = (xs: number[]) => {
  const sorted = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)]!;
};

interface PageFigures {
  name: string;
  jsBytes: number;
  requests: number;
  otherRequests: number;
  ttfb: number;
  fcp: number;
  fcpNoJs: number;
  lcp: number;
}

async function measureLoads(pages: { name: string; url: string }[]): Promise<PageFigures[]> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const withJs = new Map<string, Load[]>(pages.map((p) => [p.name, []]));
  const withoutJs = new Map<string, Load[]>(pages.map((p) => [p.name, []]));
  console.log(`Loading each page ${RUNS} times (after one warm-up load)…`);
  try {
    for (let run = 0; run <= RUNS; run++) {
      for (const { name, url } of pages) {
        const js = await load(browser, url, true);
        const noJs = await load(browser, url, false);
        if (run === 0) continue;
        withJs.get(name)!.push(js);
        withoutJs.get(name)!.push(noJs);
      }
    }
  } finally {
    await browser.close();
  }
  return pages.map(({ name }) => {
    const loads = withJs.get(name)!;
    return {
      name,
      jsBytes: median(loads.map((l) => l.jsBytes)),
      requests: median(loads.map((l) => l.requests)),
      otherRequests: median(loads.map((l) => l.otherRequests)),
      ttfb: median(loads.map((l) => l.ttfb)),
      fcp: median(loads.map((l) => l.fcp)),
      fcpNoJs: median(withoutJs.get(name)!.map((l) => l.fcp)),
      lcp: median(loads.map((l) => l.lcp)),
    };
  });
}

// ---------------------------------------------------------------------------
// 2. Interactions.

/** A person's pace: the time between two keystrokes, and after a click before the next. */
const KEY_DELAY_MS = 150;
const CLICK_PAUSE_MS = 400;

interface EventEntry {
  name: string;
  duration: number;
  interactionId: number;
}

interface Interactions {
  name: string;
  /** Keys pressed: each is an interaction, reported only when it took 16 ms or more. */
  keystrokes: number;
  /** Each reported interaction's duration (its longest event), in order. */
  durations: number[];
  /** Of those, the keystrokes'. */
  keyDurations: number[];
}

/** Collects the page's Event Timing entries of 16 ms or more (set up before any of the page's scripts). */
async function observeEvents(page: Page) {
  await page.addInitScript(() => {
    const events: EventEntry[] = [];
    (window as { benchEvents?: EventEntry[] }).benchEvents = events;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEventTiming & {
        interactionId: number;
      })[])
        events.push({
          name: entry.name,
          duration: entry.duration,
          interactionId: entry.interactionId,
        });
    }).observe({ type: "event", durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
}

/** Runs `act` and returns the interactions it caused, as Event Timing reported them. */
async function interactions(
  page: Page,
  name: string,
  keystrokes: number,
  act: () => Promise<void>,
): Promise<Interactions> {
  await page.evaluate(() => (window as { benchEvents?: EventEntry[] }).benchEvents!.splice(0));
  await act();
  // An event's entry is reported after the frame that follows it: let the last ones through.
  await page.waitForTimeout(1000);
  const events = await page.evaluate(() =>
    (window as { benchEvents?: EventEntry[] }).benchEvents!.splice(0),
  );
  const byInteraction = new Map<number, EventEntry[]>();
  for (const event of events) {
    if (event.interactionId === 0) continue; // not part of an interaction (hover, scroll)
    byInteraction.set(event.interactionId, [
      ...(byInteraction.get(event.interactionId) ?? []),
      event,
    ]);
  }
  const durations: number[] = [];
  const keyDurations: number[] = [];
  for (const group of byInteraction.values()) {
    const duration = Math.max(...group.map((e) => e.duration));
    durations.push(duration);
    if (group.some((e) => e.name.startsWith("key"))) keyDurations.push(duration);
  }
  return { name, keystrokes, durations, keyDurations };
}

async function type(page: Page, field: ReturnType<Page["getByLabel"]>, text: string) {
  await field.click();
  await page.waitForTimeout(CLICK_PAUSE_MS);
  await field.pressSequentially(text, { delay: KEY_DELAY_MS });
}

async function click(page: Page, target: ReturnType<Page["getByLabel"]>) {
  await target.click();
  await page.waitForTimeout(CLICK_PAUSE_MS);
}

async function measureInteractions(appUrl: string, jobs: number): Promise<Interactions[]> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await observeEvents(page);
  const results: Interactions[] = [];
  try {
    // The list, every job loaded: "Search all jobs" loads the pages one after another.
    const list = new JobsListPage(page);
    await page.goto(`${appUrl}/`);
    await list.heading.waitFor();
    console.log(`Loading all ${jobs.toLocaleString("en-US")} jobs into the list…`);
    await list.search.fill("Bench job");
    await page.getByRole("button", { name: "Search all jobs" }).click();
    const allLoaded = page.getByText(/^All [\d,]+ jobs are loaded\.$/);
    const started = Date.now();
    while (
      !(await allLoaded.waitFor({ timeout: 30_000 }).then(
        () => true,
        () => false,
      ))
    ) {
      if (Date.now() - started > 20 * 60_000)
        throw new Error("The list did not load every job within 20 minutes.");
      const progress = page.getByRole("status").filter({ hasText: "Searching all jobs" });
      console.log(`  ${(await progress.textContent({ timeout: 1000 }).catch(() => null)) ?? "…"}`);
    }
    await list.search.fill("");
    await list
      .rows()
      .nth(jobs - 1)
      .waitFor({ state: "attached" });

    const search = "Bench job 049";
    results.push(
      await interactions(page, "list: type into the search", search.length, () =>
        type(page, list.search, search),
      ),
    );
    await list.search.fill("");
    await list
      .rows()
      .nth(jobs - 1)
      .waitFor({ state: "attached" });
    const tick = (n: number) => page.getByRole("checkbox", { name: /^Compare / }).nth(n);
    results.push(
      await interactions(page, "list: tick 3 rows for comparison", 0, async () => {
        for (const n of [0, 1, 2]) await click(page, tick(n));
      }),
    );

    // The new-job form.
    const form = new JobFormPage(page);
    await page.goto(`${appUrl}/jobs/new`);
    await form.submit.waitFor();
    const name = "Sports fans lookalike, spring campaign 2026";
    results.push(
      await interactions(page, "new job: type the name", name.length, () =>
        type(page, form.name, name),
      ),
    );
    const description = "Lookalikes of the spring campaign's buyers, for the sports newsletter.";
    results.push(
      await interactions(page, "new job: type the description", description.length, () =>
        type(page, form.description, description),
      ),
    );
    results.push(
      await interactions(page, "new job: switch the seed source", 0, async () => {
        for (const source of ["SQL query", "Analysis template", "S3 file"])
          await click(page, form.seedSource.getByRole("radio", { name: source }));
      }),
    );

    // A job's chart: choosing a size by clicking its points.
    const job = new JobPage(page);
    await page.goto(`${appUrl}${jobPath(DEMO_JOB_ARNS.sportsFans)}`);
    const point = (n: number) => job.relevance.locator(`[data-chart-point="${n}"]`);
    await point(0).waitFor();
    results.push(
      await interactions(page, "job page: choose a size on the chart", 0, async () => {
        for (const n of [2, 0, 3]) await click(page, point(n));
      }),
    );
  } finally {
    await browser.close();
  }
  return results;
}

/** The 95th percentile of `keystrokes` keystrokes, those not reported counting as under 16 ms (0 here). */
function keystrokeP95(result: Interactions): number {
  const all = [
    ...result.keyDurations,
    ...Array<number>(Math.max(0, result.keystrokes - result.keyDurations.length)).fill(0),
  ].sort((a, b) => a - b);
  return all[Math.ceil(all.length * 0.95) - 1] ?? 0;
}

// ---------------------------------------------------------------------------

async function main() {
  if (BUILD || !existsSync(path.join(EMPTY.dir, ".next/BUILD_ID"))) {
    copyFixture(EMPTY);
    build("the empty app", EMPTY.dir);
  }
  if (BUILD || !existsSync(path.join(FLOOR.dir, ".next/BUILD_ID"))) {
    copyFixture(FLOOR);
    build("the floor app", FLOOR.dir);
  }
  if (BUILD || !existsSync(path.join(root, ".next/BUILD_ID"))) build("the dashboard", root);

  // 1. Loads, the dashboard on its demo data.
  const demoData = path.join(root, ".data", `bench-pages-${process.pid}`);
  const [emptyUrl, floorUrl, { appUrl }] = await Promise.all([
    startFixture(EMPTY),
    startFixture(FLOOR),
    startDashboard(demoData),
  ]);
  const compared = [
    DEMO_JOB_ARNS.sportsFans,
    DEMO_JOB_ARNS.randomBaseline,
    DEMO_JOB_ARNS.travelSql,
  ];
  const figures = await measureLoads([
    { name: EMPTY.name, url: `${emptyUrl}/` },
    { name: FLOOR.name, url: `${floorUrl}/` },
    { name: "jobs list", url: `${appUrl}/` },
    { name: "new job", url: `${appUrl}/jobs/new` },
    { name: "job page", url: `${appUrl}${jobPath(DEMO_JOB_ARNS.sportsFans)}` },
    {
      name: "compare",
      url: `${appUrl}/compare?jobs=${compared.map(encodeURIComponent).join(",")}`,
    },
  ]);
  await stopAll();
  rmSync(demoData, { recursive: true, force: true });

  // 2. Interactions, the dashboard on thousands of jobs.
  let interactionResults: Interactions[] = [];
  let listed = 0;
  if (INTERACTIONS) {
    const many = await startDashboard(manyJobsDataDir(root, JOBS), MANY_JOBS_SERVICE_ENV);
    listed = (await insertMissingJobs(localServiceClient(many.serviceUrl), JOBS)).total;
    interactionResults = await measureInteractions(many.appUrl, listed);
    await stopAll();
  }

  // Report.
  const empty = figures.find((f) => f.name === EMPTY.name)!;
  const floor = figures.find((f) => f.name === FLOOR.name)!;
  const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
  const msOf = (x: number) => `${x.toFixed(0)} ms`;
  const ratio = (x: number, base: number) => `${(x / base).toFixed(2)}×`;
  const verdict = (value: number, budget: number) =>
    value <= budget ? `PASS (≤ ${budget})` : `FAIL (> ${budget})`;
  const table = (rows: string[][]) => {
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
  };

  console.log(
    `\nLoads: medians of ${RUNS} each, Chromium 1280×800, fresh context; JS and FCP as ratios to the empty app, LCP to the empty and the floor app, in this run.\n`,
  );
  table([
    [
      "page",
      "JS on the wire",
      "requests (not JS)",
      "TTFB",
      "FCP",
      "FCP without JS",
      "LCP",
      "LCP × floor",
    ],
    ...figures.map((f) => [
      f.name,
      `${kib(f.jsBytes)} ${ratio(f.jsBytes, empty.jsBytes)}`,
      `${f.requests} (${f.otherRequests})`,
      msOf(f.ttfb),
      `${msOf(f.fcp)} ${ratio(f.fcp, empty.fcp)}`,
      `${msOf(f.fcpNoJs)} ${ratio(f.fcpNoJs, empty.fcpNoJs)}`,
      `${msOf(f.lcp)} ${ratio(f.lcp, empty.lcp)}`,
      ratio(f.lcp, floor.lcp),
    ]),
  ]);

  if (INTERACTIONS) {
    console.log(
      `\nInteractions: ${listed.toLocaleString("en-US")} jobs in the list; Event Timing durations of 16 ms or more, one per interaction (its longest event), in order.\n`,
    );
    table([
      ["interaction", "reported", "durations (ms)"],
      ...interactionResults.map((r) => [
        r.name,
        r.keystrokes > 0
          ? `${r.keyDurations.length} of ${r.keystrokes} keystrokes`
          : `${r.durations.length}`,
        r.durations.length > 0 ? r.durations.map((d) => d.toFixed(0)).join(" ") : "none",
      ]),
    ]);
  }

  console.log("\nBudgets");
  let failed = 0;
  const check = (subject: string, what: string, result: string) => {
    if (result.startsWith("FAIL")) failed++;
    console.log(`  ${subject.padEnd(10)} ${what.padEnd(36)} ${result}`);
  };
  for (const f of figures) {
    const budget = PAGE_BUDGETS[f.name];
    if (!budget) continue;
    check(
      f.name,
      `JS ${ratio(f.jsBytes, empty.jsBytes)} the empty app`,
      verdict(f.jsBytes / empty.jsBytes, budget.js),
    );
    check(
      f.name,
      `LCP ${ratio(f.lcp, floor.lcp)} the floor app`,
      verdict(f.lcp / floor.lcp, budget.lcp),
    );
    if (budget.otherRequests !== undefined)
      check(
        f.name,
        `requests other than scripts ${f.otherRequests}`,
        verdict(f.otherRequests, budget.otherRequests),
      );
  }
  if (INTERACTIONS) {
    const all = interactionResults.flatMap((r) => r.durations);
    const worst = all.length > 0 ? Math.max(...all) : 0;
    const keys = interactionResults.filter((r) => r.keystrokes > 0);
    const keystrokes = keys.reduce((n, r) => n + r.keystrokes, 0);
    const p95 = keystrokeP95({
      name: "every keystroke",
      keystrokes,
      durations: [],
      keyDurations: keys.flatMap((r) => r.keyDurations),
    });
    const below16 = (x: number) => (x === 0 ? "under 16 ms" : msOf(x));
    check("all", `worst interaction ${msOf(worst)}`, verdict(worst, INTERACTION_BUDGETS.worstMs));
    check(
      "keys",
      `95% of ${keystrokes} keystrokes ${below16(p95)}`,
      verdict(p95, INTERACTION_BUDGETS.keystrokeP95Ms),
    );
  }
  console.log(failed === 0 ? "\nEvery budget: PASS" : `\n${failed} budget(s): FAIL`);
  if (failed > 0) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void stopAll());
