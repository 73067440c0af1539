import { expect, test } from "@playwright/test";

import { DEMO_JOB_ARNS } from "../emulator/demo/catalog";
import { COMPARE_MAX } from "../lib/compare";
import { ComparePage } from "./pages/compare";
import { JobsListPage } from "./pages/jobs-list";

/**
 * Jobs side by side: chosen in the list, opened as a link that is the whole
 * state, one chart per kind of size on the fixed 0–10 scale, and the jobs
 * that cannot be read listed with the service's reason.
 */

const DEMO = [
  { name: "Sports fans lookalike", arn: DEMO_JOB_ARNS.sportsFans },
  { name: "Random baseline", arn: DEMO_JOB_ARNS.randomBaseline },
  { name: "Travel customers (SQL)", arn: DEMO_JOB_ARNS.travelSql },
];

test("a marketer compares three demo jobs chosen in the list, and the link reopens the same comparison", async ({
  page,
  browser,
}) => {
  const list = new JobsListPage(page);
  await list.goto();
  for (const { name } of DEMO) {
    const box = list.table.getByRole("checkbox", { name: `Compare ${name}`, exact: true });
    // Other specs' jobs come first (newest first): load pages until the demo job is there.
    while (!(await box.isVisible()) && (await list.loadMore.isVisible())) {
      await list.loadMore.click();
    }
    // By keyboard: the checkbox is in the tab order and Space ticks it.
    await box.focus();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  await page.getByRole("link", { name: "Compare 3 jobs" }).click();
  // The short link: the region and account once, then the job IDs (lib/compare.ts).
  await expect(page).toHaveURL(
    (url) =>
      url.pathname === "/compare" &&
      url.searchParams.get("at") === DEMO[0]!.arn.split(":").slice(3, 5).join(":") &&
      url.searchParams.get("ids") === DEMO.map((job) => job.arn.split("/").pop()).join(","),
  );

  const checkComparison = async (compare: ComparePage) => {
    await expect(compare.table.locator("tbody tr")).toHaveCount(3);
    for (const { name } of DEMO) await expect(compare.row(name)).toBeVisible();
    await expect(compare.row("Sports fans lookalike")).toContainText("Retail lookalikes");
    await expect(compare.row("Travel customers (SQL)")).toContainText("SQL query");
    await expect(compare.row("Random baseline").locator("[data-verdict]")).toHaveAttribute(
      "data-verdict",
      "random",
    );
    await expect(compare.row("Sports fans lookalike").locator("[data-verdict]")).toHaveAttribute(
      "data-verdict",
      "strong",
    );
    // Users and shares of users are never on one axis: two charts, each on 0–10.
    await expect(compare.charts).toHaveCount(2);
    await expect(compare.page.locator(".recharts-wrapper")).toHaveCount(2, { timeout: 20_000 });
    for (const chart of await compare.charts.all()) {
      await expect(
        chart.locator(".recharts-cartesian-axis-tick-value", { hasText: /^10$/ }),
      ).toHaveCount(1);
    }
    const percentChart = compare.charts.filter({ hasText: "% of users" });
    await expect(percentChart.locator(".recharts-line")).toHaveCount(2);
  };
  const compare = new ComparePage(page);
  await checkComparison(compare);

  // The link alone reopens it: a fresh browser context, nothing else shared.
  const url = page.url();
  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(url);
    await checkComparison(new ComparePage(other));
  } finally {
    await fresh.close();
  }
});

test("a job that no longer exists is listed as missing with the service's reason, the others compared", async ({
  page,
}) => {
  // In our account: another account's ARN is refused (AccessDeniedException), not missing.
  const gone =
    "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/0d0d0d0d-0000-4000-8000-000000000000";
  const compare = new ComparePage(page);
  await compare.goto([DEMO_JOB_ARNS.sportsFans, gone, DEMO_JOB_ARNS.travelSql]);
  await expect(compare.missing).toBeVisible();
  const missing = compare.missing.locator(`[data-missing-arn="${gone}"]`);
  await expect(missing).toContainText("Missing:");
  await expect(missing).toContainText(/not found|does not exist/i);
  await expect(compare.table.locator("tbody tr")).toHaveCount(2);
  await expect(compare.charts).toHaveCount(2);
});

test("a link naming too many jobs, or something that is not a job, says so", async ({ page }) => {
  const compare = new ComparePage(page);
  const many = Array.from(
    { length: COMPARE_MAX + 1 },
    (_, i) => `arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/job-${i}`,
  );
  await compare.goto(many);
  await expect(compare.problem).toContainText(`at most ${COMPARE_MAX} jobs`);
  await expect(compare.table).toHaveCount(0);

  await compare.goto([DEMO_JOB_ARNS.sportsFans, "arn:aws:s3:::not-a-job"]);
  await expect(compare.problem).toContainText(
    "not an audience generation job ARN: arn:aws:s3:::not-a-job",
  );
});
