// The page benchmark's interactions (bench/pages/index.ts, step 2): typing and
// clicking as a person does, on the dashboard with thousands of jobs, and the
// Event Timing durations each interaction took (what INP is made of). The
// controls are found with the end-to-end tests' page objects (e2e/pages).
import { chromium, type Locator, type Page } from "@playwright/test";

import { JobFormPage } from "../../e2e/pages/job-form";
import { JobPage } from "../../e2e/pages/job-page";
import { JobsListPage } from "../../e2e/pages/jobs-list";
import { DEMO_JOB_ARNS } from "../../emulator/demo/catalog";
import { jobPath } from "../../lib/job-url";
import { chromiumLaunchOptions } from "../../test/chromium";
import { summarize, type EventEntry, type Interactions } from "./event-timing";

/** A person's pace: the time between two keystrokes, and after a click before the next. */
const KEY_DELAY_MS = 150;
const CLICK_PAUSE_MS = 400;

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
  return summarize(name, keystrokes, events);
}

/** Clicks into `field`, then types `text` a key at a time at a person's pace. */
async function type(page: Page, field: Locator, text: string) {
  await field.click();
  await page.waitForTimeout(CLICK_PAUSE_MS);
  // A keystroke may take seconds on a slow page: the timeout grows with the text.
  await field.pressSequentially(text, { delay: KEY_DELAY_MS, timeout: text.length * 20_000 });
}

/** Clicks `target`, then pauses as a person does before the next. */
async function click(page: Page, target: Locator) {
  await target.click();
  await page.waitForTimeout(CLICK_PAUSE_MS);
}

/** "Search all jobs" with a search every job matches, until the list holds them all; then the search is cleared. */
async function loadEveryJob(page: Page, list: JobsListPage, jobs: number) {
  console.log(`Loading all ${jobs.toLocaleString("en-US")} jobs into the list…`);
  await list.search.fill("Bench job");
  await page.getByRole("button", { name: "Search all jobs" }).click();
  const allLoaded = page.getByText("Every job is loaded.");
  const progress = page.getByRole("status").filter({ hasText: "Searching all jobs" });
  const started = Date.now();
  while (
    !(await allLoaded.waitFor({ timeout: 30_000 }).then(
      () => true,
      () => false,
    ))
  ) {
    if (Date.now() - started > 20 * 60_000)
      throw new Error("The list did not load every job within 20 minutes.");
    console.log(`  ${(await progress.textContent({ timeout: 1000 }).catch(() => null)) ?? "…"}`);
  }
  await showEveryRow(list, jobs);
}

/** The search cleared, and the table holding every job again (rendered or windowed: its aria-rowcount). */
async function showEveryRow(list: JobsListPage, jobs: number) {
  await list.search.fill("");
  await list.page.waitForFunction(
    (rows) =>
      Number(document.querySelector("table[aria-rowcount]")?.getAttribute("aria-rowcount")) > rows,
    jobs,
  );
}

/** The list with every job: typing a search, then ticking rows for comparison. */
async function onTheList(page: Page, appUrl: string, jobs: number): Promise<Interactions[]> {
  const list = new JobsListPage(page);
  await page.goto(`${appUrl}/`);
  await list.heading.waitFor();
  await loadEveryJob(page, list, jobs);
  const search = "Bench job 049";
  const typing = await interactions(page, "list: type into the search", search.length, () =>
    type(page, list.search, search),
  );
  await showEveryRow(list, jobs);
  const tick = (n: number) => page.getByRole("checkbox", { name: /^Compare / }).nth(n);
  const ticking = await interactions(page, "list: tick 3 rows for comparison", 0, async () => {
    for (const n of [0, 1, 2]) await click(page, tick(n));
  });
  return [typing, ticking];
}

/** The new-job form: typing its name and description, switching the seed source. */
async function onTheForm(page: Page, appUrl: string): Promise<Interactions[]> {
  const form = new JobFormPage(page);
  await page.goto(`${appUrl}/jobs/new`);
  await form.submit.waitFor();
  const name = "Sports fans lookalike, spring campaign 2026";
  const description = "Lookalikes of the spring campaign's buyers, for the sports newsletter.";
  return [
    await interactions(page, "new job: type the name", name.length, () =>
      type(page, form.name, name),
    ),
    await interactions(page, "new job: type the description", description.length, () =>
      type(page, form.description, description),
    ),
    await interactions(page, "new job: switch the seed source", 0, async () => {
      for (const source of ["SQL query", "Analysis template", "S3 file"])
        await click(page, form.seedSource.getByRole("radio", { name: source }));
    }),
  ];
}

/** A job's page: choosing sizes by clicking the chart's points. */
async function onTheJobPage(page: Page, appUrl: string): Promise<Interactions[]> {
  const job = new JobPage(page);
  await page.goto(`${appUrl}${jobPath(DEMO_JOB_ARNS.sportsFans)}`);
  const point = (n: number) => job.relevance.locator(`[data-chart-point="${n}"]`);
  await point(0).waitFor();
  return [
    await interactions(page, "job page: choose a size on the chart", 0, async () => {
      for (const n of [2, 0, 3]) await click(page, point(n));
    }),
  ];
}

/**
 * Every interaction of the benchmark, in one browser page, on the dashboard
 * at `appUrl` whose list holds `jobs` jobs.
 */
export async function measureInteractions(appUrl: string, jobs: number): Promise<Interactions[]> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await observeEvents(page);
    return [
      ...(await onTheList(page, appUrl, jobs)),
      ...(await onTheForm(page, appUrl)),
      ...(await onTheJobPage(page, appUrl)),
    ];
  } finally {
    await browser.close();
  }
}
