import { expect, test } from "@playwright/test";

import { startOwnStack, type OwnStack } from "./own-stack";
import { JobsListPage } from "./pages/jobs-list";

/**
 * A team's first visit: models are shared with them but nobody has started a
 * job. The run's shared service always holds demo jobs, so this spec brings a
 * service of its own started without them (EMULATOR_DEMO_JOBS=0).
 */
let stack: OwnStack;

test.describe("the list on first use", () => {
  test.describe.configure({ timeout: 240_000 });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    stack = await startOwnStack({ EMULATOR_DEMO_JOBS: "0" });
  });

  test.afterAll(async () => {
    await stack.stop();
  });

  test("with no jobs yet the list leads to New job, not to an empty table", async ({ page }) => {
    const list = new JobsListPage(page);
    await page.goto(`${stack.appUrl}/`);
    await expect(page).toHaveURL(`${stack.appUrl}/`);
    await expect(list.noJobsYet).toBeVisible();
    await expect(list.noMatch).toHaveCount(0);
    await expect(list.table).toHaveCount(0);

    await page.getByRole("main").getByRole("link", { name: "New job", exact: true }).last().click();
    await expect(page).toHaveURL(`${stack.appUrl}/jobs/new`);
  });
});
