import { expect, test, type Page } from "@playwright/test";

import {
  DEMO_ANALYSIS_TEMPLATES,
  DEMO_CONFIGURED_MODELS,
  DEMO_JOB_ARNS,
  DEMO_MODEL_ASSOCIATIONS,
  DEMO_PROTECTED_QUERY_IDS,
  DEMO_SEED_URIS,
} from "../emulator/demo/catalog";
import { jobPath } from "../lib/job-url";
import { JobPage } from "./pages/job-page";

/**
 * The job page's link and what it shows, on the demo jobs of the local
 * service (finished before the run starts, never changed by other specs).
 */

test("a teammate opens a shared job link and sees where the job stands, its relevance and its recall", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const job = new JobPage(page);
  await job.goto(DEMO_JOB_ARNS.sportsFans);

  await expect(job.heading).toHaveText("Sports fans lookalike");
  await expect(job.status("ACTIVE")).toBeVisible();
  await expect(job.statusPanel).toContainText("The audience is ready");
  await expect(job.updatedAgo).toBeVisible();

  // The metrics: chart, the same numbers in a table, sizes in order, and recall with its meaning.
  await expect(job.chart).toHaveAttribute("aria-label", /relevance score by audience size/i);
  await expect(job.relevance.locator(".recharts-wrapper")).toBeVisible({ timeout: 20_000 });
  await expect(job.metricsTable.locator("caption")).toContainText(
    "Relevance score for each audience size",
  );
  await expect(
    job.metricsTable.getByRole("columnheader", { name: "Audience size (users)" }),
  ).toBeVisible();
  const sizes = await job.metricsTable.getByRole("rowheader").allTextContents();
  expect(sizes).toEqual(["5,000", "10,000", "25,000", "50,000"]);
  await expect(job.relevance.getByText("Recall", { exact: true })).toBeVisible();
  await expect(job.relevance).toContainText("no better than picking users at random");

  // Everything else the service returns.
  await expect(job.details).toContainText(/Created\s*\w{3} \d+, \d{4}, .*(UTC|GMT)/);
  await expect(job.details).toContainText(/ago/);
  await expect(job.details).toContainText("Account 111122223333");
  await expect(job.seed).toContainText(DEMO_SEED_URIS.sportsFans);

  // The model's name leads to its details.
  await job.details.getByRole("link", { name: DEMO_CONFIGURED_MODELS.retailAbsolute.name }).click();
  await expect(page).toHaveURL((url) => url.hash === "#configured-model");
  await expect(job.model).toContainText("Minimum seed match");
  await expect(job.model).toContainText("Shared: relevance scores and recall are shown");
  for (const size of ["5,000 users", "10,000 users", "25,000 users", "50,000 users"]) {
    await expect(job.model.getByText(size, { exact: true })).toBeVisible();
  }

  // Copy link: the plain URL of this page.
  await job.copyLink.click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(new URL(jobPath(DEMO_JOB_ARNS.sportsFans), baseURL).toString());

  // The link alone opens the same job in a fresh browser context (a teammate's browser).
  const teammate = await (await page.context().browser()!.newContext()).newPage();
  await teammate.goto(copied);
  await expect(teammate).toHaveURL(copied);
  await expect(teammate.getByRole("heading", { level: 1 })).toHaveText("Sports fans lookalike");
  await teammate.context().close();
});

test("a job seeded by SQL shows its query, parameters, compute and protected query", async ({
  page,
}) => {
  const job = new JobPage(page);
  await job.goto(DEMO_JOB_ARNS.travelSql);
  await expect(job.seed).toContainText("From a SQL query");
  await expect(job.seed).toContainText("SELECT");
  await expect(job.seed.getByText("Workers")).toBeVisible();
  await expect(job.details).toContainText(DEMO_PROTECTED_QUERY_IDS.travelSql!);

  await job.goto(DEMO_JOB_ARNS.gamersTemplate);
  await expect(job.seed).toContainText(DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn);
  await expect(job.seed.getByRole("table", { name: "Query parameters" })).toContainText("segment");
});

test("a percentage model's sizes read as percentages and recall is compared with random", async ({
  page,
}) => {
  const job = new JobPage(page);
  await job.goto(DEMO_JOB_ARNS.randomBaseline);
  await expect(job.status("ACTIVE")).toBeVisible();
  await expect(
    job.metricsTable.getByRole("columnheader", { name: "Audience size (% of users)" }),
  ).toBeVisible();
  expect(await job.metricsTable.getByRole("rowheader").allTextContents()).toEqual([
    "5%",
    "10%",
    "20%",
    "30%",
    "50%",
  ]);
  // A random seed: recall about the largest size's share (50%) means no better than random.
  await expect(job.relevance).toContainText("(here 50%)");
  await expect(job.relevance).toContainText("about as good as a random pick");
});

