import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";

import {
  DEMO_ANALYSIS_TEMPLATES,
  DEMO_COLLABORATION_ID,
  DEMO_CONFIGURED_MODELS,
  DEMO_JOB_ARNS,
  DEMO_MODEL_ASSOCIATIONS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "../emulator/demo/catalog";
import {
  GetAudienceGenerationJobCommand,
  ListAudienceGenerationJobsCommand,
  StartAudienceGenerationJobCommand,
} from "../lib/cleanrooms-ml";
import { serialize } from "../lib/json";
import { associationOption, JobFormPage } from "./pages/job-form";
import { screenshot } from "./screenshots";
import { serviceClient } from "./service";

/**
 * The start-job form against the run's shared local service. Each test names
 * its jobs (and, where it counts them, their collaboration) uniquely, so other
 * specs' jobs never change what it sees.
 */

const unique = () => randomUUID().slice(0, 8);

const RETAIL = DEMO_CONFIGURED_MODELS.retailAbsolute;
const BY_SHARE = DEMO_CONFIGURED_MODELS.retailPercentage;
/** The publisher's model, reached through its association with the demo collaboration. */
const STREAMING = DEMO_CONFIGURED_MODELS.streamingReach;
const STREAMING_OPTION = associationOption(
  DEMO_MODEL_ASSOCIATIONS.find((a) => a.model === STREAMING)!,
);

/** The job as GetAudienceGenerationJob returns it, without the response metadata. */
async function readJob(arn: string) {
  return serialize(
    await serviceClient().send(
      new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: arn }),
    ),
  );
}

test("a marketer starts a job from an S3 seed file and lands on its page", async ({ page }) => {
  const form = new JobFormPage(page);
  const name = `Sports fans ${unique()}`;
  await form.goto();
  await expect(form.heading).toHaveText("Start an audience job");

  await form.name.fill(name);
  await form.chooseModel(RETAIL.name);
  await expect(form.modelFacts).toContainText("500 users");
  await expect(form.modelFacts).toContainText(
    "5,000 users, 10,000 users, 25,000 users, 50,000 users",
  );
  await expect(form.modelFacts).toContainText("Shared");
  await expect(form.seedSource.getByRole("radio", { name: "S3 file" })).toBeChecked();
  await form.s3Uri.fill(DEMO_SEED_URIS.sportsFans);
  await form.roleArn.fill(DEMO_SEED_ROLE_ARN);
  await expect(form.workerType).toHaveCount(0);

  const preview = await form.previewRequest();
  expect(preview).toEqual({
    name,
    configuredAudienceModelArn: RETAIL.arn,
    seedAudience: { roleArn: DEMO_SEED_ROLE_ARN, dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans } },
  });
  await expect(form.cliCommand).toContainText("aws cleanroomsml start-audience-generation-job");
  await expect(form.cliCommand).toContainText(`--configured-audience-model-arn ${RETAIL.arn}`);

  const arn = await form.startAndOpenJob();
  const job = await readJob(arn);
  expect(job).toMatchObject(preview as Record<string, unknown>);
  expect(job.includeSeedInOutput ?? false).toBe(false);
});

test("a tag row added and left empty is left out of the request and does not block Start job", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  const name = `Empty row ${unique()}`;
  await form.goto();
  await form.name.fill(name);
  await form.chooseModel(RETAIL.name);
  await form.s3Uri.fill(DEMO_SEED_URIS.sportsFans);
  await form.roleArn.fill(DEMO_SEED_ROLE_ARN);
  await page.getByRole("button", { name: "Add tag", exact: true }).click();
  await expect(form.row("tag", 1).key).toBeFocused();

  expect(await form.previewRequest()).not.toHaveProperty("tags");
  await expect(form.requestJson).not.toContainText('""');
  const arn = await form.startAndOpenJob();
  expect((await readJob(arn)).tags ?? {}).not.toHaveProperty([""]);
});

