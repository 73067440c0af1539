// Run: npm run bench:pages [-- --runs=7] [--no-build]
//
// How heavy the dashboard's pages are next to an empty Next.js app of the
// same version (bench/pages/empty-app: one static page, no dashboard code).
// Builds both (the dashboard into .next, as `npm start` and `npm test` do;
// --no-build reuses what is there), starts the empty app, the local service
// with its demo data and the production dashboard on free loopback ports, then
// loads each page `runs` times (after one warm-up load) in Debian's Chromium,
// each load in a fresh browser context with the cache disabled, the pages
// taking turns so the machine's load falls on all of them alike. Per page it
// prints the medians of:
//
//   - JS on the wire: bytes of every script response as transferred (compressed);
//   - requests: everything the page asked for until the network was idle,
//     and how many of those were not scripts;
//   - TTFB (the HTML's first byte, from Navigation Timing): how long the server took;
//   - FCP with JavaScript, and FCP with JavaScript disabled in the browser;
//   - LCP (the largest contentful paint's start time);
//
// each also as a ratio to the empty app in the same run, and PASS/FAIL
// against the budgets below (README, "Page budgets"). It is a benchmark, not
// a test: it exits 1 when a budget fails so a script can notice. Every
// process it starts, it stops.
import { spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "@playwright/test";

import { DEMO_JOB_ARNS } from "../../emulator/demo/catalog";
import { jobPath } from "../../lib/job-url";
import { chromiumLaunchOptions } from "../../test/chromium";
import { freePort, startProcessGroup, stopProcessGroup, waitForHttp } from "../../test/processes";
import { PAGE_BUDGETS as BUDGETS } from "./budgets";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = path.join(root, "bench/pages/empty-app");
// Built outside the repository: inside it, Next.js would take the dashboard's proxy.ts and instrumentation.ts too.
// One folder per checkout, so benchmarks of two worktrees never build over each other.
const emptyApp = path.join(
  tmpdir(),
  `cleanrooms-ml-dashboard-bench-empty-app-${createHash("sha256").update(root).digest("hex").slice(0, 8)}`,
);
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "true"] as const;
  }),
);
const RUNS = Number(args.get("runs") ?? 7);
const BUILD = !args.has("no-build");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const children: ChildProcess[] = [];
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
  await Promise.all(children.map(stopProcessGroup));
}
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

