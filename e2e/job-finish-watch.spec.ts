import { expect, test } from "@playwright/test";

import { countJobPolls, JobPage, setTabVisibility, startJob } from "./pages/job-page";
import { serviceClient, withTimeScale } from "./service";

/**
 * Knowing when a job finishes without watching it: the tab title shows the
 * status and changes at the end, and a notification asked for fires even
 * with the tab in the background (the page keeps polling, slowly, for it).
 */

test("the tab title shows a running job's status and changes when it finishes", async ({
  page,
}) => {
  const client = serviceClient();
  // Slower than the other specs' jobs, so the title is seen before the end.
  await withTimeScale(5, async () => {
    const arn = await startJob(client, { name: "Titled job", speed: "slow" });
    const job = new JobPage(page);
    await job.goto(arn);
    await expect(page).toHaveTitle(/^(Pending|Generating) · Titled job$/);
    await expect(page).toHaveTitle("Active · Titled job", { timeout: 50_000 });
    await expect(job.status("ACTIVE")).toBeVisible();
  });
});

test("with notifications allowed, a watched job in a background tab notifies when it finishes", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["notifications"]);
  // Observe the real Notification API: record each notification the page makes.
  await context.addInitScript(() => {
    const Real = window.Notification;
    const shown: { title: string; body?: string }[] = [];
    Object.assign(window, { shownNotifications: shown });
    class Observed extends Real {
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body });
        super(title, options);
      }
    }
    Object.defineProperty(window, "Notification", { configurable: true, value: Observed });
  });
  const shown = () =>
    page.evaluate(
      () => (window as unknown as { shownNotifications: { title: string }[] }).shownNotifications,
    );

  const client = serviceClient();
  const arn = await startJob(client, { name: "Watched job", speed: "slow" });
  const job = new JobPage(page);
  await job.goto(arn);
  await page.getByRole("button", { name: "Notify me when it finishes" }).click();
  await expect(page.getByText("You will get a notification when it finishes")).toBeVisible();

  // The tab goes to the background: the page keeps asking, at the slow end, and notifies at the end.
  const polls = countJobPolls(page);
  await setTabVisibility(page, "hidden");
  await expect
    .poll(shown, { timeout: 50_000, intervals: [500] })
    .toEqual([expect.objectContaining({ title: "Watched job: Active" })]);
  expect(polls.count).toBeGreaterThanOrEqual(1);
  await expect(page).toHaveTitle("Active · Watched job");
});