test("a SQL-query job with parameters, worker settings and every option round-trips to the service", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  const name = `Travel SQL ${unique()}`;
  const collaborationId = randomUUID();
  const query =
    "SELECT user_id\nFROM customers\nWHERE segment = :segment AND region IN ('north', 'east')";
  await form.goto();

  await form.name.fill(name);
  await form.description.fill("North and east travellers,\nfor the summer push.");
  await form.chooseModel(BY_SHARE.name);
  await form.chooseSeedSource("SQL query");
  await expect(form.s3Uri).toHaveCount(0);
  await form.queryText.fill(query);
  await form.addRow("parameter", "segment", "travel");
  await form.roleArn.fill(DEMO_SEED_ROLE_ARN);
  await form.includeSeed.check();

  await form.chooseWorkerType("CR.4X");
  await expect(form.workerType.getByRole("radio", { name: "CR.4X" })).toHaveAccessibleDescription(
    /Four times the compute and memory of CR\.1X/,
  );
  await form.workerCount.fill("401");
  await form.workerCount.blur();
  expect(await form.errorOf(form.workerCount)).toContain("from 2 to 400");
  await form.workerCount.fill("12");
  await expect(form.workerCount).not.toHaveAttribute("aria-invalid");
  await expect(form.advancedCompute).toHaveAttribute("aria-expanded", "false");
  await form.advancedCompute.click();
  await form.addRow("Spark property", "spark.sql.shuffle.partitions", "64");

  await form.collaborationId.fill(collaborationId);
  await form.addRow("tag", "team", "travel");
  await form.addRow("tag", "quarter", "Q3 '25");

  const expected = {
    name,
    description: "North and east travellers,\nfor the summer push.",
    configuredAudienceModelArn: BY_SHARE.arn,
    seedAudience: {
      roleArn: DEMO_SEED_ROLE_ARN,
      sqlParameters: { queryString: query, parameters: { segment: "travel" } },
      sqlComputeConfiguration: {
        worker: {
          type: "CR.4X",
          number: 12,
          properties: { spark: { "spark.sql.shuffle.partitions": "64" } },
        },
      },
    },
    includeSeedInOutput: true,
    collaborationId,
    tags: { team: "travel", quarter: "Q3 '25" },
  };
  expect(await form.previewRequest()).toEqual(expected);
  await expect(form.cliCommand).toContainText("--include-seed-in-output");
  await expect(form.cliCommand).toContainText(`--tags '{"team":"travel","quarter":"Q3 '\\''25"}'`);

  const arn = await form.startAndOpenJob();
  const job = await readJob(arn);
  expect(job).toMatchObject(expected);
  expect(job.tags).toEqual(expected.tags);
  expect(job.seedAudience).toEqual(expected.seedAudience);
  // The job's own page shows it under the same name.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
});

test("a job from an analysis template fills in the template's parameters", async ({ page }) => {
  const form = new JobFormPage(page);
  const name = `Valuable gamers ${unique()}`;
  const template = DEMO_ANALYSIS_TEMPLATES.valuableCustomers;
  await form.goto();

  await form.name.fill(name);
  await form.chooseModel(STREAMING_OPTION);
  // A partner's model: what its owner keeps is said plainly, and its collaboration is picked.
  await expect(form.modelFacts).toContainText("only through its results");
  await expect(form.collaborationId).toHaveValue(DEMO_COLLABORATION_ID);
  await form.chooseSeedSource("Analysis template");
  await form.templateArn.fill(template.arn);
  await form.addRow("parameter", "segment", "gaming");
  await form.addRow("parameter", "min_value", "100");
  await form.roleArn.fill(DEMO_SEED_ROLE_ARN);
  await form.chooseWorkerType("CR.1X");
  await form.workerCount.fill("4");

  const arn = await form.startAndOpenJob();
  const job = await readJob(arn);
  expect(job.seedAudience).toEqual({
    roleArn: DEMO_SEED_ROLE_ARN,
    sqlParameters: {
      analysisTemplateArn: template.arn,
      parameters: { segment: "gaming", min_value: "100" },
    },
    sqlComputeConfiguration: { worker: { type: "CR.1X", number: 4 } },
  });
});