function copyEmptyApp() {
  rmSync(emptyApp, { recursive: true, force: true });
  mkdirSync(emptyApp, { recursive: true });
  cpSync(path.join(fixture, "app"), path.join(emptyApp, "app"), { recursive: true });
  cpSync(path.join(fixture, "next.config.mjs"), path.join(emptyApp, "next.config.mjs"));
  symlinkSync(path.join(root, "node_modules"), path.join(emptyApp, "node_modules"));
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

interface Load {
  jsBytes: number;
  requests: number;
  otherRequests: number;
  ttfb: number;
  fcp: number;
  lcp: number;
}

/** One load of `url` in a fresh context with the cache disabled, until the network is idle. */
async function load(browser: Browser, url: string, javaScript: boolean): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    javaScriptEnabled: javaScript,
  });
  await context.addInitScript(() => {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        (window as { benchLcp?: number }).benchLcp = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const types = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on("Network.requestWillBeSent", (e) => types.set(e.requestId, e.type ?? "Other"));
  cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
  cdp.on("Network.loadingFinished", (e) => bytes.set(e.requestId, e.encodedDataLength));

  const response = await page.goto(url, { waitUntil: "load" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  await page.waitForLoadState("networkidle");
  // The browser's own clock. With JavaScript disabled no timer or observer callback runs, so only
  // what can be read at once is read: FCP from the timeline, LCP from the observer set up before load.
  const paints = await page.evaluate(() => ({
    ttfb:
      (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)
        ?.responseStart ?? Number.NaN,
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
    lcp: (window as { benchLcp?: number }).benchLcp ?? Number.NaN,
  }));
  await context.close();

  let jsBytes = 0;
  let scripts = 0;
  for (const [id, type] of types) {
    if (type !== "Script") continue;
    scripts++;
    jsBytes += bytes.get(id) ?? 0;
  }
  return { jsBytes, requests: types.size, otherRequests: types.size - scripts, ...paints };
}

const median = (xs: number[]) => {
  const sorted = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)]!;
};

async function main() {
  const [emptyPort, servicePort, appPort] = [await freePort(), await freePort(), await freePort()];
  const serviceUrl = `http://127.0.0.1:${servicePort}`;
  const appUrl = `http://127.0.0.1:${appPort}`;
  const emptyUrl = `http://127.0.0.1:${emptyPort}`;
  const dataDir = path.join(root, ".data", `bench-pages-${servicePort}`);

  if (BUILD || !existsSync(path.join(emptyApp, ".next/BUILD_ID"))) {
    copyEmptyApp();
    build("the empty app", emptyApp);
  }
  if (BUILD || !existsSync(path.join(root, ".next/BUILD_ID"))) build("the dashboard", root);

  start(bin("next"), ["start", "-p", String(emptyPort), "-H", "127.0.0.1"], {}, emptyApp);
  start(bin("tsx"), ["emulator/main.ts"], {
    EMULATOR_PORT: String(servicePort),
    EMULATOR_DATA_DIR: dataDir,
  });
  await waitForHttp(`${serviceUrl}/configured-audience-model`, 120_000);
  start(bin("next"), ["start", "-p", String(appPort), "-H", "127.0.0.1"], {
    CLEANROOMS_ML_ENDPOINT: serviceUrl,
    AWS_REGION: "us-east-1",
    DASHBOARD_BIND_HOST: "127.0.0.1",
  });
  await Promise.all([
    waitForHttp(`${emptyUrl}/`, 60_000),
    waitForHttp(`${appUrl}/api/health`, 120_000),
  ]);

  const jobs = [DEMO_JOB_ARNS.sportsFans, DEMO_JOB_ARNS.randomBaseline, DEMO_JOB_ARNS.travelSql];
  const pages: { name: string; url: string }[] = [
    { name: "empty app", url: `${emptyUrl}/` },
    { name: "jobs list", url: `${appUrl}/` },
    { name: "new job", url: `${appUrl}/jobs/new` },
    { name: "job page", url: `${appUrl}${jobPath(DEMO_JOB_ARNS.sportsFans)}` },
  ];
  const compareUrl = `${appUrl}/compare?jobs=${jobs.map(encodeURIComponent).join(",")}`;
  if ((await fetch(compareUrl)).status !== 404) pages.push({ name: "compare", url: compareUrl });

  const browser = await chromium.launch(chromiumLaunchOptions);
  const withJs = new Map<string, Load[]>(pages.map((p) => [p.name, []]));
  const withoutJs = new Map<string, Load[]>(pages.map((p) => [p.name, []]));
  console.log(`Loading each page ${RUNS} times (after one warm-up load)…`);
  for (let run = 0; run <= RUNS; run++) {
    for (const { name, url } of pages) {
      const js = await load(browser, url, true);
      const noJs = await load(browser, url, false);
      if (run === 0) continue;
      withJs.get(name)!.push(js);
      withoutJs.get(name)!.push(noJs);
    }
  }
  await browser.close();

  const figures = pages.map(({ name }) => {
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
  const empty = figures[0]!;
  const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
  const msOf = (x: number) => `${x.toFixed(0)} ms`;
  const ratio = (x: number, base: number) => `${(x / base).toFixed(2)}×`;
  const verdict = (value: number, budget: number | undefined) =>
    budget === undefined ? "" : value <= budget ? `PASS (≤ ${budget})` : `FAIL (> ${budget})`;

  console.log(
    `\nMedians of ${RUNS} loads each, Chromium 1280×800, fresh context, cache disabled; ratios to the empty app in this run.\n`,
  );
  const rows = [
    ["page", "JS on the wire", "requests (not JS)", "TTFB", "FCP", "FCP without JS", "LCP"],
    ...figures.map((f) => [
      f.name,
      `${kib(f.jsBytes)} ${ratio(f.jsBytes, empty.jsBytes)}`,
      `${f.requests} (${f.otherRequests})`,
      msOf(f.ttfb),
      `${msOf(f.fcp)} ${ratio(f.fcp, empty.fcp)}`,
      `${msOf(f.fcpNoJs)} ${ratio(f.fcpNoJs, empty.fcpNoJs)}`,
      `${msOf(f.lcp)} ${ratio(f.lcp, empty.lcp)}`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));

  console.log("\nBudgets");
  let failed = 0;
  for (const f of figures.slice(1)) {
    const budget = BUDGETS[f.name];
    if (!budget) continue;
    const checks = [
      [`JS ${ratio(f.jsBytes, empty.jsBytes)}`, verdict(f.jsBytes / empty.jsBytes, budget.js)],
      [`LCP ${ratio(f.lcp, empty.lcp)}`, verdict(f.lcp / empty.lcp, budget.lcp)],
      ...(budget.otherRequests === undefined
        ? []
        : [
            [
              `requests other than scripts ${f.otherRequests}`,
              verdict(f.otherRequests, budget.otherRequests),
            ],
          ]),
    ];
    for (const [what, result] of checks) {
      if (result!.startsWith("FAIL")) failed++;
      console.log(`  ${f.name.padEnd(10)} ${what!.padEnd(36)} ${result}`);
    }
  }
  console.log(failed === 0 ? "\nEvery budget: PASS" : `\n${failed} budget(s): FAIL`);
  rmSync(dataDir, { recursive: true, force: true });
  if (failed > 0) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void stopAll());