test("a job whose model does not share metrics says so instead of drawing an empty chart", async ({
  page,
}) => {
  const job = new JobPage(page);
  await job.goto(DEMO_JOB_ARNS.gamersTemplate);
  await expect(job.status("ACTIVE")).toBeVisible();
  await expect(job.relevance).toContainText("The model's owner does not share metrics");
  await expect(job.chart).toHaveCount(0);
  await expect(job.metricsTable).toHaveCount(0);
  // The publisher's model: named by its association and owner, its facts kept by the owner.
  const association = DEMO_MODEL_ASSOCIATIONS.find(
    (a) => a.model === DEMO_CONFIGURED_MODELS.streamingReach,
  )!;
  await expect(job.model).toContainText(association.name);
  await expect(job.model).toContainText("Example Streaming (444455556666), partner's");
  await expect(job.model).toContainText("only through its results");
  // Neither the model nor the job's metrics name a size: one is typed, checked against the API's limits.
  const size = job.exports.getByRole("textbox", { name: "Audience size" });
  await size.fill("0");
  await job.exports.getByRole("button", { name: "Export audience" }).click();
  await expect(job.exports).toContainText("Audience size must be at least 1");
  await size.fill("2500");
  await expect(job.exports).not.toContainText("Audience size must be at least 1");
  await job.exports.getByRole("button", { name: "Export audience" }).click();
  await expect(job.exports.getByRole("status")).toContainText("started");
});

test("a failed job shows the stable status code and the message, and what to do next", async ({
  page,
}) => {
  const job = new JobPage(page);
  await job.goto(DEMO_JOB_ARNS.tooSmall);
  await expect(job.status("CREATE_FAILED")).toBeVisible();
  await expect(job.statusPanel).toContainText("Why it failed");
  await expect(job.statusPanel.locator("code")).toHaveText(/^[A-Z_]+$/);
  await expect(job.relevance).toContainText("The job failed");
  await expect(job.exports).toContainText("A failed job has no audience to export.");
  await expect(job.deleteButton).toBeVisible();
  await expect(job.startSimilar).toHaveAttribute(
    "href",
    `/jobs/new?from=${encodeURIComponent(DEMO_JOB_ARNS.tooSmall)}`,
  );
});

test("another member's job shows that the seed is not shared and offers no changes", async ({
  page,
}) => {
  const job = new JobPage(page);
  await job.goto(DEMO_JOB_ARNS.partnerFitness);
  await expect(job.status("ACTIVE")).toBeVisible();
  await expect(job.seed).toContainText("does not show the seed audience");
  await expect(job.page.getByText("Another member's job")).toBeVisible();
  await expect(job.deleteButton).toHaveCount(0);
  await expect(job.tags.getByRole("button", { name: "Edit tags" })).toHaveCount(0);
  await expect(job.exports).toContainText("Only the account that owns this job can export");
});

test("start similar job opens the form filled from this job", async ({ page }) => {
  const job = new JobPage(page);
  await job.goto(DEMO_JOB_ARNS.sportsFans);
  await job.startSimilar.click();
  await expect(page).toHaveURL(
    (url) =>
      url.pathname === "/jobs/new" && url.searchParams.get("from") === DEMO_JOB_ARNS.sportsFans,
  );
  // The form (another page) starts from this job's settings under a new name.
  // The copy carries the day it is made (yyyy-mm-dd), not "(copy)".
  await expect(page.getByLabel("Job name")).toHaveValue(
    /^Sports fans lookalike \d{4}-\d{2}-\d{2}$/,
  );
  await expect(page.getByLabel("S3 URI")).toHaveValue(DEMO_SEED_URIS.sportsFans);
});

async function expectNotFound(page: Page) {
  await expect(
    page.getByRole("heading", { level: 1, name: "We can't find this job" }),
  ).toBeVisible();
  // The navigation stays, with a way back.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.getByRole("link", { name: "Back to all jobs" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
}

test("a malformed job link gets a not-found page with a way back", async ({ page }) => {
  const response = await page.goto("/jobs/us-east-1/not-an-account/some-job");
  // Decided before anything streams, so the status says it too (a crawler, a link checker, curl).
  expect(response?.status()).toBe(404);
  await expect(page).toHaveURL(/\/jobs\/us-east-1\/not-an-account\/some-job$/);
  await expectNotFound(page);
});

test("a link to a job the service does not know gets a not-found page with a way back", async ({
  page,
}) => {
  const path = "/jobs/us-east-1/111122223333/00000000-0000-4000-8000-000000000000";
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page).toHaveURL((url) => url.pathname === path);
  await expect(page).toHaveTitle(/Job not found/);
  await expectNotFound(page);
});

test("the chart library is loaded by the job page only", async ({ page }) => {
  const scripts: { url: string; page: string; recharts: boolean }[] = [];
  let current = "";
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const body = await response.text().catch(() => "");
    scripts.push({
      url: response.url(),
      page: current,
      recharts: body.includes("recharts-wrapper"),
    });
  });

  for (const path of ["/", "/jobs/new"]) {
    current = path;
    await page.goto(path);
    await expect(page).toHaveURL((url) => url.pathname === path);
    await page.waitForLoadState("networkidle");
  }
  current = "job";
  const job = new JobPage(page);
  await job.goto(DEMO_JOB_ARNS.sportsFans);
  await expect(job.relevance.locator(".recharts-wrapper")).toBeVisible({ timeout: 20_000 });
  await page.waitForLoadState("networkidle");

  expect(scripts.filter((s) => s.page !== "job" && s.recharts)).toEqual([]);
  expect(scripts.some((s) => s.page === "job" && s.recharts)).toBe(true);
});