test("tags: reserved and duplicate keys are caught beside their row, case matters, and a value may start with aws:", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  const name = `Tagged ${unique()}`;
  await form.goto();
  await form.name.fill(name);
  await form.chooseModel(BY_SHARE.name);
  await form.s3Uri.fill(DEMO_SEED_URIS.sportsFans);
  await form.roleArn.fill(DEMO_SEED_ROLE_ARN);

  await form.addRow("tag", "AwS:team", "growth");
  await form.row("tag", 1).value.focus();
  expect(await form.errorOf(form.row("tag", 1).key)).toContain("reserved for AWS");
  await form.row("tag", 1).key.fill("team");
  await expect(form.row("tag", 1).key).not.toHaveAttribute("aria-invalid");

  await form.addRow("tag", "Team", "aws:managed");
  await form.addRow("tag", "team", "again");
  await form.submit.click();
  await expect(form.row("tag", 3).key).toBeFocused();
  expect(await form.errorOf(form.row("tag", 3).key)).toContain("unique key");
  await form.row("tag", 3).remove.click();
  await expect(page.getByText("2 of 50 tags")).toBeVisible();

  const arn = await form.startAndOpenJob();
  expect((await readJob(arn)).tags).toEqual({ team: "growth", Team: "aws:managed" });
});

test("tags: the form counts the tag a job inherits from its model, shows it, and says so beside Tags", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  // A job with the most tags a job may have, on a model that passes none on …
  const tags = Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [`tag${i + 1}`, `value ${i + 1}`]),
  );
  const { audienceGenerationJobArn: source } = await serviceClient().send(
    new StartAudienceGenerationJobCommand({
      name: `Fifty tags ${unique()}`,
      configuredAudienceModelArn: BY_SHARE.arn,
      seedAudience: {
        roleArn: DEMO_SEED_ROLE_ARN,
        dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans },
      },
      tags,
    }),
  );
  await form.goto(`?from=${encodeURIComponent(source)}`);
  await expect(page.getByText("50 of 50 tags: the most allowed")).toBeVisible();
  const addTag = page.getByRole("button", { name: "Add tag", exact: true });
  await expect(addTag).toBeDisabled();

  // … copied onto Retail lookalikes, which passes its own tag on to every job it runs: the form
  // shows that tag and counts it, and the limit is met beside Tags, in words, before anything is sent.
  await form.model.selectOption({ label: RETAIL.name });
  await expect(page.getByRole("list", { name: "Tags from the model" })).toContainText(
    "project = spring-campaign",
  );
  await expect(
    page.getByText("51 of 50 tags, including the 1 above: the most allowed"),
  ).toBeVisible();
  await form.submit.click();
  await expect(
    page.getByText(
      "A job can have at most 50 tags, and this one would have 51 (50 here and 1 inherited from the model): remove 1 tag",
    ),
  ).toBeVisible();
  await expect(page.getByText(/tags:/)).toHaveCount(0);
  await expect(page.getByRole("group", { name: /^Tags/ })).toBeFocused();
  await expect(page).toHaveURL(/\/jobs\/new\?from=/);
  await expect(form.row("tag", 50).key).toHaveValue(/^tag\d+$/);

  const removed = await form.row("tag", 50).key.inputValue();
  await form.row("tag", 50).remove.click();
  await expect(
    page.getByText("50 of 50 tags, including the 1 above: the most allowed"),
  ).toBeVisible();
  await expect(addTag).toBeDisabled();
  const arn = await form.startAndOpenJob();
  const saved = (await readJob(arn)).tags ?? {};
  expect(Object.keys(saved)).toHaveLength(50);
  expect(saved).toMatchObject(RETAIL.tags);
  expect(saved).not.toHaveProperty(removed);
});

test("a service error is shown on the form with what to do, and nothing typed is lost", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  const name = `Template error ${unique()}`;
  const template = DEMO_ANALYSIS_TEMPLATES.customersBySegment;
  const missing = template.arn.replace(
    /analysistemplate\/.*$/,
    "analysistemplate/0000aaaa-0000-4000-8000-000000000000",
  );
  await form.goto();
  await form.name.fill(name);
  // Our own model, with no collaboration: the form cannot check the template's parameters, the service does.
  await form.chooseModel(BY_SHARE.name);
  await form.chooseSeedSource("Analysis template");
  await form.templateArn.fill(missing);
  await form.addRow("parameter", "segmnet", "gaming");
  await form.roleArn.fill(DEMO_SEED_ROLE_ARN);

  // Not found: a banner with the service's message and what to do.
  await form.submit.click();
  await expect(form.banner).toContainText("Something the job needs was not found");
  await expect(form.banner).toContainText(`Analysis template ${missing} does not exist.`);
  await expect(form.banner).toContainText("ResourceNotFoundException");
  await expect(form.templateArn).toHaveValue(missing);
  await expect(form.name).toHaveValue(name);

  // A ValidationException naming the parameters: beside the parameter rows.
  await form.templateArn.fill(template.arn);
  await form.submit.click();
  await expect(form.banner).toHaveCount(0);
  await expect(page.getByText("The analysis template has no parameter segmnet")).toBeVisible();
  await expect(page.getByRole("group", { name: /^Template parameters/ })).toBeFocused();
  await expect(form.row("parameter", 1).key).toHaveValue("segmnet");

  await form.row("parameter", 1).key.fill("segment");
  const arn = await form.startAndOpenJob();
  expect((await readJob(arn)).seedAudience?.sqlParameters?.parameters).toEqual({
    segment: "gaming",
  });
});

