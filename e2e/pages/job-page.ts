import { expect, type Locator, type Page, type Request } from "@playwright/test";

import {
  GetAudienceGenerationJobCommand,
  type AudienceGenerationJobStatus,
  type CleanRoomsMLClient,
} from "../../lib/cleanrooms-ml";
import { jobPath } from "../../lib/job-url";

/** The job page (`/jobs/<region>/<account>/<id>`), by role and label. */
export class JobPage {
  readonly heading: Locator;
  readonly statusPanel: Locator;
  readonly updatedAgo: Locator;
  readonly announcer: Locator;
  readonly relevance: Locator;
  readonly chart: Locator;
  readonly metricsTable: Locator;
  readonly details: Locator;
  readonly seed: Locator;
  readonly model: Locator;
  readonly tags: Locator;
  readonly exports: Locator;
  readonly copyLink: Locator;
  readonly startSimilar: Locator;
  readonly deleteButton: Locator;
  readonly gone: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.statusPanel = page.getByRole("region", { name: "Status" });
    this.updatedAgo = this.statusPanel.getByText(/^Updated \d+ (s|min|h) ago$|^Refreshing…$/);
    this.announcer = this.statusPanel.getByRole("status");
    this.relevance = page.getByRole("region", { name: "Relevance by audience size" });
    this.chart = this.relevance.getByRole("img");
    this.metricsTable = this.relevance.getByRole("table");
    this.details = page.getByRole("region", { name: "Details" });
    this.seed = page.getByRole("region", { name: "Seed audience" });
    this.model = page.getByRole("region", { name: "Configured audience model" });
    this.tags = page.getByRole("region", { name: "Tags" });
    this.exports = page.getByRole("region", { name: "Export audience" });
    this.copyLink = page.getByRole("button", { name: "Copy link" });
    this.startSimilar = page.getByRole("link", { name: "Start similar job" });
    this.deleteButton = page.getByRole("button", { name: "Delete", exact: true });
    this.gone = page.getByRole("heading", { name: "This job was deleted" });
  }

  /** Opens the job's shareable link and checks the address. */
  async goto(arn: string) {
    const path = jobPath(arn);
    await this.page.goto(path);
    await expect(this.page).toHaveURL((url) => url.pathname === path);
    await expect(this.heading).toBeVisible();
  }

  /** The status badge, by the raw status it carries. */
  status(raw: AudienceGenerationJobStatus): Locator {
    return this.page.locator(`[data-status="${raw}"]`);
  }

  deleteDialog(name: string): Locator {
    return this.page.getByRole("dialog", { name: `Delete ${name}?` });
  }

  exportRow(name: string): Locator {
    return this.exports.getByRole("listitem", { name: `Export ${name}` });
  }
}

// ---------------------------------------------------------------------------
// Watching the page's requests and visibility.

/** True for the job page's own poll: `GET /api/job?arn=…` (not `/api/jobs`). */
export const isJobPoll = (request: Request) => new URL(request.url()).pathname === "/api/job";

/** Counts the page's polls of the job from now on. */
export function countJobPolls(page: Page): { readonly count: number; readonly times: number[] } {
  const times: number[] = [];
  page.on("request", (request) => {
    if (isJobPoll(request)) times.push(Date.now());
  });
  return {
    get count() {
      return times.length;
    },
    times,
  };
}

export { setTabVisibility, startJob, type NewJob } from "../service";

/** Waits in the service (not the page) until the job reaches `status`. */
export async function waitForJobStatus(
  client: CleanRoomsMLClient,
  arn: string,
  status: AudienceGenerationJobStatus,
  timeoutMs = 30_000,
) {
  await expect
    .poll(
      async () =>
        (await client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: arn })))
          .status,
      { timeout: timeoutMs, intervals: [250] },
    )
    .toBe(status);
}

/** What the service says about the job now: its status, or "GONE" once it answers ResourceNotFoundException. */
export async function serviceStatus(
  client: CleanRoomsMLClient,
  arn: string,
): Promise<AudienceGenerationJobStatus | "GONE"> {
  try {
    return (
      await client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: arn }))
    ).status;
  } catch (error) {
    if (error instanceof Error && error.name === "ResourceNotFoundException") return "GONE";
    throw error;
  }
}
