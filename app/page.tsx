import type { Metadata } from "next";

import { JobsList } from "@/components/jobs-list/jobs-list";
import { ButtonLink } from "@/components/ui/button";
import type { ActionError } from "@/lib/action-result";
import { parseJobsFilters, serverFilters, type JobsServerFilters } from "@/lib/jobs-filters";
import { JOBS_PAGE_SIZE } from "@/lib/queries/jobs";
import { listJobsPage } from "@/lib/reads/jobs";
import { listConfiguredModels } from "@/lib/reads/models";
import { toActionError } from "@/lib/service-errors";

export const metadata: Metadata = { title: "Audience jobs" };

/** The first page and the model names, read side by side; either may fail without hiding the other. */
async function readFirstView(filters: JobsServerFilters) {
  const [page, models] = await Promise.allSettled([
    listJobsPage({ maxResults: JOBS_PAGE_SIZE, ...filters }),
    listConfiguredModels(),
  ]);
  return { page, models, fetchedAt: Date.now() };
}

/**
 * The dashboard's home: every audience generation job. The server reads the
 * first page (with the URL's service-side filters) and the model names, and
 * renders the table before any JavaScript runs; the browser then loads more
 * pages and keeps in-flight jobs current. A service error is shown in the
 * page with the service's message and "Try again", never a blank page.
 */
export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { filters } = parseJobsFilters(await searchParams);
  const initialServerFilters = serverFilters(filters);
  const { page, models, fetchedAt } = await readFirstView(initialServerFilters);
  const initialError: ActionError | undefined =
    page.status === "rejected" ? toActionError(page.reason) : undefined;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Audience jobs</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Each job finds people who look like your seed audience. Open one to see its progress,
            relevance and exports.
          </p>
        </div>
        <ButtonLink href="/jobs/new">New job</ButtonLink>
      </div>
      <JobsList
        initialServerFilters={initialServerFilters}
        initialPage={page.status === "fulfilled" ? page.value : undefined}
        initialError={initialError}
        initialModels={models.status === "fulfilled" ? models.value : undefined}
        initialFetchedAt={fetchedAt}
      />
    </div>
  );
}