test("Start similar job opens the form filled with the job's settings under a new name", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  const original = await readJob(DEMO_JOB_ARNS.travelSql);
  await form.goto(`?from=${encodeURIComponent(DEMO_JOB_ARNS.travelSql)}`);
  await expect(form.heading).toHaveText("Start a similar job");
  await expect(page.getByText(`Settings copied from “${original.name}”`)).toBeVisible();

  // Under a new name: the old one and the day it is copied (yyyy-mm-dd), not "(copy)".
  await expect(form.name).toHaveValue(
    new RegExp(`^${original.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\d{4}-\\d{2}-\\d{2}$`),
  );
  await expect(form.model).toHaveValue(original.configuredAudienceModelArn);
  await expect(form.seedSource.getByRole("radio", { name: "SQL query" })).toBeChecked();
  await expect(form.queryText).toHaveValue(original.seedAudience!.sqlParameters!.queryString!);
  await expect(form.row("parameter", 1).key).toHaveValue("segment");
  await expect(form.row("parameter", 1).value).toHaveValue("travel");
  await expect(form.workerType.getByRole("radio", { name: "CR.4X" })).toBeChecked();
  await expect(form.workerCount).toHaveValue("8");
  await expect(form.advancedCompute).toHaveAttribute("aria-expanded", "true");
  await expect(form.row("Spark property", 1).key).toHaveValue("spark.sql.shuffle.partitions");
  await expect(form.includeSeed).toBeChecked();

  const name = `Travel again ${unique()}`;
  await form.name.fill(name);
  const arn = await form.startAndOpenJob();
  expect(arn).not.toBe(DEMO_JOB_ARNS.travelSql);
  const copy = await readJob(arn);
  expect(copy.name).toBe(name);
  expect(copy.seedAudience).toEqual(original.seedAudience);
  expect(copy.includeSeedInOutput).toBe(original.includeSeedInOutput);
  expect(copy.tags).toEqual(original.tags);
});

test("a similar job starts with an empty description, the old one offered as a hint", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  const original = await readJob(DEMO_JOB_ARNS.tooSmall);
  expect(original.description).toBe("Ten users: fewer than a seed needs.");
  await form.goto(`?from=${encodeURIComponent(DEMO_JOB_ARNS.tooSmall)}`);
  await expect(form.name).toHaveValue(/^Tiny seed \d{4}-\d{2}-\d{2}$/);
  await expect(form.description).toHaveValue("");
  await expect(page.getByText(original.description!)).toBeVisible();
  expect(await form.previewRequest()).not.toHaveProperty("description");

  await page.getByRole("button", { name: "Use it as this job's description" }).click();
  await expect(form.description).toHaveValue(original.description!);
  expect(await form.previewRequest()).toHaveProperty("description", original.description);
});

test("a link to copy a job that does not exist says so and offers an empty form", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  await form.goto(
    `?from=${encodeURIComponent(DEMO_JOB_ARNS.sportsFans.replace(/[0-9a-f]{4}$/, "ffff"))}`,
  );
  await expect(
    page.getByRole("alert").filter({ hasText: "The job to copy could not be read" }),
  ).toBeVisible();
  await expect(form.name).toHaveValue("");

  await form.goto("?from=not-an-arn");
  await expect(
    page.getByRole("alert").filter({ hasText: "That link does not name a job" }),
  ).toBeVisible();
  await expect(form.name).toHaveValue("");
});

