import { expect, type Locator, type Page } from "@playwright/test";

import { jobArnFromPath } from "../../lib/job-url";

type SeedSourceLabel = "S3 file" | "SQL query" | "Analysis template";
type RowsName = "tag" | "parameter" | "Spark property";

/** The start-job form (`/jobs/new`), by role and label. */
export class JobFormPage {
  readonly heading: Locator;
  readonly name: Locator;
  readonly description: Locator;
  readonly model: Locator;
  readonly modelFacts: Locator;
  readonly seedSource: Locator;
  readonly s3Uri: Locator;
  readonly queryText: Locator;
  readonly templateArn: Locator;
  readonly roleArn: Locator;
  readonly includeSeed: Locator;
  readonly workerType: Locator;
  readonly workerCount: Locator;
  readonly advancedCompute: Locator;
  readonly collaborationId: Locator;
  readonly requestJson: Locator;
  readonly cliCommand: Locator;
  readonly submit: Locator;
  readonly banner: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.name = page.getByLabel("Job name");
    this.description = page.getByLabel("Description");
    this.model = page.getByLabel("Configured audience model");
    this.modelFacts = page.getByRole("region", { name: "About this model" });
    this.seedSource = page.getByRole("group", { name: "Seed audience source" });
    this.s3Uri = page.getByLabel("S3 URI");
    this.queryText = page.getByLabel("SQL query text");
    this.templateArn = page.getByLabel("Analysis template ARN");
    this.roleArn = page.getByLabel("IAM role ARN");
    this.includeSeed = page.getByRole("checkbox", { name: "Include seed users in the output" });
    this.workerType = page.getByRole("group", { name: "Worker type" });
    this.workerCount = page.getByLabel("Number of workers");
    this.advancedCompute = page.getByRole("button", { name: /Advanced: Spark properties/ });
    this.collaborationId = page.getByLabel("Collaboration ID");
    this.requestJson = page.getByRole("region", { name: "Request JSON" });
    this.cliCommand = page.getByRole("region", { name: "AWS CLI command" });
    this.submit = page.getByRole("button", { name: "Start job" });
    this.banner = page.getByRole("alert").filter({ hasText: "Error type:" });
  }

  /** Opens the form, with a query string such as `?from=<job ARN>`, and checks the address. */
  async goto(query = "") {
    await this.page.goto(`/jobs/new${query}`);
    await expect(this.page).toHaveURL((url) => url.pathname === "/jobs/new");
    await expect(this.submit).toBeVisible();
  }

  /**
   * Picks a model by its option's text: an own model by its name, a model
   * associated with a collaboration by `associationOption`.
   */
  async chooseModel(name: string) {
    await this.model.selectOption({ label: name });
    await expect(this.modelFacts).toBeVisible();
  }

  async chooseSeedSource(label: SeedSourceLabel) {
    await this.seedSource.getByRole("radio", { name: label }).check();
  }

  async chooseWorkerType(label: "Service default" | "CR.1X" | "CR.4X" | "CR.8X") {
    await this.workerType.getByRole("radio", { name: label }).check();
  }

  /** The key and value inputs of row `n` (from 1) of a list of rows. */
  row(noun: RowsName, n: number) {
    const title = noun.charAt(0).toUpperCase() + noun.slice(1);
    const keyLabel = noun === "tag" ? "Key" : "Name";
    return {
      key: this.page.getByLabel(`${title} ${n} ${keyLabel}`, { exact: true }),
      value: this.page.getByLabel(`${title} ${n} Value`, { exact: true }),
      remove: this.page.getByRole("button", { name: `Remove ${noun} ${n}`, exact: true }),
    };
  }

  /** Adds a row at the end and fills it. */
  async addRow(noun: RowsName, key: string, value: string) {
    await this.page.getByRole("button", { name: `Add ${noun}`, exact: true }).click();
    const count = await this.page
      .getByRole("button", { name: new RegExp(`^Remove ${noun} \\d+$`) })
      .count();
    const row = this.row(noun, count);
    await row.key.fill(key);
    await row.value.fill(value);
  }

  /** The error message shown beside a control (what its aria-describedby names as the error). */
  async errorOf(control: Locator): Promise<string> {
    await expect(control).toHaveAttribute("aria-invalid", "true");
    const ids = ((await control.getAttribute("aria-describedby")) ?? "")
      .split(" ")
      .filter((id) => id.endsWith("-error"));
    expect(ids).toHaveLength(1);
    return (await this.page.locator(`[id="${ids[0]}"]`).textContent()) ?? "";
  }

  /** The request the form would send, as the preview shows it. */
  async previewRequest(): Promise<unknown> {
    return JSON.parse((await this.requestJson.textContent()) ?? "null");
  }

  /** Presses Start job and waits for the new job's page; returns its ARN. */
  async startAndOpenJob(): Promise<string> {
    await this.submit.click();
    return this.expectJobPage();
  }

  async expectJobPage(): Promise<string> {
    await expect(this.page).toHaveURL(/\/jobs\/us-east-1\/\d{12}\/[^/]+$/, { timeout: 30_000 });
    const [region, account, ...id] = new URL(this.page.url()).pathname.split("/").slice(2);
    const arn = jobArnFromPath(region!, account!, id);
    expect(arn).toBeDefined();
    return arn!;
  }
}

/**
 * The picker's text for a model associated with the demo collaboration: its
 * association's name and its owner ("partner's" for the publisher's models).
 */
export const associationOption = (
  association: { name: string },
  owner = "Example Streaming",
  whose: "partner's" | "yours" = "partner's",
) => `${association.name} (${owner}, ${whose})`;
