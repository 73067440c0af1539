import { expect, test } from "@playwright/test";

import { DEMO_CONFIGURED_MODELS } from "../emulator/demo/catalog";
import { ListAudienceExportJobsCommand, ListTagsForResourceCommand } from "../lib/cleanrooms-ml";
import { JobPage, startJob, waitForJobStatus } from "./pages/job-page";
import { serviceClient } from "./service";

/** Exporting an audience and editing tags from the job page, each on a job of its own. */

test("a marketer exports one audience size and watches the export reach Active with its output location", async ({
  page,
}) => {
  const client = serviceClient();
  const arn = await startJob(client, { name: "Job to export", speed: "fast" });
  await waitForJobStatus(client, arn, "ACTIVE");
  const job = new JobPage(page);
  await job.goto(arn);
  await expect(job.exports).toContainText("No exports yet.");

  const size = job.exports.getByLabel("Audience size");
  // Each size reads with its relevance score (and the suggested one says so).
  const options = await size.locator("option").allTextContents();
  expect(options.map((o) => o.split(" · ")[0])).toEqual([
    "Choose a size…",
    "5,000 users",
    "10,000 users",
    "25,000 users",
    "50,000 users",
  ]);
  for (const option of options.slice(1)) expect(option).toMatch(/ · score \d+\.\d\d/);

  // The name is required and follows the API's rule.
  const name = job.exports.getByLabel("Export name");
  await name.fill("");
  await job.exports.getByRole("button", { name: "Export audience" }).click();
  await expect(job.exports.getByText("Choose an audience size")).toBeVisible();
  await expect(job.exports.getByText("Name is required")).toBeVisible();

  await size.selectOption("ABSOLUTE:10000");
  await name.fill("Spring sports – 10k");
  await job.exports.getByRole("button", { name: "Export audience" }).click();
  await expect(job.exports.getByText("Export “Spring sports – 10k” started.")).toBeVisible();

  const row = job.exportRow("Spring sports – 10k");
  await expect(row).toBeVisible();
  await expect(row).toContainText("10,000 users");
  await expect(row.locator('[data-export-status="ACTIVE"]')).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText(`Output: ${DEMO_CONFIGURED_MODELS.retailAbsolute.outputS3Uri}`);

  // What the page shows is what the service holds.
  const { audienceExportJobs } = await client.send(
    new ListAudienceExportJobsCommand({ audienceGenerationJobArn: arn }),
  );
  expect(audienceExportJobs).toHaveLength(1);
  expect(audienceExportJobs[0]).toMatchObject({
    name: "Spring sports – 10k",
    status: "ACTIVE",
    audienceSize: { type: "ABSOLUTE", value: 10_000 },
  });
  await expect(row).toContainText(audienceExportJobs[0]!.outputLocation!);
});

test("a marketer adds, changes and removes tags with the form's rules, and sees the service's tags", async ({
  page,
}) => {
  const client = serviceClient();
  const arn = await startJob(client, {
    name: "Job to tag",
    speed: "fast",
    configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
    tags: { team: "growth", campaign: "spring" },
  });
  await waitForJobStatus(client, arn, "ACTIVE");
  const job = new JobPage(page);
  await job.goto(arn);
  const list = job.tags.getByRole("list", { name: "Tags" });
  await expect(list.getByRole("listitem")).toHaveText(["campaign = spring", "team = growth"]);

  await job.tags.getByRole("button", { name: "Edit tags" }).click();
  // campaign: spring → summer; team removed; owner added.
  await job.tags.getByRole("textbox", { name: "Tag 1 Value" }).fill("summer");
  await job.tags.getByRole("button", { name: "Remove tag 2" }).click();
  await job.tags.getByRole("button", { name: "Add tag" }).click();
  await job.tags.getByRole("textbox", { name: "Tag 2 Key" }).fill("aws:owner");
  await job.tags.getByRole("button", { name: "Add tag" }).click();
  await job.tags.getByRole("textbox", { name: "Tag 3 Key" }).fill("campaign");
  await job.tags.getByRole("button", { name: "Save tags" }).click();
  // The same rules as the start form: reserved prefix, unique keys.
  await expect(
    job.tags.getByText("Tag keys starting with aws: (in any case) are reserved for AWS"),
  ).toBeVisible();
  await expect(job.tags.getByText("Each tag must have a unique key")).toBeVisible();

  await job.tags.getByRole("textbox", { name: "Tag 2 Key" }).fill("owner");
  await job.tags.getByRole("textbox", { name: "Tag 2 Value" }).fill("ana");
  await job.tags.getByRole("button", { name: "Remove tag 3" }).click();
  await job.tags.getByRole("button", { name: "Save tags" }).click();

  await expect(job.tags.getByText("Tags saved.")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveText(["campaign = summer", "owner = ana"]);
  const { tags } = await client.send(new ListTagsForResourceCommand({ resourceArn: arn }));
  expect(tags).toEqual({ campaign: "summer", owner: "ana" });

  // A reload shows the same: the tags live in the service, not in the page.
  await page.reload();
  await expect(list.getByRole("listitem")).toHaveText(["campaign = summer", "owner = ana"]);
});
