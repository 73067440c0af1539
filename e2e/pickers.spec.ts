import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";

import {
  DEMO_ANALYSIS_TEMPLATES,
  DEMO_COLLABORATION_ID,
  DEMO_CONFIGURED_MODELS,
  DEMO_SEED_ROLE_ARN,
} from "../emulator/demo/catalog";
import { GetAudienceGenerationJobCommand } from "../lib/cleanrooms-ml";
import { E2E_EMULATOR_URL } from "./env";
import { JobFormPage } from "./pages/job-form";
import { JobsListPage } from "./pages/jobs-list";
import { serviceClient } from "./service";

/**
 * Pick, don't paste: the form's collaboration, analysis template and role
 * pickers (AWS Clean Rooms and IAM through their official clients, answered by
 * the local service), the names shown for account and collaboration IDs, and
 * the fall-back to typing when the service denies a picker's call.
 *
 * The denial test runs first: the dashboard keeps a successful list for
 * minutes, so it denies calls no earlier spec has made.
 */

const unique = () => randomUUID().slice(0, 8);
// One of our own models: the template's collaboration is then picked with the template.
const BY_SHARE = DEMO_CONFIGURED_MODELS.retailPercentage;

/** Makes the local service answer these operations with its access-denied error (emulator/denials.ts). */
async function deny(operations: string[]) {
  const res = await fetch(`${E2E_EMULATOR_URL}/_emulator/denied`, {
    method: operations.length > 0 ? "PUT" : "DELETE",
    headers: { "content-type": "application/json" },
    body: operations.length > 0 ? JSON.stringify({ operations }) : undefined,
  });
  expect(res.status).toBe(200);
}

test("a picker whose call the service denies falls back to typing, naming the permission", async ({
  page,
}) => {
  await deny(["iam:ListRoles", "cleanrooms:ListCollaborationAnalysisTemplates"]);
  try {
    const form = new JobFormPage(page);
    await form.goto();
    await form.chooseSeedSource("Analysis template");

    await page.getByRole("button", { name: "Choose an analysis template" }).click();
    const templates = page.getByRole("region", { name: "Analysis templates" });
    await templates.getByRole("button", { name: /Loyalty insights/ }).click();
    await expect(templates.getByRole("status")).toContainText(
      "cleanrooms:ListCollaborationAnalysisTemplates",
    );
    await form.templateArn.fill(DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn);
    await expect(form.templateArn).toHaveValue(DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn);

    await page.getByRole("button", { name: "Choose a role" }).click();
    const roles = page.getByRole("region", { name: "Roles" });
    await expect(roles.getByRole("status")).toContainText("iam:ListRoles");
    await expect(roles.getByRole("status")).toContainText("AccessDenied");
    // The roles of earlier jobs do not need IAM: they are still offered.
    await expect(roles.getByRole("button", { name: /CleanRoomsMLSeedReader/ })).toBeVisible();
    await form.roleArn.fill(DEMO_SEED_ROLE_ARN);
    await expect(form.roleArn).toHaveValue(DEMO_SEED_ROLE_ARN);
  } finally {
    await deny([]);
  }
});

test("a marketer starts an analysis-template job entirely by picking", async ({ page }) => {
  const form = new JobFormPage(page);
  const name = `Picked template ${unique()}`;
  await form.goto();
  await form.name.fill(name);
  await form.chooseModel(BY_SHARE.name);
  await form.chooseSeedSource("Analysis template");

  // The collaboration first (no ID typed yet), then its templates by name.
  await page.getByRole("button", { name: "Choose an analysis template" }).click();
  const templates = page.getByRole("region", { name: "Analysis templates" });
  await templates.getByRole("button", { name: /Retail and streaming lookalikes/ }).click();
  await expect(templates.getByText("Customers of a segment whose lifetime value")).toBeVisible();
  await templates.getByRole("button", { name: /Valuable customers of a segment/ }).click();
  await expect(form.templateArn).toHaveValue(DEMO_ANALYSIS_TEMPLATES.valuableCustomers.arn);
  await expect(form.collaborationId).toHaveValue(DEMO_COLLABORATION_ID);

  // Its declared parameters became rows, defaults filled in, the required one marked.
  await expect(form.row("parameter", 1).key).toHaveValue("segment");
  await expect(form.row("parameter", 1).value).toHaveValue("");
  await expect(form.row("parameter", 2).key).toHaveValue("min_value");
  await expect(form.row("parameter", 2).value).toHaveValue("500");
  const declared = page.getByRole("table", { name: "Parameters the template declares" });
  await expect(declared.getByRole("row", { name: /segment VARCHAR Required/ })).toBeVisible();
  await page.getByText("The template's SQL").click();
  await expect(page.getByLabel("The template's SQL (read-only)")).toContainText(
    "lifetime_value >= CAST(:min_value AS REAL)",
  );

  // A required parameter left empty is pointed out beside its row before sending.
  await page.getByRole("button", { name: "Choose a role" }).click();
  const roles = page.getByRole("region", { name: "Roles" });
  await expect(roles.getByRole("button", { name: /CleanRoomsMLQueryRunner/ })).toBeVisible();
  await expect(roles.getByRole("button", { name: /DataPipelineLambda/ })).toHaveCount(0);
  await roles.getByRole("button", { name: /CleanRoomsMLSeedReader.*Used before/ }).click();
  await expect(form.roleArn).toHaveValue(DEMO_SEED_ROLE_ARN);
  await form.submit.click();
  expect(await form.errorOf(form.row("parameter", 1).value)).toContain(
    "segment is required by the template",
  );

  // Another template: its own rows, with its default.
  await page.getByRole("button", { name: "Choose an analysis template" }).click();
  await templates.getByRole("button", { name: /^Customers by segment/ }).click();
  await expect(form.templateArn).toHaveValue(DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn);
  await expect(form.row("parameter", 1).value).toHaveValue("sports");
  await expect(form.row("parameter", 2).key).toHaveCount(0);
  await expect(page.getByText("Retail and streaming lookalikes · created by")).toBeVisible();

  const arn = await form.startAndOpenJob();
  const job = await serviceClient().send(
    new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: arn }),
  );
  expect(job.collaborationId).toBe(DEMO_COLLABORATION_ID);
  expect(job.seedAudience).toMatchObject({
    roleArn: DEMO_SEED_ROLE_ARN,
    sqlParameters: {
      analysisTemplateArn: DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn,
      parameters: { segment: "sports" },
    },
  });

  // The job page names the collaboration and who started it, and shows the protected query.
  const details = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Details" }) });
  await expect(details.getByText("Retail and streaming lookalikes")).toBeVisible();
  await expect(page.getByTestId("started-by-member")).toHaveText("You");
  const seed = page.locator("section").filter({
    has: page.getByRole("heading", { name: "Seed audience" }),
  });
  await expect(seed.getByText("Customers by segment", { exact: true })).toBeVisible();
  await expect(page.getByTestId("protected-query-status")).toHaveText(
    /Submitted|Running|Succeeded/,
  );
});

