import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";

import {
  DEMO_CONFIGURED_MODELS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "../emulator/demo/catalog";
import { JobFormPage } from "./pages/job-form";
import { JobsListPage } from "./pages/jobs-list";

/**
 * Moving around by keyboard and screen reader: the skip link, focus on the
 * new page's heading after client navigation, and the started job announced
 * on its page.
 */

test("the first Tab reaches a skip link that moves focus past the header to the page", async ({
  page,
}) => {
  const list = new JobsListPage(page);
  await list.goto();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  // The next Tab goes into the page, not back to the header.
  await page.keyboard.press("Tab");
  await expect(page.locator("main :focus")).toHaveCount(1);
});

test("after client navigation, focus is on the new page's heading", async ({ page }) => {
  const list = new JobsListPage(page);
  await list.goto();
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "New job" })
    .click();
  await expect(page).toHaveURL(/\/jobs\/new$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Start an audience job" }),
  ).toBeFocused();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(list.heading).toBeFocused();
});

test("after starting a job, focus is on its page's heading and the start is announced", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  const name = `Announced ${randomUUID().slice(0, 8)}`;
  await form.goto();
  await form.name.fill(name);
  await form.chooseModel(DEMO_CONFIGURED_MODELS.retailPercentage.name);
  await form.s3Uri.fill(DEMO_SEED_URIS.sportsFans);
  await form.roleArn.fill(DEMO_SEED_ROLE_ARN);
  await form.startAndOpenJob();
  await expect(page.getByRole("heading", { level: 1, name })).toBeFocused();
  await expect(page.getByTestId("page-announcement")).toHaveText(
    `Job “${name}” started. This is its page.`,
  );
  await expect(page.getByTestId("page-announcement")).toHaveAttribute("role", "status");
});