test("?model= preselects a configured audience model, a partner's with its collaboration", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  await form.goto(`?model=${encodeURIComponent(RETAIL.arn)}`);
  await expect(form.model).toHaveValue(RETAIL.arn);
  await expect(form.modelFacts).toContainText("500 users");
  await expect(form.collaborationId).toHaveValue("");

  await form.goto(`?model=${encodeURIComponent(STREAMING.arn)}`);
  await expect(form.model).toHaveValue(STREAMING.arn);
  await expect(form.modelFacts).toContainText("Example Streaming reach");
  await expect(form.modelFacts).toContainText("only through its results");
  await expect(form.collaborationId).toHaveValue(DEMO_COLLABORATION_ID);
});

test("an empty form is not sent: errors show beside their fields and focus goes to the first", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  await form.goto();
  await form.submit.click();
  await expect(form.name).toBeFocused();
  expect(await form.errorOf(form.name)).toBe("Name is required");
  expect(await form.errorOf(form.model)).toBe("Choose a configured audience model");
  expect(await form.errorOf(form.s3Uri)).toBe("S3 URI is required");
  expect(await form.errorOf(form.roleArn)).toBe("IAM role ARN is required");
  await expect(page).toHaveURL(/\/jobs\/new$/);

  // While typing, the error goes as soon as the value is right.
  await form.roleArn.fill("arn:aws:iam::111122223333:user/me");
  expect(await form.errorOf(form.roleArn)).toContain("IAM role ARN must look like");
  await form.roleArn.fill(DEMO_SEED_ROLE_ARN);
  await expect(form.roleArn).not.toHaveAttribute("aria-invalid");
});

for (const [how, press] of [
  ["a double click on Start job", (form: JobFormPage) => form.submit.dblclick()],
  [
    "Enter pressed twice",
    async (form: JobFormPage) => {
      await form.roleArn.focus();
      await form.page.keyboard.press("Enter");
      await form.page.keyboard.press("Enter");
    },
  ],
] as const) {
  test(`${how} starts one job`, async ({ page }) => {
    const form = new JobFormPage(page);
    const collaborationId = randomUUID();
    await form.goto();
    await form.name.fill(`Once only ${unique()}`);
    await form.chooseModel(BY_SHARE.name);
    await form.s3Uri.fill(DEMO_SEED_URIS.sportsFans);
    await form.roleArn.fill(DEMO_SEED_ROLE_ARN);
    await form.collaborationId.fill(collaborationId);
    await press(form);
    await form.expectJobPage();
    const { audienceGenerationJobs } = await serviceClient().send(
      new ListAudienceGenerationJobsCommand({ collaborationId }),
    );
    expect(audienceGenerationJobs).toHaveLength(1);
  });
}

test("leaving with unsent changes asks first, and staying keeps them", async ({ page }) => {
  const form = new JobFormPage(page);
  await form.goto();
  await form.name.fill("Half-written job");
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page).toHaveURL(/\/jobs\/new$/);
  await expect(form.name).toHaveValue("Half-written job");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/", { timeout: 30_000 });
});

test("a SQL seed the form knows will fail cannot start, the reason beside Start job; one it only doubts asks first", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  await form.goto();
  // Tabbing through empty required fields marks nothing before the form is sent.
  await form.name.focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.locator("[aria-invalid=true]")).toHaveCount(0);

  await form.name.fill(`Blocked SQL ${unique()}`);
  await form.chooseModel(BY_SHARE.name);
  await form.chooseSeedSource("SQL query");
  await form.queryText.fill("SELECT user_id FROM customers WHERE segment = :segment");
  await form.roleArn.fill(DEMO_SEED_ROLE_ARN);
  const blocked = page.getByText("Start job is blocked until the seed is fixed:");
  await expect(blocked).toBeVisible();
  await form.submit.click();
  await expect(page.getByRole("group", { name: /Query parameters/ })).toBeFocused();
  await expect(page).toHaveURL(/\/jobs\/new$/);
  await screenshot(page, "new-job-blocked", form.submit);

  // The value given, plus a row the query does not use: Start job asks before starting.
  await form.addRow("parameter", "segment", "travel");
  await form.addRow("parameter", "region", "north");
  await expect(blocked).toHaveCount(0);
  await form.submit.click();
  const ask = page.getByRole("alert").filter({ hasText: "Start this job although" });
  await expect(ask).toContainText("The query does not use region");
  await screenshot(page, "new-job-confirm", ask);
  await expect(page).toHaveURL(/\/jobs\/new$/);
  await ask.getByRole("button", { name: "Start anyway" }).click();
  await form.expectJobPage();
});
