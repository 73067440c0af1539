import { expect, test, type Page } from "@playwright/test";

import {
  DEMO_CONFIGURED_MODELS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "../emulator/demo/catalog";
import { JobFormPage } from "./pages/job-form";
import { JobPage } from "./pages/job-page";

/**
 * The main journey (the list, start a job, watch it to Active, export, find it
 * in the list) in the `chromium-faults` project: its dashboard's local service
 * throttles 30% of calls, fails 5% with a 500 and answers 150 ms late
 * (e2e/env.ts). The journey completes, and no page ever shows an error: the
 * person caused none, so the dashboard rides out the service's.
 */

/** Records the text of every alert any page of this tab shows, from the server's first HTML on. */
async function recordAlerts(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenAlerts: string[] }).seenAlerts = seen;
    const record = () => {
      for (const alert of document.querySelectorAll('[role="alert"]')) {
        const text = alert.textContent?.trim();
        if (text && !seen.includes(text)) seen.push(text);
      }
    };
    new MutationObserver(record).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

async function alertsShown(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { seenAlerts: string[] }).seenAlerts);
}

test("under throttling, 500s and latency, a marketer starts a job, watches it finish, exports it and finds it in the list, with no error shown", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await recordAlerts(page);
  const model = DEMO_CONFIGURED_MODELS.retailAbsolute;

  await page.goto("/");
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
  expect(await alertsShown(page)).toEqual([]);

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "New job" })
    .click();
  await expect(page).toHaveURL("/jobs/new");
  const form = new JobFormPage(page);
  const name = `Under faults ${Date.now()}`;
  await form.name.fill(name);
  await form.chooseModel(model.name);
  // The model read waits out the shared back-off like every other read under throttling.
  await expect(form.modelFacts).toContainText("500 users", { timeout: 30_000 });
  await form.s3Uri.fill(DEMO_SEED_URIS.sportsFans);
  await form.roleArn.fill(DEMO_SEED_ROLE_ARN);
  await form.startAndOpenJob();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.locator('main [data-status="ACTIVE"]')).toBeVisible({ timeout: 60_000 });
  expect(await alertsShown(page)).toEqual([]);

  const job = new JobPage(page);
  await job.exports.getByLabel("Audience size").selectOption("ABSOLUTE:10000");
  await job.exports.getByLabel("Export name").fill("Under faults – 10k");
  await job.exports.getByRole("button", { name: "Export audience" }).click();
  // Throttled calls wait for the shared back-off (up to 10 s apart): slow, never an error.
  await expect(job.exports.getByText("Export “Under faults – 10k” started.")).toBeVisible({
    timeout: 45_000,
  });
  await expect(
    job.exportRow("Under faults – 10k").locator('[data-export-status="ACTIVE"]'),
  ).toBeVisible({
    timeout: 30_000,
  });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page).toHaveURL("/");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name }) });
  await expect(row.locator('[data-status="ACTIVE"]')).toBeVisible({ timeout: 30_000 });
  // Exactly one job of that name: a start retried after a lost answer did not start a second.
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(1);

  expect(await alertsShown(page)).toEqual([]);
});
