import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

import {
  DEMO_CONFIGURED_MODELS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "../emulator/demo/catalog";
import {
  GetAudienceGenerationJobCommand,
  StartAudienceGenerationJobCommand,
} from "../lib/cleanrooms-ml";
import { JobFormPage } from "./pages/job-form";
import { JobPage, waitForJobStatus } from "./pages/job-page";
import { JobsListPage } from "./pages/jobs-list";
import { serviceClient } from "./service";

/**
 * Job names, descriptions, tags, SQL text and status messages holding HTML
 * and script, put straight into the local service (as any AWS user could),
 * render as text on every page: no script runs, no element is made of them.
 */

const PAYLOADS = {
  name: `<script>window.__xss="name"</script>`,
  failedName: `<img src=x onerror="window.__xss='img'">`,
  sqlName: `"><svg onload="window.__xss='svg'">`,
  description: `</p><script>window.__xss="description"</script><iframe src="javascript:top.__xss='frame'"></iframe>`,
  tagKey: `<b onmouseover="window.__xss='key'">key</b>`,
  tagValue: `"><script>window.__xss="value"</script>`,
  sql: `SELECT user_id FROM customers WHERE segment <> '</textarea><script>window.__xss="sql"</script>'`,
  // The service's failure message repeats the URI it could not read.
  s3Uri: `s3://demo-seeds/<img src=x onerror="window.__xss='status'">.jsonl`,
};

/** No payload ran and none became an element. */
async function expectInert(page: Page, where: string) {
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), where).toBeUndefined();
  await expect(
    page.locator("[onerror], [onload], [onmouseover], iframe, img[src='x'], svg[onload]"),
    where,
  ).toHaveCount(0);
  // The only scripts are the framework's: with the response's nonce, its own chunks loaded by those,
  // or (in development) the error overlay's holder.
  await expect(
    page.locator('script:not([nonce]):not([src^="/_next/static/"]):not([data-nextjs-dev-overlay])'),
    where,
  ).toHaveCount(0);
}

/** A copy's name: the old one, as text, and the day it is copied (yyyy-mm-dd). */
function copiedName(name: string): RegExp {
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\d{4}-\\d{2}-\\d{2}$`);
}

test("names, descriptions, tags, SQL and status messages with HTML render as text everywhere", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  const client = serviceClient();
  const collaborationId = randomUUID();
  const start = async (
    name: string,
    seedAudience: ConstructorParameters<
      typeof StartAudienceGenerationJobCommand
    >[0]["seedAudience"],
  ) =>
    (
      await client.send(
        new StartAudienceGenerationJobCommand({
          name,
          description: PAYLOADS.description,
          configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailAbsolute.arn,
          collaborationId,
          seedAudience,
          tags: { [PAYLOADS.tagKey]: PAYLOADS.tagValue },
        }),
      )
    ).audienceGenerationJobArn;
  const ready = await start(PAYLOADS.name, {
    dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans },
    roleArn: DEMO_SEED_ROLE_ARN,
  });
  const failed = await start(PAYLOADS.failedName, {
    dataSource: { s3Uri: PAYLOADS.s3Uri },
    roleArn: DEMO_SEED_ROLE_ARN,
  });
  const sql = await start(PAYLOADS.sqlName, {
    sqlParameters: { queryString: PAYLOADS.sql },
    roleArn: DEMO_SEED_ROLE_ARN,
  });
  await waitForJobStatus(client, ready, "ACTIVE");
  await waitForJobStatus(client, failed, "CREATE_FAILED");
  const failure = await client.send(
    new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: failed }),
  );
  expect(failure.statusDetails?.message).toContain(PAYLOADS.s3Uri);

  // The list.
  const list = new JobsListPage(page);
  await list.goto(`?collaboration=${collaborationId}`);
  for (const name of [PAYLOADS.name, PAYLOADS.failedName, PAYLOADS.sqlName]) {
    await expect(list.jobLink(name)).toBeVisible();
  }
  await expectInert(page, "list");

  // The finished job's page: heading, description, tags, the chart and its tooltip, the delete dialog.
  const job = new JobPage(page);
  await job.goto(ready);
  await expect(job.heading).toHaveText(PAYLOADS.name);
  await expect(page.getByText(PAYLOADS.description)).toBeVisible();
  await expect(job.tags.getByRole("list", { name: "Tags" })).toContainText(
    `${PAYLOADS.tagKey} = ${PAYLOADS.tagValue}`,
  );
  expect(await page.title()).toContain(PAYLOADS.name);
  const chart = job.relevance.locator(".recharts-wrapper");
  await expect(chart).toBeVisible({ timeout: 20_000 });
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  await chart.hover({ position: { x: box.width * 0.3, y: box.height * 0.5 } });
  await chart.hover({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
  await expect(job.relevance.locator(".recharts-tooltip-wrapper")).toContainText("Relevance score");
  await job.tags.getByText(PAYLOADS.tagKey).hover();
  await job.deleteButton.click();
  await expect(job.deleteDialog(PAYLOADS.name)).toBeVisible();
  await expectInert(page, "job page");
  await job.deleteDialog(PAYLOADS.name).getByRole("button", { name: "Cancel" }).click();

  // The failed job's page: the service's message, with the URI in it.
  await job.goto(failed);
  await expect(job.statusPanel).toContainText(`No seed file at ${PAYLOADS.s3Uri}`);
  await expect(job.seed).toContainText(PAYLOADS.s3Uri);
  await expectInert(page, "failed job page");

  // The SQL job's page and the form that copies it: the query as text, then in the textarea.
  await job.goto(sql);
  await expect(job.seed).toContainText(PAYLOADS.sql);
  await expectInert(page, "SQL job page");
  const form = new JobFormPage(page);
  await form.goto(`?from=${encodeURIComponent(sql)}`);
  await expect(form.queryText).toHaveValue(PAYLOADS.sql);
  // The copied description is offered as a hint under the empty field, as text.
  await expect(page.getByText(PAYLOADS.description, { exact: false })).toBeVisible();
  await expect(form.description).toHaveValue("");
  await expect(form.name).toHaveValue(copiedName(PAYLOADS.sqlName));
  await expect(form.requestJson).toContainText("window.__xss");
  await expectInert(page, "form copying the SQL job");

  // And the one copying the finished job.
  await form.goto(`?from=${encodeURIComponent(ready)}`);
  await expect(form.name).toHaveValue(copiedName(PAYLOADS.name));
  await expectInert(page, "form copying the finished job");

  expect(dialogs).toEqual([]);
});
