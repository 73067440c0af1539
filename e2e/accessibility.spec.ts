import { expect, test } from "@playwright/test";

import { DEMO_CONFIGURED_MODELS, DEMO_JOB_ARNS } from "../emulator/demo/catalog";
import { jobPath } from "../lib/job-url";
import { expectNoAxeViolations } from "./axe";
import { AUTH_APP_URL } from "./oidc/settings";
import { SignInPage } from "./pages/auth";
import { JobFormPage } from "./pages/job-form";
import { JobPage } from "./pages/job-page";
import { JobsListPage } from "./pages/jobs-list";
import { withFailingOperation } from "./service";

/**
 * An axe-core scan of each kind of page, failing on any violation: the list,
 * the form (empty, filled in with a SQL seed, and with its errors showing), a
 * job's page (an S3 seed with relevance, a SQL seed, and during a service
 * error), the costs and exports pages, and the sign-in page.
 */

test("the jobs list has no axe violations", async ({ page }) => {
  const list = new JobsListPage(page);
  await list.goto();
  await expect(page.getByRole("row").nth(1)).toBeVisible();
  await expectNoAxeViolations(page, "the jobs list");
});

test("the start-job form has no axe violations, empty, filled in and with errors", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  await form.goto();
  await expectNoAxeViolations(page, "the empty form");

  await form.chooseModel(DEMO_CONFIGURED_MODELS.retailAbsolute.name);
  await expect(form.modelFacts).toContainText("500 users");
  await form.chooseSeedSource("SQL query");
  await form.advancedCompute.click();
  await form.addRow("tag", "team", "growth");
  await expectNoAxeViolations(page, "the form with a model and a SQL seed");

  await form.submit.click();
  await expect(form.name).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "the form showing its errors");
});

test("a job's page has no axe violations, for an S3 seed and a SQL seed", async ({ page }) => {
  const job = new JobPage(page);
  await job.goto(DEMO_JOB_ARNS.sportsFans);
  await expect(page.getByRole("heading", { name: /relevance/i }).first()).toBeVisible();
  await expectNoAxeViolations(page, "an active job's page (S3 seed)");

  await job.goto(DEMO_JOB_ARNS.travelSql);
  await expectNoAxeViolations(page, "a job's page (SQL seed)");
});

test("the sign-in page has no axe violations", async ({ page }) => {
  await page.goto(`${AUTH_APP_URL}/sign-in`);
  await new SignInPage(page).expectHere();
  await expectNoAxeViolations(page, "the sign-in page");
});

test("the costs and exports pages have no axe violations", async ({ page }) => {
  await page.goto("/costs");
  await expect(page.getByRole("heading", { level: 1, name: "Costs" })).toBeVisible();
  await expectNoAxeViolations(page, "the costs page");

  await page.goto("/exports");
  await expect(page.getByRole("list", { name: "Exports" })).toBeVisible();
  await expectNoAxeViolations(page, "the exports page");
});

test("a job's page during a service error has no axe violations", async ({ page }) => {
  await withFailingOperation("GetAudienceGenerationJob", 50, async () => {
    await page.goto(jobPath(DEMO_JOB_ARNS.tooSmall));
    await expect(
      page.getByRole("heading", { level: 1, name: "This job could not be loaded" }),
    ).toBeVisible();
    await expectNoAxeViolations(page, "a job's page during a service error");
  });
});

test("the schedules pages have no axe violations: the list, the form and a schedule's history", async ({
  page,
}) => {
  await page.goto("/schedules");
  await expect(page.getByRole("heading", { level: 1, name: "Schedules" })).toBeVisible();
  await expectNoAxeViolations(page, "the schedules list");

  await page.goto(`/schedules/new?from=${encodeURIComponent(DEMO_JOB_ARNS.sportsFans)}`);
  await expect(page.getByRole("form", { name: "Create a schedule" })).toBeVisible();
  await expect(page.getByRole("status", { name: "When it runs" })).toContainText("Next 5 runs");
  await expectNoAxeViolations(page, "the schedule form");
  await page.getByRole("button", { name: "Create schedule" }).click();
  await expect(page.getByLabel("Schedule name")).toBeVisible();
  await expectNoAxeViolations(page, "the schedule form showing its errors");

  await page.goto("/schedules/weekly-sports-fans");
  await expect(page.getByRole("table", { name: /Runs of this schedule/ })).toBeVisible();
  await expectNoAxeViolations(page, "a schedule's page");
});
