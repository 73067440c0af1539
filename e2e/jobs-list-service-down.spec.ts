import { expect, test } from "@playwright/test";

import { startOwnStack, type OwnStack } from "./own-stack";
import { JobsListPage } from "./pages/jobs-list";

/**
 * The list when the Clean Rooms ML service is down. Stopping the run's shared
 * service would break the other specs, so this spec brings its own service
 * and dashboard (e2e/own-stack.ts) and stops and restarts only that service.
 */

let stack: OwnStack;

test.describe("the list when the service is down", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    stack = await startOwnStack();
  });

  test.afterAll(async () => {
    await stack.stop();
  });

  test("with the service stopped the list says so with “Try again”, and recovers once it is back", async ({
    page,
  }) => {
    const list = new JobsListPage(page);
    const home = `${stack.appUrl}/`;

    await page.goto(home);
    await expect(list.table).toBeVisible({ timeout: 60_000 });

    await stack.stopService();
    await page.goto(home);
    await expect(page).toHaveURL(home);
    await expect(list.heading).toBeVisible();
    await expect(list.error).toBeVisible();
    await expect(list.error).toContainText(/can't be reached|could not reach/i);
    await expect(list.error).toContainText(/running/);
    await expect(page.getByRole("link", { name: "New job" }).first()).toBeVisible();

    // Still down: "Try again" answers with the error again, not a blank page.
    await list.tryAgain.click();
    await expect(list.error).toBeVisible();
    await expect(list.tryAgain).toBeEnabled({ timeout: 30_000 });

    await stack.startService();
    await list.tryAgain.click();
    await expect(list.table).toBeVisible({ timeout: 30_000 });
    await expect(list.error).toHaveCount(0);
    await expect(list.rows().first()).toBeVisible();
  });
});
