import type { Metadata } from "next";

import { JobsList } from "@/components/jobs-list/jobs-list";
import { ButtonLink } from "@/components/ui/button";
import { currentViewer } from "@/lib/auth/session";
import { parseJobsFilters, serverFilters } from "@/lib/jobs-filters";
import { ServerReads } from "@/lib/queries/hydrate";
import { JOBS_PAGE_SIZE, jobsQuery } from "@/lib/queries/jobs";
import { configuredModelsQuery, modelAssociationsQuery } from "@/lib/queries/models";
import { prefetchNames } from "@/lib/queries/names";
import { dehydrateReads, fromServer, prefetchWithin } from "@/lib/queries/prefetch";
import { makeQueryClient } from "@/lib/query-client";
import { listJobsPage } from "@/lib/reads/jobs";
import { listConfiguredModels, listModelAssociations } from "@/lib/reads/models";
import { whoTagValue } from "@/lib/schemas/dashboard-tags";

export const metadata: Metadata = { title: "Audience jobs" };

/**
 * The dashboard's home: every audience generation job. The server reads the
 * first page (with the URL's service-side filters) and the model names side by
 * side, either may fail without hiding the other, and renders the table before
 * any JavaScript runs; the browser then loads more pages and keeps in-flight
 * jobs current. A service error is shown in the page with the service's
 * message and "Try again", never a blank page.
 */
/** How long the list waits for the service before painting without its rows. */
const JOBS_WAIT_MS = 4_000;

export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // "Started by me" compares the tag the start action records: the same identity, as the same value.
  const identity = (await currentViewer())?.user?.identity;
  const viewer = identity === undefined ? {} : { startedBy: whoTagValue(identity) };
  const { filters } = parseJobsFilters(await searchParams, viewer);
  const server = serverFilters(filters);
  const queryClient = makeQueryClient();
  // Read on the server for a first paint with rows; while the service throttles, the page paints
  // its skeleton after a moment and the list reads on in the browser instead of holding the page.
  await Promise.all([
    prefetchWithin(
      queryClient
        .prefetchInfiniteQuery({
          ...jobsQuery(server),
          ...fromServer(() => listJobsPage({ maxResults: JOBS_PAGE_SIZE, ...server })),
        })
        // The names of the first page's collaborations and members, and the collaboration picker's list.
        .then(() =>
          prefetchNames(queryClient, [
            filters.collaboration,
            ...(queryClient.getQueryData(jobsQuery(server).queryKey)?.pages ?? []).flatMap((page) =>
              page.audienceGenerationJobs.map((job) => job.collaborationId),
            ),
          ]),
        ),
      JOBS_WAIT_MS,
    ),
    // A partner's models, by their association's name (jobs on them show by name).
    prefetchWithin(
      queryClient.prefetchQuery({
        ...modelAssociationsQuery(),
        ...fromServer(listModelAssociations),
      }),
      JOBS_WAIT_MS,
    ),
    prefetchWithin(
      queryClient.prefetchQuery({
        ...configuredModelsQuery(),
        ...fromServer(listConfiguredModels),
      }),
      JOBS_WAIT_MS,
    ),
  ]);

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
      <ServerReads state={dehydrateReads(queryClient)}>
        <JobsList viewer={viewer} />
      </ServerReads>
    </div>
  );
}