test("the list names who started each job and in which collaboration", async ({ page }) => {
  const list = new JobsListPage(page);
  await list.goto();
  // The demo jobs may be past the first page once other specs have started jobs: search for each.
  const find = async (name: string) => {
    await list.search.fill(name);
    const searchAll = page.getByRole("button", { name: "Search all jobs" });
    const row = list.row(name);
    await expect(row.or(searchAll).first()).toBeVisible();
    if (await searchAll.isVisible()) await searchAll.click();
    return row;
  };
  // The partner's job on our model, under our ARN: named after the partner's account.
  const partner = await find("444455556666-Partner fitness lookalike");
  await expect(partner).toContainText("Example Streaming");
  await expect(partner).toContainText("Retail and streaming lookalikes");
  await expect(partner.getByTitle("AWS account 444455556666")).toBeVisible();
  const ours = await find("Sports fans lookalike");
  await expect(ours.getByTitle("AWS account 111122223333")).toHaveText("You");
  // The collaboration filter names the chosen collaboration.
  await list.goto(`?collaboration=${DEMO_COLLABORATION_ID}`);
  await expect(list.collaboration).toHaveValue(DEMO_COLLABORATION_ID);
  await expect(list.collaboration.locator("option:checked")).toHaveText(
    "Retail and streaming lookalikes",
  );
});

test("a SQL seed's :name parameters are checked against its rows before sending", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  await form.goto();
  await form.chooseSeedSource("SQL query");
  await form.queryText.fill("SELECT user_id FROM customers WHERE segment = :segment");
  await form.addRow("parameter", "region", "north");
  // Said under the rows, and again beside Start job, which it blocks.
  await expect(page.getByText("The query uses :segment but no row gives it a value")).toHaveCount(
    2,
  );
  await expect(page.getByText("Start job is blocked until the seed is fixed:")).toBeVisible();
  await expect(page.getByText("The query does not use region")).toBeVisible();
  await form.row("parameter", 1).key.fill("segment");
  await expect(page.getByText(/The query (uses|does not use)/)).toHaveCount(0);
});

test("a collaboration the caller is not in, or a template that is not in the collaboration, is pointed out beside the field", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  await form.goto();
  await form.chooseSeedSource("Analysis template");
  await form.collaborationId.fill("00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("This ID is not one of your active collaborations")).toBeVisible();

  await page.getByRole("button", { name: "Choose from your collaborations" }).click();
  const collaborations = page.getByRole("region", { name: "Your collaborations" });
  await expect(collaborations.getByText("You are AnyCompany Retail").first()).toBeVisible();
  await collaborations.getByRole("button", { name: /Loyalty insights/ }).click();
  await expect(page.getByText("This ID is not one of your active collaborations")).toHaveCount(0);

  // A template of the demo collaboration, typed while Loyalty insights is chosen.
  const typed = DEMO_ANALYSIS_TEMPLATES.valuableCustomers.arn;
  await form.templateArn.fill(typed);
  await expect(
    page.getByText("No such analysis template in the chosen collaboration"),
  ).toBeVisible();
  await expect(form.templateArn).toHaveValue(typed);
});
