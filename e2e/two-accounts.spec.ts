import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";

import {
  DEMO_COLLABORATION_ID,
  DEMO_CONFIGURED_MODELS,
  DEMO_MODEL_ASSOCIATIONS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "../emulator/demo/catalog";
import { jobPath } from "../lib/job-url";
import { startAccountDashboard } from "./own-stack";
import { associationOption, JobFormPage } from "./pages/job-form";
import { JobPage } from "./pages/job-page";
import { JobsListPage } from "./pages/jobs-list";

/**
 * The marketer's real world (docs/ARCHITECTURE.md, "Two accounts"): the
 * advertiser AnyCompany Retail (the run's dashboard, account 111122223333)
 * starts a job on the publisher Example Streaming's model by picking only,
 * watches it, reads its chart and exports a size; then the publisher's own
 * dashboard (account 444455556666 of the same local service) shows the same
 * job under its ARN and name, who started it, and the model's policy in words.
 */

const ADVERTISER = "111122223333";
const PUBLISHER = "444455556666";
const MODEL = DEMO_CONFIGURED_MODELS.streamingLookalikes;
const ASSOCIATION = DEMO_MODEL_ASSOCIATIONS.find((a) => a.model === MODEL)!;

test("an advertiser starts a job on the publisher's model, exports a size, and the publisher sees it from its side", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const name = `Streaming lookalikes ${randomUUID().slice(0, 8)}`;

  // The advertiser picks the partner's model; its collaboration comes with it.
  const form = new JobFormPage(page);
  await form.goto();
  await form.name.fill(name);
  await form.chooseModel(associationOption(ASSOCIATION));
  await expect(form.modelFacts).toContainText("Example Streaming, partner's");
  await expect(form.modelFacts).toContainText("only through its results");
  await expect(form.modelFacts.getByRole("alert")).toHaveCount(0);
  await expect(form.collaborationId).toHaveValue(DEMO_COLLABORATION_ID);
  await form.s3Uri.fill(DEMO_SEED_URIS.sportsFans);
  await form.roleArn.fill(DEMO_SEED_ROLE_ARN);
  const arn = await form.startAndOpenJob();
  expect(arn.split(":")[4]).toBe(ADVERTISER);

  // Watched to the end, its chart read, the model named by its association and owner.
  const job = new JobPage(page);
  await expect(job.status("ACTIVE")).toBeVisible({ timeout: 120_000 });
  await expect(job.chart).toBeVisible();
  await expect(job.metricsTable).toContainText("2,000");
  await expect(job.model).toContainText(ASSOCIATION.name);
  await expect(job.model).toContainText(`Example Streaming (${PUBLISHER}), partner's`);
  await expect(job.model).toContainText("only through its results");

  // Exported at a size the job's metrics name (the model's sizes are the partner's to keep).
  const size = job.exports.getByLabel("Audience size");
  await size.selectOption("ABSOLUTE:5000");
  await expect(size.locator("option:checked")).toHaveText(/^5,000 users · score/);
  await job.exports.getByRole("button", { name: "Export audience" }).click();
  await expect(job.exports.getByRole("status")).toContainText("started");

  // The publisher's view: a dashboard of its own, signing as its account.
  const publisher = await startAccountDashboard(PUBLISHER);
  const context = await browser.newContext({ baseURL: publisher.appUrl });
  try {
    const theirs = await context.newPage();
    const list = new JobsListPage(theirs);
    await list.goto();
    const theirName = `${ADVERTISER}-${name}`;
    await list.search.fill(theirName);
    const row = list.row(theirName);
    await expect(row).toBeVisible();
    await expect(row).toContainText("AnyCompany Retail");

    const theirArn = arn.replace(`:${ADVERTISER}:`, `:${PUBLISHER}:`);
    await row.getByRole("link", { name: theirName }).click();
    await expect(theirs).toHaveURL((url) => url.pathname === jobPath(theirArn));
    const theirJob = new JobPage(theirs);
    await expect(theirJob.heading).toHaveText(theirName);
    await expect(theirJob.seed).toContainText("does not show the seed audience");
    await expect(theirs.getByText("Another member's job")).toBeVisible();
    await expect(theirJob.deleteButton).toHaveCount(0);
    // The model is the publisher's own: its facts, and who may use it, in words.
    await expect(theirJob.model).toContainText("2,000");
    await expect(theirJob.model).toContainText(
      `AnyCompany Retail (${ADVERTISER}) may start audience generation jobs on this model, in the collaboration Retail and streaming lookalikes only.`,
    );

    // Each account reaches the job only through its own ARN.
    const denied = await theirs.request.get(
      `${publisher.appUrl}/api/job?arn=${encodeURIComponent(arn)}`,
    );
    expect(denied.ok()).toBe(false);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe(
      "AccessDeniedException",
    );
  } finally {
    await context.close();
    await publisher.stop();
  }
});
