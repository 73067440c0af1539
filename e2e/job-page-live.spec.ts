import { expect, test } from "@playwright/test";

import {
  countJobPolls,
  isJobPoll,
  JobPage,
  serviceStatus,
  setTabVisibility,
  startJob,
  waitForJobStatus,
} from "./pages/job-page";
import { serviceClient } from "./service";

/**
 * The job page keeps itself current: it polls while the job is in flight
 * (about 2 s, backing off), stops at a final status, pauses in a hidden tab,
 * and follows a deletion to its end. Each test starts its own job.
 */

test("a running job updates itself until it is Active, then the page stops asking", async ({
  page,
}) => {
  const client = serviceClient();
  const arn = await startJob(client, { name: "Live status job", speed: "slow" });
  const polls = countJobPolls(page);
  const job = new JobPage(page);
  const opened = Date.now();
  await job.goto(arn);

  await expect(
    job.page.locator('[data-status="CREATE_PENDING"], [data-status="CREATE_IN_PROGRESS"]'),
  ).toBeVisible();
  await expect(job.relevance).toContainText("Not finished yet");
  await expect(job.updatedAgo).toBeVisible();

  await expect(job.status("ACTIVE")).toBeVisible({ timeout: 45_000 });
  const finished = Date.now();
  // A screen reader hears the change.
  await expect(job.announcer).toHaveText(/Job status changed to Active/);
  await expect(job.chart).toBeVisible();

  // While it ran: a poll every 2 s at most (backing off), never more.
  const whileRunning = polls.count;
  expect(whileRunning).toBeGreaterThanOrEqual(1);
  expect(whileRunning).toBeLessThanOrEqual(Math.ceil((finished - opened) / 2000) + 1);
  const gaps = polls.times.slice(1).map((t, i) => t - polls.times[i]!);
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1500);

  // After Active: not one more request.
  await page.waitForTimeout(7000);
  expect(polls.count).toBe(whileRunning);
  await expect(job.updatedAgo).toHaveText(/Updated \d+ s ago/);
});

test("polling pauses while the tab is hidden and refreshes at once when it is visible again", async ({
  page,
}) => {
  const client = serviceClient();
  const arn = await startJob(client, { name: "Hidden tab job", speed: "slow" });
  const polls = countJobPolls(page);
  const job = new JobPage(page);
  await job.goto(arn);
  await expect(
    job.page.locator('[data-status="CREATE_PENDING"], [data-status="CREATE_IN_PROGRESS"]'),
  ).toBeVisible();
  // The page is polling.
  await expect.poll(() => polls.count, { timeout: 5000 }).toBeGreaterThanOrEqual(1);

  await setTabVisibility(page, "hidden");
  const hiddenAt = polls.count;
  await page.waitForTimeout(5000);
  expect(polls.count).toBe(hiddenAt);

  const refetch = page.waitForRequest(isJobPoll, { timeout: 1000 });
  await setTabVisibility(page, "visible");
  await refetch;
  // Polling resumes until the job finishes.
  await expect(job.status("ACTIVE")).toBeVisible({ timeout: 45_000 });
});

test("deleting a job is confirmed by name, followed to the end, and the page says the job is gone", async ({
  page,
}) => {
  const client = serviceClient();
  const name = "Job to delete";
  const arn = await startJob(client, { name, speed: "fast" });
  await waitForJobStatus(client, arn, "ACTIVE");
  const job = new JobPage(page);
  await job.goto(arn);
  await expect(job.status("ACTIVE")).toBeVisible();

  await job.deleteButton.click();
  const dialog = job.deleteDialog(name);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("cannot be undone");
  // Cancel first: nothing happens.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await serviceStatus(client, arn)).toBe("ACTIVE");

  const polls = countJobPolls(page);
  await job.deleteButton.click();
  await job.deleteDialog(name).getByRole("button", { name: "Delete job" }).click();
  await expect(job.deleteDialog(name)).toBeHidden();
  // The page follows the deletion through its statuses until the service no longer knows the job.
  await expect(job.gone).toBeVisible({ timeout: 30_000 });
  expect(await serviceStatus(client, arn)).toBe("GONE");
  expect(polls.count).toBeGreaterThanOrEqual(1);
  await expect(job.deleteButton).toHaveCount(0);

  // Gone means gone: no more polling.
  const afterGone = polls.count;
  await page.waitForTimeout(5000);
  expect(polls.count).toBe(afterGone);

  await page.getByRole("link", { name: "Back to all jobs" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
});

test("a delete goes through at once while a refresh of the job is still in flight", async ({
  page,
}) => {
  const client = serviceClient();
  const name = "Delete during a poll";
  const arn = await startJob(client, { name, speed: "fast" });
  await waitForJobStatus(client, arn, "ACTIVE");
  const job = new JobPage(page);
  await job.goto(arn);
  await expect(job.status("ACTIVE")).toBeVisible();

  // Hold the next refresh of the job in flight: it answers only when released.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const jobRoute = (url: URL) => url.pathname === "/api/job";
  await page.route(jobRoute, async (route) => {
    await released;
    // A refresh the page gave up on (superseded by a newer one) has nothing left to continue.
    await route.continue().catch(() => undefined);
  });
  // Coming back to the tab refreshes the (by now stale) job.
  await page.waitForTimeout(5500);
  const held = page.waitForRequest(isJobPoll);
  await setTabVisibility(page, "visible");
  await held;

  await job.deleteButton.click();
  await job.deleteDialog(name).getByRole("button", { name: "Delete job" }).click();
  // The deletion does not wait for the held refresh: the service has it while the refresh is still held.
  await expect(job.deleteDialog(name)).toBeHidden({ timeout: 5000 });
  expect(await serviceStatus(client, arn)).not.toBe("ACTIVE");

  release();
  await page.unroute(jobRoute);
  await expect(job.gone).toBeVisible({ timeout: 30_000 });
});
