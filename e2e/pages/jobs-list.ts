import { randomUUID } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";

import type { CleanRoomsMLClient } from "../../lib/cleanrooms-ml";
import { setTabVisibility, startJob as startServiceJob, type NewJob } from "../service";

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
    // A picker of the caller's collaborations (a typed ID when they cannot be listed).
    this.collaboration = page.getByLabel(/^Collaboration( ID)?$/);
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

  /**
   * Filters by a collaboration the spec made up (not one of the caller's, so
   * not in the picker): through the list's address, as a shared link does.
   */
  async filterByCollaboration(id: string) {
    await this.page.goto(`/?collaboration=${id}`);
    await expect(this.page).toHaveURL((url) => url.searchParams.get("collaboration") === id);
    await expect(this.collaboration).toHaveValue(id);
  }

  statusFilter(label: string): Locator {
    return this.page
      .getByRole("group", { name: "Status" })
      .getByRole("checkbox", { name: label, exact: true });
  }

  /** The tab goes to the background / comes back (see `setTabVisibility`). */
  async setTabVisible(visible: boolean) {
    await setTabVisibility(this.page, visible ? "visible" : "hidden");
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

/** A list spec's job: always in the spec's own collaboration. */
export function startJob(client: CleanRoomsMLClient, job: NewJob & { collaborationId: string }) {
  return startServiceJob(client, job);
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
        speed: "failing",
      }),
    );
  }
  return arns;
}
