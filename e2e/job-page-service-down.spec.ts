import { expect, test } from "@playwright/test";

import { DEMO_JOB_ARNS } from "../emulator/demo/catalog";
import { jobPath } from "../lib/job-url";
import { startOwnStack, type OwnStack } from "./own-stack";

/**
 * A shared job link opened while the service cannot be reached: an error page
 * with "Try again", the navigation still there, and the job back once the
 * service is. Uses a service and dashboard of its own (e2e/own-stack.ts).
 */
let stack: OwnStack;

test.describe("the job page when the service is down", () => {
  test.describe.configure({ timeout: 240_000 });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    stack = await startOwnStack();
  });

  test.afterAll(async () => {
    await stack.stop();
  });

  test("a job link says it could not load the job, keeps the navigation, and tries again", async ({
    page,
  }) => {
    const url = `${stack.appUrl}${jobPath(DEMO_JOB_ARNS.sportsFans)}`;
    await stack.stopService();
    await page.goto(url);
    await expect(page).toHaveURL(url);
    await expect(
      page.getByRole("heading", { level: 1, name: "This job could not be loaded" }),
    ).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }),
    ).toBeVisible();

    await stack.startService();
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Sports fans lookalike" }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveURL(url);
  });
});
