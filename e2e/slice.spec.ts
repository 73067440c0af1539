import { expect, test } from "@playwright/test";

import { JobFormPage } from "./pages/job-form";
import { withTimeScale } from "./service";

/**
 * The thin slice of issue 2, end to end: the list shows the demo jobs, a new
 * S3 job goes from the form to its own page, its status moves on without a
 * reload, the relevance chart and recall appear, and the list shows it.
 */
test("a marketer starts a job from the list, watches it finish and finds it in the list", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Record every status the job page shows, from the server's first HTML on.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
    const record = () => {
      const status = document.querySelector("main [data-status]")?.getAttribute("data-status");
      if (status && seen[seen.length - 1] !== status) seen.push(status);
    };
    new MutationObserver(record).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });

  await page.goto("/");
  await expect(page).toHaveURL("/");
  const demoJobs = page.getByRole("table").getByRole("link");
  await expect(demoJobs.first()).toBeVisible();
  expect(await demoJobs.count()).toBeGreaterThanOrEqual(3);

  await page.getByRole("link", { name: "New job" }).first().click();
  await expect(page).toHaveURL("/jobs/new");
  const form = new JobFormPage(page);
  const name = `Slice sports fans ${Date.now()}`;
  await form.name.fill(name);
  await form.chooseModel("Retail lookalikes");
  await form.s3Uri.fill("s3://demo-seeds/sports-fans.jsonl");
  await form.roleArn.fill("arn:aws:iam::111122223333:role/CleanRoomsMLSeedReader");
  // Client-side navigation keeps the document: forget what the list showed.
  await page.evaluate(
    () => ((window as unknown as { seenStatuses: string[] }).seenStatuses.length = 0),
  );
  // Slow enough that each status lasts past a poll or two (pending ~2.5 s, generating ~15 s). The
  // service decides the generating time when its computation ends, so the slow speed holds until ACTIVE.
  await withTimeScale(2, async () => {
    await form.submit.click();
    await expect(page).toHaveURL(/\/jobs\/us-east-1\/111122223333\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.locator('main [data-status="ACTIVE"]')).toBeVisible({ timeout: 60_000 });
  });
  // One document saw every status (a reload would have started the record afresh).
  const seen = await page.evaluate(
    () => (window as unknown as { seenStatuses: string[] }).seenStatuses,
  );
  expect(seen).toEqual(["CREATE_PENDING", "CREATE_IN_PROGRESS", "ACTIVE"]);

  const relevance = page.getByRole("region", { name: "Relevance by audience size" });
  await expect(relevance.getByRole("img")).toBeVisible();
  await expect(relevance.getByRole("table")).toBeVisible();
  await expect(relevance.getByRole("row")).toHaveCount(5); // a header and the model's 4 size bins
  await expect(page.getByText("Recall", { exact: false }).first()).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page).toHaveURL("/");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name }) });
  await expect(row.locator('[data-status="ACTIVE"]')).toBeVisible();
});

test("a job link for a job that does not exist shows a not-found page with a way back", async ({
  page,
}) => {
  await page.goto("/jobs/us-east-1/111122223333/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    /not found|can.t find|does not exist/i,
  );
  await page.getByRole("main").getByRole("link", { name: /jobs/i }).first().click();
  await expect(page).toHaveURL("/");
});
