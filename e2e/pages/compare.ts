import { expect, type Locator, type Page } from "@playwright/test";

/** The comparison (`/compare?jobs=…`): its charts, table and missing jobs, by role and label. */
export class ComparePage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly charts: Locator;
  readonly missing: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Compare jobs" });
    this.table = page.getByRole("table", { name: "Compared jobs" });
    this.charts = page.getByRole("img", { name: /one line per job/ });
    this.missing = page.getByRole("region", { name: /not compared/ });
    this.problem = page.getByRole("alert").filter({ hasText: "These jobs cannot be compared" });
  }

  /** Opens a comparison of these jobs by its link and checks the address. */
  async goto(arns: readonly string[]) {
    await this.page.goto(`/compare?jobs=${arns.join(",")}`);
    await expect(this.page).toHaveURL((url) => url.pathname === "/compare");
    await expect(this.heading).toBeVisible();
  }

  /** The table's row of a job, by its name. */
  row(name: string): Locator {
    return this.table
      .getByRole("row")
      .filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }
}
