import { expect, test } from "@playwright/test";

import { DEMO_CONFIGURED_MODELS, DEMO_JOB_ARNS } from "../emulator/demo/catalog";
import { jobPath } from "../lib/job-url";
import { JobsListPage, newCollaborationId, startJob, startJobs } from "./pages/jobs-list";
import { serviceClient } from "./service";

/**
 * The jobs list against the run's shared local service. Each test works in a
 * collaboration of its own (a fresh collaboration ID, a service-side filter),
 * so the demo jobs and other specs' jobs never change what it sees.
 */

test("a marketer sees the jobs newest first, with links, status badges, model names and times", async ({
  page,
}) => {
  const list = new JobsListPage(page);
  const collaborationId = newCollaborationId();
  const client = serviceClient();
  await startJob(client, { name: "Older spring job", collaborationId, speed: "failing" });
  await startJob(client, { name: "Newer spring job", collaborationId, speed: "failing" });

  await list.goto(`?collaboration=${collaborationId}`);
  await expect(list.rows()).toHaveCount(2);
  expect(await list.names()).toEqual(["Newer spring job", "Older spring job"]);
  const row = list.row("Newer spring job");
  await expect(row).toContainText(DEMO_CONFIGURED_MODELS.retailAbsolute.name);
  await expect(row.locator("time").first()).toHaveAttribute("title", /\d{4}/);

  await list.sortBy("Name").click();
  await expect(page).toHaveURL(/sort=name/);
  expect(await list.names()).toEqual(["Newer spring job", "Older spring job"]);
  await list.sortBy("Created").click();
  await expect(page).toHaveURL(/sort=-created|^(?!.*sort=)/);
  await list.sortBy("Created").click();
  await expect(page).toHaveURL(/sort=created/);
  expect(await list.names()).toEqual(["Older spring job", "Newer spring job"]);

  await list.jobLink("Older spring job").click();
  await expect(page).toHaveURL(/\/jobs\/us-east-1\/\d{12}\//, { timeout: 30_000 });
});

test("a failed job's row says why, and the rare status filters show only when they can find something", async ({
  page,
}) => {
  const list = new JobsListPage(page);
  const collaborationId = newCollaborationId();
  await startJob(serviceClient(), { name: "Too small seed", collaborationId, speed: "failing" });

  await list.goto(`?collaboration=${collaborationId}`);
  await expect(list.status("Too small seed")).toHaveAttribute("data-status", "CREATE_FAILED");
  // The status code and the start of the service's message, under the name.
  await expect(list.row("Too small seed").locator("[data-failure-reason]")).toHaveText(
    /^[A-Z][A-Z_]+: \S.+/,
  );
  await expect(list.statusFilter("Failed")).toBeVisible();
  await expect(list.statusFilter("Deleting")).toHaveCount(0);
  await expect(list.statusFilter("Delete failed")).toHaveCount(0);

  // A link that filters by a rare status shows that filter, on, so it can be turned off.
  await list.goto(`?collaboration=${collaborationId}&status=DELETE_FAILED`);
  await expect(list.statusFilter("Delete failed")).toBeChecked();
  await expect(list.statusFilter("Deleting")).toHaveCount(0);
});

test.describe("a reader far from UTC", () => {
  test.use({ timezoneId: "Asia/Kolkata" });

  test("sees times in their own zone, with UTC and the exact ISO time on hover and in the job's details", async ({
    page,
  }) => {
    const list = new JobsListPage(page);
    const collaborationId = newCollaborationId();
    await startJob(serviceClient(), { name: "Zoned job", collaborationId, speed: "failing" });

    await list.goto(`?collaboration=${collaborationId}`);
    const title = /^\w{3} \d+, \d{4}, [\d:]+ [AP]M GMT\+5:30\n.+ UTC\n\d{4}-\d\d-\d\dT[\d:.]+Z$/;
    await expect(
      list.row("Zoned job").getByRole("cell").nth(4).locator("time").first(),
    ).toHaveAttribute("title", title);

    await list.jobLink("Zoned job").click();
    await expect(page).toHaveURL(/\/jobs\/us-east-1\/\d{12}\//, { timeout: 30_000 });
    const created = page
      .locator("dt", { hasText: /^Created$/ })
      .locator("xpath=following-sibling::dd");
    await expect(created.locator("time").first()).toHaveText(/GMT\+5:30$/);
    await expect(created.locator("time").first()).toHaveAttribute("title", title);
    await expect(created.locator("[data-exact-time]")).toHaveText(
      /^\w{3} \d+, \d{4}, [\d:]+ [AP]M UTC · \d{4}-\d\d-\d\dT[\d:.]+Z$/,
    );
  });
});

test("a job started in another tab appears when the marketer comes back to the list", async ({
  page,
  context,
}) => {
  const list = new JobsListPage(page);
  const collaborationId = newCollaborationId();
  await list.goto(`?collaboration=${collaborationId}`);
  await expect(list.noMatch).toBeVisible();

  // The marketer switches to another tab and a job is started there (through the service, as the form would).
  await list.setTabVisible(false);
  const other = await context.newPage();
  await other.goto("/");
  await expect(other).toHaveURL("/");
  await startJob(serviceClient(), {
    name: "Started in another tab",
    collaborationId,
    speed: "slow",
  });
  await other.close();
  await expect(list.jobLink("Started in another tab")).toHaveCount(0);

  // Back to the list's tab: it refreshes by itself.
  await page.bringToFront();
  await list.setTabVisible(true);

  await expect(list.jobLink("Started in another tab")).toBeVisible({ timeout: 15_000 });
});

test("an in-flight row turns Active without a reload", async ({ page }) => {
  const list = new JobsListPage(page);
  const collaborationId = newCollaborationId();
  await startJob(serviceClient(), { name: "Watch me finish", collaborationId, speed: "slow" });

  await list.goto(`?collaboration=${collaborationId}`);
  await expect(list.status("Watch me finish")).toHaveAttribute(
    "data-status",
    /^CREATE_(PENDING|IN_PROGRESS)$/,
  );
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  await expect(list.status("Watch me finish")).toHaveAttribute("data-status", "ACTIVE", {
    timeout: 30_000,
  });
  expect(
    await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
  ).toBe(true);
});

test("filters and search live in the URL: back/forward and a pasted link restore the view", async ({
  page,
  context,
}) => {
  const list = new JobsListPage(page);
  const collaborationId = newCollaborationId();
  const client = serviceClient();
  await startJob(client, { name: "Spring sale fans", collaborationId, speed: "failing" });
  await startJob(client, { name: "Spring sale lapsed", collaborationId, speed: "failing" });
  await startJob(client, { name: "Winter travellers", collaborationId, speed: "failing" });

  await list.goto();
  await list.filterByCollaboration(collaborationId);
  await expect(list.rows()).toHaveCount(3);
  await expect(list.status("Winter travellers")).toHaveAttribute("data-status", "CREATE_FAILED", {
    timeout: 20_000,
  });

  await list.search.fill("spring");
  await expect(page).toHaveURL(/q=spring/);
  await expect(list.rows()).toHaveCount(2);
  await list.statusFilter("Failed").check();
  await expect(page).toHaveURL(/status=CREATE_FAILED/);
  await list.sortBy("Name").click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(list.rows()).toHaveCount(2);
  expect(await list.names()).toEqual(["Spring sale fans", "Spring sale lapsed"]);
  const shared = page.url();

  // Back undoes the last change (the order), then the status filter; forward redoes it.
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=name/);
  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(list.statusFilter("Failed")).not.toBeChecked();
  await page.goForward();
  await expect(page).toHaveURL(/status=CREATE_FAILED/);
  await expect(list.statusFilter("Failed")).toBeChecked();

  // A teammate opens the shared link: same filters, same search, same order.
  const teammate = await context.newPage();
  const theirs = new JobsListPage(teammate);
  await teammate.goto(shared);
  await expect(teammate).toHaveURL(shared);
  await expect(theirs.search).toHaveValue("spring");
  await expect(theirs.statusFilter("Failed")).toBeChecked();
  await expect(theirs.collaboration).toHaveValue(collaborationId);
  await expect(theirs.table.getByRole("columnheader", { name: "Name" })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  expect(await theirs.names()).toEqual(["Spring sale fans", "Spring sale lapsed"]);
});

test("a filter the service answers with no jobs shows “no match” and clears back to every job", async ({
  page,
}) => {
  const list = new JobsListPage(page);
  await list.goto(`?collaboration=${newCollaborationId()}`);
  await expect(list.noMatch).toBeVisible();
  await expect(list.noJobsYet).toHaveCount(0);
  await list.clearFilters.click();
  await expect(page).toHaveURL((url) => url.pathname === "/" && url.search === "");
  await expect(list.table).toBeVisible();
  await expect(list.collaboration).toHaveValue("");
});

test("choosing a model asks the service for that model's jobs only", async ({ page }) => {
  const list = new JobsListPage(page);
  const collaborationId = newCollaborationId();
  const client = serviceClient();
  await startJob(client, { name: "Retail job", collaborationId, speed: "failing" });
  // Both of our own models: a partner's model takes jobs only in the demo collaboration.
  await startJob(client, {
    name: "Share job",
    collaborationId,
    speed: "failing",
    configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
  });
  await list.goto(`?collaboration=${collaborationId}`);
  await expect(list.rows()).toHaveCount(2);
  await list.model.selectOption({ label: DEMO_CONFIGURED_MODELS.retailPercentage.name });
  await expect(page).toHaveURL(
    (url) => url.searchParams.get("model") === DEMO_CONFIGURED_MODELS.retailPercentage.arn,
  );
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row("Share job")).toContainText(DEMO_CONFIGURED_MODELS.retailPercentage.name);
});

test("a link with values the list cannot read still opens, and says what it ignored", async ({
  page,
}) => {
  const list = new JobsListPage(page);
  await page.goto("/?status=ACTIVE,DONE&sort=size&collaboration=nope");
  await expect(list.heading).toBeVisible();
  const note = page.getByRole("status").filter({ hasText: "Part of this link was not understood" });
  await expect(note).toContainText("“DONE” is not known");
  await expect(note).toContainText("“size”");
  await expect(note).toContainText("“nope” is not a collaboration ID");
  await expect(list.statusFilter("Active")).toBeChecked();
});

test("pasting a job ARN into the search opens that job", async ({ page }) => {
  const list = new JobsListPage(page);
  await list.goto();
  await list.search.fill(DEMO_JOB_ARNS.sportsFans);
  await expect(page).toHaveURL(jobPath(DEMO_JOB_ARNS.sportsFans), { timeout: 30_000 });
});

test("paging: more than 100 jobs are all reachable with “Load more jobs”", async ({ page }) => {
  test.setTimeout(120_000);
  const list = new JobsListPage(page);
  const collaborationId = newCollaborationId();
  await startJobs(serviceClient(), "Paging job", 105, collaborationId);

  await list.goto(`?collaboration=${collaborationId}`);
  await expect(list.rows()).toHaveCount(100);
  await expect(page.getByText("100 jobs loaded so far, more to load")).toBeVisible();
  await expect(list.jobLink("Paging job 105")).toBeVisible();
  await expect(list.jobLink("Paging job 001")).toHaveCount(0);

  await list.loadMore.click();
  // Past 100 rows the table renders those in and near the window, and counts them all for screen readers.
  await expect(list.table).toHaveAttribute("aria-rowcount", "106");
  await expect(list.rows().count()).resolves.toBeLessThan(105);
  await expect(page.getByText("Every job is loaded.")).toBeVisible();
  // The last one is there once scrolled to, in its place.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(list.jobLink("Paging job 001")).toBeVisible();
  await expect(list.row("Paging job 001")).toHaveAttribute("aria-rowindex", "106");
  await expect(list.loadMore).toHaveCount(0);

  // Search covers the loaded pages, the second one included.
  await list.search.fill("job 003");
  await expect(list.rows()).toHaveCount(1);
  await expect(list.jobLink("Paging job 003")).toBeVisible();
});
