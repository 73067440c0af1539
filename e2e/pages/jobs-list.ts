import { randomUUID } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";

import {
  DEMO_ANALYSIS_TEMPLATES,
  DEMO_CONFIGURED_MODELS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "../../emulator/demo/catalog";
import {
  StartAudienceGenerationJobCommand,
  type CleanRoomsMLClient,
} from "../../lib/cleanrooms-ml";

/** The jobs list (`/`): its filters, rows and states, by role and label. */
export class JobsListPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly model: Locator;
  readonly collaboration: Locator;
  readonly loadMore: Locator;
  readonly clearFilters: Locator;
  readonly tryAgain: Locator;
  readonly noJobsYet: Locator;
  readonly noMatch: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Audience jobs" });
    this.table = page.getByRole("table", { name: /Audience generation jobs/ });
    this.search = page.getByRole("searchbox", { name: "Search" });
    this.model = page.getByRole("combobox", { name: "Audience model" });
    this.collaboration = page.getByRole("textbox", { name: "Collaboration ID" });
    this.loadMore = page.getByRole("button", { name: /Load more jobs|Loading more jobs/ });
    this.clearFilters = page.getByRole("button", { name: "Clear filters" }).first();
    this.tryAgain = page.getByRole("button", { name: "Try again" });
    this.noJobsYet = page.getByRole("heading", { name: "No audience jobs yet" });
    this.noMatch = page.getByRole("heading", { name: "No jobs match these filters" });
    this.error = page.getByRole("alert").filter({ hasText: "The jobs could not be loaded" });
  }

  /** Opens the list with a query string (e.g. `?collaboration=…`) and checks the address. */
  async goto(query = "") {
    await this.page.goto(`/${query}`);
    await expect(this.page).toHaveURL((url) => url.pathname === "/" && url.search === query);
    await expect(this.heading).toBeVisible();
  }

  /** Filters by a collaboration ID the way a user does: type it, press Enter. */
  async filterByCollaboration(id: string) {
    await this.collaboration.fill(id);
    await this.collaboration.press("Enter");
    await expect(this.page).toHaveURL((url) => url.searchParams.get("collaboration") === id);
  }

  statusFilter(label: string): Locator {
    return this.page
      .getByRole("group", { name: "Status" })
      .getByRole("checkbox", { name: label, exact: true });
  }

  /**
   * The tab goes to the background / comes back. Headless Chromium keeps every
   * tab "visible", so the page is told the way a browser tells it: the
   * document's visibility changes and `visibilitychange` fires.
   */
  async setTabVisible(visible: boolean) {
    await this.page.evaluate((visible) => {
      Object.defineProperty(document, "visibilityState", {
        configurable: true,
        get: () => (visible ? "visible" : "hidden"),
      });
      Object.defineProperty(document, "hidden", { configurable: true, get: () => !visible });
      document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
    }, visible);
  }

  sortBy(header: string): Locator {
    return this.table.getByRole("button", { name: header, exact: true });
  }

  jobLink(name: string): Locator {
    return this.table.getByRole("link", { name, exact: true });
  }

  row(name: string): Locator {
    // The inner locator of `has` is looked up inside each row.
    return this.table
      .getByRole("row")
      .filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  /** The raw status the row's badge carries (`data-status`). */
  status(name: string): Locator {
    return this.row(name).locator("[data-status]");
  }

  /** The job names in the order the table shows them. */
  async names(): Promise<string[]> {
    return this.table.locator("tbody tr td:first-child a").allTextContents();
  }

  rows(): Locator {
    return this.table.locator("tbody tr");
  }
}

// ---------------------------------------------------------------------------
// Data for the list's specs, put straight into the local service.

/** A collaboration ID of the spec's own: filtering by it shows only the spec's jobs, whatever other specs left. */
export const newCollaborationId = () => randomUUID();

export interface NewJob {
  name: string;
  collaborationId: string;
  /**
   * `slow`: a SQL seed on the smallest compute, so the job stays in flight
   * for several seconds even with the e2e time scale (long enough to watch
   * it change); `fast`: a small S3 seed that the service rejects quickly.
   */
  speed?: "slow" | "fast";
  configuredAudienceModelArn?: string;
}

export async function startJob(client: CleanRoomsMLClient, job: NewJob): Promise<string> {
  const seedAudience =
    job.speed === "fast"
      ? { dataSource: { s3Uri: DEMO_SEED_URIS.tooSmall }, roleArn: DEMO_SEED_ROLE_ARN }
      : {
          roleArn: DEMO_SEED_ROLE_ARN,
          sqlParameters: {
            analysisTemplateArn: DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn,
            parameters: { segment: "sports" },
          },
          sqlComputeConfiguration: { worker: { type: "CR.1X" as const, number: 2 } },
        };
  const { audienceGenerationJobArn } = await client.send(
    new StartAudienceGenerationJobCommand({
      name: job.name,
      configuredAudienceModelArn:
        job.configuredAudienceModelArn ?? DEMO_CONFIGURED_MODELS.retailAbsolute.arn,
      collaborationId: job.collaborationId,
      seedAudience,
    }),
  );
  return audienceGenerationJobArn;
}

/** Starts `count` jobs named `<prefix> 001`… one after another (so their creation order is their name order). */
export async function startJobs(
  client: CleanRoomsMLClient,
  prefix: string,
  count: number,
  collaborationId: string,
) {
  const arns: string[] = [];
  for (let i = 1; i <= count; i++) {
    arns.push(
      await startJob(client, {
        name: `${prefix} ${String(i).padStart(3, "0")}`,
        collaborationId,
        speed: "fast",
      }),
    );
  }
  return arns;
}
