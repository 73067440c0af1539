import { expect, test, type Page } from "@playwright/test";

import { DEMO_JOB_ARNS } from "../emulator/demo/catalog";
import { JobPage } from "./pages/job-page";
import { screenshot } from "./screenshots";

/**
 * A recurring audience, end to end, at the e2e time scale (the local service
 * fires schedules on its clock: a rate of one minute fires every few seconds):
 * from a job's page, Repeat weekly… opens the schedule form filled from the
 * job; the cadence is AWS's own `rate(1 minute)`, its runs shown before
 * saving; the role is picked from the roles that trust the scheduler. Two
 * runs appear as jobs on the schedule's page; pausing stops it; the history
 * says which runs are not exported and exports one in one press.
 */

const runsTable = (page: Page) => page.getByRole("table", { name: /Runs of this schedule/ });
const runRows = (page: Page) => runsTable(page).getByRole("link");

test("a marketer repeats a job every minute, watches two runs arrive as jobs, pauses it and reads its history", async ({
  page,
}) => {
  // Two runs, a pause and the history: a few minutes on a busy machine.
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const scheduleName = `e2e-fans-${stamp}`;
  const baseName = `e2e fans ${stamp}`;

  const job = new JobPage(page);
  await job.goto(DEMO_JOB_ARNS.sportsFans);
  await page.getByRole("link", { name: "Repeat weekly…" }).click();
  // The form's page reads the job afresh: on a busy machine that can take a while.
  await expect(page).toHaveURL(/\/schedules\/new\?from=/, { timeout: 30_000 });
  const form = page.getByRole("form", { name: "Create a schedule" });
  await expect(form).toBeVisible();
  // Filled from the job: weekly, the job's name as the runs' base, in the reader's zone.
  await expect(page.getByLabel("Every week")).toBeChecked();
  await expect(page.getByRole("status", { name: "When it runs" })).toContainText(
    "Every week on Monday at 09:00",
  );
  await expect(page.getByRole("status", { name: "When it runs" })).toContainText("Next 5 runs");
  await screenshot(page, "schedule-form");

  // A base name too long for the run's due time is refused beside it, before anything is sent.
  const base = page.getByLabel("Job name of each run");
  await base.fill("b".repeat(43));
  await base.blur();
  await expect(base).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/at most 42 characters/).first()).toBeVisible();
  await base.fill(baseName);

  await page.getByLabel("cron() or rate() expression").check();
  await page.getByRole("textbox", { name: "Expression" }).fill("rate(1 minute)");
  await expect(page.getByRole("status", { name: "When it runs" })).toContainText("Every minute");
  await page.getByLabel("Schedule name").fill(scheduleName);
  await page.getByRole("button", { name: "Choose a role" }).click();
  await page.getByRole("button", { name: /SchedulerAudienceJobs/ }).click();
  await expect(page.getByLabel("Role EventBridge Scheduler assumes")).toHaveValue(
    /role\/SchedulerAudienceJobs$/,
  );
  await page.getByRole("button", { name: "Create schedule" }).click();
  await expect(page).toHaveURL(new RegExp(`/schedules/${scheduleName}$`));
  await expect(page.getByRole("heading", { level: 1, name: scheduleName })).toBeVisible();

  // Two runs arrive as jobs, tagged with the schedule, newest first.
  await expect(async () => {
    await page.reload();
    expect(await runRows(page).count()).toBeGreaterThanOrEqual(2);
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  const names = await runRows(page).allTextContents();
  for (const name of names)
    expect(name).toMatch(new RegExp(`^${baseName}-\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$`));
  expect([...names].sort().reverse()).toEqual(names);
  const firstRun = {
    name: names.at(-1)!,
    href: (await runRows(page).last().getAttribute("href"))!,
  };

  // Pause: the schedule says so, and no run starts after.
  await page.getByRole("button", { name: `Pause ${scheduleName}` }).click();
  await expect(page.getByText("Paused", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: `Resume ${scheduleName}` })).toBeVisible();
  await page.reload();
  const afterPause = await runRows(page).count();
  await page.waitForTimeout(8_000);
  await page.reload();
  expect(await runRows(page).count()).toBe(afterPause);

  // The history: runs finish, are marked not exported, and one is exported in one press.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/finished runs? (is|are) not exported/)).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 45_000, intervals: [2_000] });
  await expect(page.getByText(/cannot export the audience/)).toBeVisible();
  await expect(page.getByText("Missed")).toHaveCount(0);
  await screenshot(page, "schedule-page");
  // One press exports a finished run; the size it used is then "the same size as last time".
  const exportButton = runsTable(page)
    .getByRole("button", { name: /^Export the (same size as last time|suggested size)/ })
    .first();
  const label = (await exportButton.getAttribute("aria-label")) ?? (await exportButton.innerText());
  const size = /\(([^)]+)\)/.exec(label)![1]!;
  const exportedRun = (
    await exportButton.locator("xpath=ancestor::tr").getByRole("link").innerText()
  ).trim();
  await exportButton.click();
  await expect(runsTable(page).getByRole("row", { name: new RegExp(exportedRun) })).toContainText(
    "Exported (1)",
  );
  await expect(
    runsTable(page)
      .getByRole("button", { name: `Export the same size as last time (${size})`, exact: false })
      .first(),
  ).toBeVisible();

  // The schedules list: the schedule, its cadence in words, paused, its last run.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Schedules" })
    .click();
  await expect(page).toHaveURL(/\/schedules$/);
  const row = page.getByRole("row", { name: new RegExp(scheduleName) });
  await expect(row).toContainText("Every minute");
  await expect(row).toContainText("Paused");
  await expect(row.getByRole("link", { name: new RegExp(`^${baseName}-`) })).toBeVisible();
  await screenshot(page, "schedules-list");

  // Delete: the confirmation says the jobs stay, and they do.
  await row.getByRole("button", { name: `Delete ${scheduleName}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("jobs it already started stay");
  await dialog.getByRole("button", { name: "Delete schedule" }).click();
  await expect(page.getByRole("row", { name: new RegExp(scheduleName) })).toHaveCount(0);
  await page.goto(firstRun.href);
  await expect(page.getByRole("heading", { level: 1, name: firstRun.name })).toBeVisible();
});
