// Run: npm run bench:pages [-- --runs=15] [--no-build] [--jobs=5000] [--no-interactions]
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
import { rmSync } from "node:fs";
import path from "node:path";

import { DEMO_JOB_ARNS } from "../../emulator/demo/catalog";
import { jobPath } from "../../lib/job-url";
import {
  insertMissingJobs,
  localServiceClient,
  MANY_JOBS_SERVICE_ENV,
  manyJobsDataDir,
} from "../many-jobs";
import { INTERACTION_BUDGETS, PAGE_BUDGETS } from "./budgets";
import { keystrokeP95, worstInteraction, type Interactions } from "./event-timing";
import { measureInteractions } from "./interactions";
import { measureLoads, type PageFigures } from "./loads";
import { buildAll, EMPTY, FLOOR, root, startDashboard, startFixture, stopAll } from "./servers";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "true"] as const;
  }),
);
// One load's LCP swings by ±20% on an idle 2-core machine, so a budget read from a
// median of few loads passes or fails by chance (README, "Page weight / Where it stands").
const RUNS = Number(args.get("runs") ?? 15);
const JOBS = Number(args.get("jobs") ?? 5000);
const BUILD = !args.has("no-build");
const INTERACTIONS = !args.has("no-interactions");

const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
const msOf = (x: number) => `${x.toFixed(0)} ms`;
const ratio = (x: number, base: number) => `${(x / base).toFixed(2)}×`;
const verdict = (value: number, budget: number) =>
  value <= budget ? `PASS (≤ ${budget})` : `FAIL (> ${budget})`;
function table(rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
}
let failed = 0;
function check(subject: string, what: string, result: string) {
  if (result.startsWith("FAIL")) failed++;
  console.log(`  ${subject.padEnd(10)} ${what.padEnd(36)} ${result}`);
}

/** The loads' figures and their budgets: JS against the empty app, LCP against the floor app. */
function reportLoads(figures: PageFigures[]) {
  const empty = figures.find((f) => f.name === EMPTY.name)!;
  const floor = figures.find((f) => f.name === FLOOR.name)!;
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
  console.log("\nBudgets");
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
}

/** The interactions' Event Timing durations and their budgets. */
function reportInteractions(results: Interactions[], listed: number) {
  console.log(
    `\nInteractions: ${listed.toLocaleString("en-US")} jobs in the list; Event Timing durations of 16 ms or more, one per interaction (its longest event), in order.\n`,
  );
  table([
    ["interaction", "reported", "durations (ms)"],
    ...results.map((r) => [
      r.name,
      r.keystrokes > 0
        ? `${r.keyDurations.length} of ${r.keystrokes} keystrokes`
        : `${r.durations.length}`,
      r.durations.length > 0 ? r.durations.map((d) => d.toFixed(0)).join(" ") : "none",
    ]),
  ]);
  const worst = worstInteraction(results);
  const { keystrokes, p95 } = keystrokeP95(results);
  console.log("\nBudgets");
  check("all", `worst interaction ${msOf(worst)}`, verdict(worst, INTERACTION_BUDGETS.worstMs));
  check(
    "keys",
    `95% of ${keystrokes} keystrokes ${p95 === 0 ? "under 16 ms" : msOf(p95)}`,
    verdict(p95, INTERACTION_BUDGETS.keystrokeP95Ms),
  );
}

async function main() {
  buildAll(BUILD);

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
  const figures = await measureLoads(
    [
      { name: EMPTY.name, url: `${emptyUrl}/` },
      { name: FLOOR.name, url: `${floorUrl}/` },
      { name: "jobs list", url: `${appUrl}/` },
      { name: "new job", url: `${appUrl}/jobs/new` },
      { name: "job page", url: `${appUrl}${jobPath(DEMO_JOB_ARNS.sportsFans)}` },
      {
        name: "compare",
        url: `${appUrl}/compare?jobs=${compared.map(encodeURIComponent).join(",")}`,
      },
    ],
    RUNS,
  );
  await stopAll();
  rmSync(demoData, { recursive: true, force: true });
  reportLoads(figures);

  // 2. Interactions, the dashboard on thousands of jobs. One that cannot be made is a failed budget.
  if (INTERACTIONS) {
    console.log();
    try {
      const many = await startDashboard(manyJobsDataDir(root, JOBS), MANY_JOBS_SERVICE_ENV);
      const { total } = await insertMissingJobs(localServiceClient(many.serviceUrl), JOBS);
      reportInteractions(await measureInteractions(many.appUrl, total), total);
    } catch (error) {
      check("all", "interactions could not be made", "FAIL");
      console.error(error);
    } finally {
      await stopAll();
    }
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
