import { expect, test } from "@playwright/test";

import { DEMO_JOB_ARNS, DEMO_JOB_IDS } from "../emulator/demo/catalog";
import { ACCOUNT_ID } from "../emulator/identity";
import { jobPath } from "../lib/job-url";
import { JobFormPage } from "./pages/job-form";
import { screenshot } from "./screenshots";
import { withFailingOperation } from "./service";

/**
 * A weekly user's questions about cost and exports (issue 27): what a SQL
 * seed's run cost, what past runs of a seed cost before choosing workers,
 * the totals, every export in one place, a short comparison link, and the
 * job page while the service fails (screenshots: e2e/screenshots.ts).
 */

test("a SQL seed's job page shows its billed CRPU-hours, and its tab title the status from the first paint", async ({
  page,
}) => {
  const url = jobPath(DEMO_JOB_ARNS.travelSql);
  // The server's HTML, before any script: the title already carries the status.
  const html = await (await page.request.get(url)).text();
  expect(html).toContain("<title>Active · Travel customers (SQL)</title>");

  await page.goto(url);
  const query = page.getByRole("region", { name: "Protected query" });
  await expect(query.getByTestId("billed-crpu-hours")).toHaveText(/^\d+(\.\d+)? CRPU-hours?$/);
  await expect(query).toContainText("No price set");
  await screenshot(page, "job-sql", query);
});

test("the new-job form shows what past runs of the same query cost, and says when there are none", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  await form.goto(`?from=${encodeURIComponent(DEMO_JOB_ARNS.travelSql)}`);
  const estimate = page.getByRole("region", { name: "What past runs of this query cost" });
  await expect(estimate.getByRole("row", { name: /8 × CR\.4X/ })).toContainText(/CRPU|\d/);
  await screenshot(page, "new-job-estimate", page.getByRole("region", { name: "Compute" }));
  await form.queryText.fill("SELECT user_id FROM customers WHERE segment = 'never-ran'");
  await expect(estimate).toContainText("No history yet: this query has not run from this account.");
});

test("the costs page, from the header, totals CRPU-hours by month, tag and schedule", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Costs" }).click();
  await expect(page).toHaveURL(/\/costs$/);
  await expect(page.getByRole("heading", { level: 1, name: "Costs" })).toBeVisible();
  await expect(page.getByTestId("total-crpu-hours")).toHaveText(/CRPU-hours?$/);
  await expect(page.getByRole("table", { name: "CRPU-hours by tag" })).toContainText("team=travel");
  await expect(page.getByRole("table", { name: "CRPU-hours by schedule" })).toContainText(
    "Not scheduled",
  );
  await expect(page.getByRole("table", { name: "CRPU-hours by month" })).toBeVisible();
  await screenshot(page, "costs");
});

test("the exports page, from the header, lists every export with its job and location, filterable", async ({
  page,
}) => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Exports" })
    .click();
  await expect(page).toHaveURL(/\/exports$/);
  const list = page.getByRole("list", { name: "Exports" });
  const sports = list.getByRole("listitem", { name: "Export Sports fans top 10k" });
  await expect(sports).toContainText("Sports fans lookalike");
  await expect(sports).toContainText(`${DEMO_JOB_IDS.sportsFans}/`);
  await expect(
    sports.getByRole("button", { name: "Copy location of Sports fans top 10k" }),
  ).toBeVisible();
  await screenshot(page, "exports");

  await page.getByLabel("Find").fill("no export is called this");
  await expect(page.getByText("No export matches these filters.")).toBeVisible();
  await page.getByLabel("Find").fill("sports");
  await expect(sports).toBeVisible();
  await page.getByLabel("Status").selectOption({ label: "Failed" });
  await expect(sports).toBeHidden();
});

test("a short comparison link opens the same comparison as the long one", async ({ page }) => {
  await page.goto(
    `/compare?at=us-east-1:${ACCOUNT_ID}&ids=${DEMO_JOB_IDS.sportsFans},${DEMO_JOB_IDS.gamersTemplate}`,
  );
  const table = page.getByRole("table", { name: "Compared jobs" });
  await expect(table.getByRole("link", { name: "Sports fans lookalike" })).toBeVisible();
  // A template seed by the template's name, with its parameters.
  await expect(table).toContainText("segment = gaming");
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await screenshot(page, "compare");
});

test("a job page while the service fails says so, and never shows a socket error", async ({
  page,
}) => {
  await withFailingOperation("GetAudienceGenerationJob", 50, async () => {
    await page.goto(jobPath(DEMO_JOB_ARNS.randomBaseline));
    await expect(
      page.getByRole("heading", { level: 1, name: "This job could not be loaded" }),
    ).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/ECONNREFUSED|127\.0\.0\.1/);
    await screenshot(page, "job-error");
  });
});
