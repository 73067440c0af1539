import { expect, test } from "@playwright/test";

import { DEMO_JOB_ARNS } from "../emulator/demo/catalog";
import { JobPage, startJob, waitForJobStatus } from "./pages/job-page";
import { screenshot } from "./screenshots";
import { serviceClient } from "./service";

/**
 * Reading relevance and choosing a size from it: one 0–10 scale on every job,
 * one verdict, and the chart, the table and the export form on one selection.
 */

test("a marketer chooses a size by clicking the chart and exports it", async ({ page }) => {
  const client = serviceClient();
  const arn = await startJob(client, { name: "Chart export", speed: "fast" });
  await waitForJobStatus(client, arn, "ACTIVE");
  const job = new JobPage(page);
  await job.goto(arn);
  await expect(job.relevance.locator(".recharts-wrapper")).toBeVisible({ timeout: 20_000 });

  // The fixed scale and the model's sizes on a category axis (recharts draws every tick's text with this class).
  const ticks = job.relevance.locator(".recharts-cartesian-axis-tick-value");
  await expect(ticks).toHaveCount(10);
  expect((await ticks.allTextContents()).sort()).toEqual(
    ["0", "2", "4", "6", "8", "10", "5,000", "10,000", "25,000", "50,000"].sort(),
  );

  // A suggestion with its rule, nothing chosen yet.
  await expect(job.relevance).toContainText("keeps at least 70% of the best score");
  const size = job.exports.getByLabel("Audience size");
  await expect(size).toHaveValue("");

  // Pointing at a row highlights its point on the chart, and back.
  const row = (label: string) =>
    job.metricsTable.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label }) });
  const point = (index: number) => job.relevance.locator(`[data-chart-point="${index}"]`);
  await row("10,000").hover();
  await expect(point(1)).toHaveAttribute("data-highlighted", "true");
  await point(3).hover();
  await expect(row("50,000")).toHaveAttribute("data-highlighted", "true");

  // Clicking the 25,000 point chooses it in the export form and brings the form into view.
  await point(2).click();
  await expect(size).toHaveValue("ABSOLUTE:25000");
  await expect(size).toBeFocused();
  await expect(size).toBeInViewport();
  await expect(job.exports.getByLabel("Export name")).toHaveValue("Chart export – 25,000");
  await expect(row("25,000")).toHaveAttribute("data-chosen", "true");

  await job.exports.getByRole("button", { name: "Export audience" }).click();
  await expect(job.exports.getByText("Export “Chart export – 25,000” started.")).toBeVisible();

  // The exported size is marked in the table, the chart and the dropdown with its export's status.
  await expect(row("25,000").locator('[data-export-status="ACTIVE"]')).toBeVisible({
    timeout: 30_000,
  });
  await expect(point(2)).toHaveAttribute("data-marked", "true");
  await expect(size.locator("option", { hasText: "25,000 users" })).toContainText("export: Ready");
  await expect(job.exportRow("Chart export – 25,000")).toContainText("25,000 users");

  // Choosing a row by keyboard works the same way.
  await job.metricsTable.getByRole("button", { name: "Export 5,000 users" }).focus();
  await page.keyboard.press("Enter");
  await expect(size).toHaveValue("ABSOLUTE:5000");
});

test("the random seed reads as close to random and the strong seed as strong, on the same scale", async ({
  page,
}) => {
  const job = new JobPage(page);
  await job.goto(DEMO_JOB_ARNS.randomBaseline);
  await expect(job.relevance.locator("[data-verdict]")).toHaveAttribute("data-verdict", "random");
  await expect(job.relevance).toContainText("Verdict: Close to random.");
  await expect(job.relevance).toContainText("random 50%");
  // No size is suggested where the verdict says the seed does not beat random: said, with what to try.
  await expect(job.relevance).toContainText("No size is suggested");
  await expect(job.relevance).toContainText("Try a more specific seed");
  await expect(page.getByRole("button", { name: /Use suggested size/ })).toHaveCount(0);
  await expect(job.relevance.getByText("Suggested", { exact: true })).toHaveCount(0);
  await expect(
    job.exports.getByLabel("Audience size").locator("option", { hasText: "suggested" }),
  ).toHaveCount(0);
  await screenshot(page, "relevance-random", job.relevance);

  await job.goto(DEMO_JOB_ARNS.sportsFans);
  await expect(job.relevance.locator("[data-verdict]")).toHaveAttribute("data-verdict", "strong");
  await expect(job.relevance).toContainText("Verdict: Strong.");
  // Absolute sizes: the random level is said to be unknown, not implied.
  await expect(job.relevance).toContainText(
    "The service does not report how many users the model knows",
  );
  await expect(
    job.relevance.locator(".recharts-cartesian-axis-tick-value", { hasText: /^10$/ }),
  ).toHaveCount(1, {
    timeout: 20_000,
  });
});
