"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionError } from "@/lib/action-result";
import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { RouteError, whileRefreshing } from "@/lib/fetch-json";
import { JOB_STATUS } from "@/lib/job-status";
import { jobPath } from "@/lib/job-url";
import {
  clearedFilters,
  hasActiveFilters,
  hasLoadedRowFilters,
  serverFilters,
  type JobsServerFilters,
} from "@/lib/jobs-filters";
import { createBackoff } from "@/lib/polling";
import { jobsQuery, type JobsPages } from "@/lib/queries/jobs";
import { configuredModelsQuery } from "@/lib/queries/models";
import type { JobsPageData } from "@/lib/reads/jobs";
import type { ConfiguredModelSummaryData } from "@/lib/reads/models";
import { AUDIENCE_GENERATION_JOB_ARN_PATTERN } from "@/lib/schemas/api";

import type { JobsTableContext } from "./columns";
import { JobsDataTable } from "./data-table";
import { NoJobsYet, NoMatch } from "./empty-states";
import { InlineListError, ListError } from "./list-error";
import { arnTail, filterRows, isInFlight, rowsFromPages, sortRows, statusChanges } from "./rows";
import { JobsTableSkeleton } from "./skeleton";
import { JobsToolbar } from "./toolbar";
import { useJobsFilters } from "./use-jobs-filters";

export interface JobsListProps {
  /** The service-side filters the server read the first page with. */
  initialServerFilters: JobsServerFilters;
  /** The first page as the server read it (absent when that read failed). */
  initialPage?: JobsPageData;
  /** Why the server could not read the first page. */
  initialError?: ActionError;
  initialModels?: ConfiguredModelSummaryData[];
  /** When the server read the first page (ms since the epoch). */
  initialFetchedAt: number;
}

/** Whatever a fetch threw, as the one error shape the UI shows. */
export function toListError(error: unknown): ActionError {
  if (error instanceof RouteError) return error.error;
  return {
    code: "NetworkError",
    message: "The dashboard did not answer.",
    hint: "Check your connection, then try again.",
  };
}

function sameServerFilters(a: JobsServerFilters, b: JobsServerFilters): boolean {
  return (
    a.configuredAudienceModelArn === b.configuredAudienceModelArn &&
    a.collaborationId === b.collaborationId
  );
}

/** True while any loaded job is in flight: only then does the list poll. */
export function anyInFlight(data: JobsPages | undefined): boolean {
  return data?.pages.some((page) => page.audienceGenerationJobs.some(isInFlight)) ?? false;
}

/**
 * The jobs list: filters in the URL, the service's pages loaded on demand,
 * kept current while jobs are in flight.
 *
 * Live rows: while any loaded job is in flight the query refetches the
 * loaded pages (the first one included, so jobs started elsewhere appear)
 * after `pollDelay` (2 s backing off to 15 s while nothing changes); it stops
 * when no loaded job is in flight, pauses while the tab is hidden, and
 * refreshes when the tab comes back. One call per loaded page keeps the usual
 * view (one or two pages) to one or two requests per poll however many jobs
 * are in flight, and shows new, changed and deleted jobs alike. Returning to
 * the tab always refreshes (jobs started in another tab or by a teammate).
 */
export function JobsList({
  initialServerFilters,
  initialPage,
  initialError,
  initialModels,
  initialFetchedAt,
}: JobsListProps) {
  const router = useRouter();
  const { filters, notes, setFilters } = useJobsFilters();
  const server = useMemo(
    () => serverFilters({ model: filters.model, collaboration: filters.collaboration }),
    [filters.model, filters.collaboration],
  );
  const isInitialView = sameServerFilters(server, initialServerFilters);
  const [retriedServerError, setRetriedServerError] = useState(false);
  const showServerError = isInitialView && initialError !== undefined && !retriedServerError;
  const [backoff] = useState(createBackoff);

  const jobs = useInfiniteQuery({
    ...jobsQuery(server),
    initialData:
      isInitialView && initialPage ? { pages: [initialPage], pageParams: [undefined] } : undefined,
    initialDataUpdatedAt: initialFetchedAt,
    enabled: !showServerError,
    refetchInterval: (query) => (anyInFlight(query.state.data) ? backoff(query) : false),
    // Coming back to the tab is when jobs started elsewhere are expected: refresh even if the data is fresh.
    refetchOnWindowFocus: "always",
  });
  const models = useQuery({ ...configuredModelsQuery(), initialData: initialModels });

  const modelNames = useMemo(
    () => new Map((models.data ?? []).map((m) => [m.configuredAudienceModelArn, m.name])),
    [models.data],
  );
  const context: JobsTableContext = useMemo(
    () => ({ modelName: (arn) => modelNames.get(arn) ?? arnTail(arn) }),
    [modelNames],
  );

  // The search box's own text: typing is never held back by the URL catching up. When the URL's
  // search changes otherwise (back/forward, a link, "clear filters"), the box follows it.
  const [search, setSearch] = useState(filters.q);
  const [urlSearch, setUrlSearch] = useState(filters.q);
  if (filters.q !== urlSearch) {
    setUrlSearch(filters.q);
    if (filters.q !== search) setSearch(filters.q);
  }
  const [opening, setOpening] = useState<string>();

  const allRows = useMemo(() => rowsFromPages(jobs.data?.pages ?? []), [jobs.data]);
  const visibleRows = useMemo(
    () => sortRows(filterRows(allRows, { status: filters.status, q: search }), filters.sort),
    [allRows, filters.status, filters.sort, search],
  );

  // Announce status changes of loaded rows to screen readers.
  const statusKey = allRows.map((job) => `${job.audienceGenerationJobArn}=${job.status}`).join("|");
  const [seen, setSeen] = useState(() => ({ key: statusKey, rows: allRows }));
  const [announcement, setAnnouncement] = useState("");
  if (seen.key !== statusKey) {
    const before = new Map<string, AudienceGenerationJobStatus>(
      seen.rows.map((job) => [job.audienceGenerationJobArn, job.status]),
    );
    const changes = statusChanges(before, allRows);
    setSeen({ key: statusKey, rows: allRows });
    if (changes.length > 0) {
      setAnnouncement(
        changes
          .map((c) => `${c.name} is now ${JOB_STATUS[c.status]?.label ?? c.status}.`)
          .join(" "),
      );
    }
  }

  const currentFilters = { ...filters, q: search };
  const filtered = hasActiveFilters(currentFilters);

  function onSearchChange(value: string) {
    setSearch(value);
    const trimmed = value.trim();
    if (AUDIENCE_GENERATION_JOB_ARN_PATTERN.test(trimmed)) {
      // A pasted job ARN opens that job; the list's URL keeps its previous search so "back" returns here.
      setOpening(trimmed);
      router.push(jobPath(trimmed));
      return;
    }
    setOpening(undefined);
    setFilters({ ...filters, q: value }, "replace");
  }

  function clearAll() {
    setSearch("");
    setOpening(undefined);
    setFilters(clearedFilters(filters));
  }

  const toolbar = (
    <JobsToolbar
      filters={filters}
      search={search}
      onSearchChange={onSearchChange}
      models={models.data ?? []}
      onModelChange={(model) => setFilters({ ...filters, q: search, model })}
      onCollaborationChange={(collaboration) =>
        setFilters({ ...filters, q: search, collaboration })
      }
      onStatusChange={(status) => setFilters({ ...filters, q: search, status })}
      onSortChange={(sort) => setFilters({ ...filters, q: search, sort })}
    />
  );

  const notesAlert =
    notes.length > 0 ? (
      <Alert tone="warning" role="status" title="Part of this link was not understood">
        <ul className="list-disc space-y-0.5 pl-5">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </Alert>
    ) : null;

  const liveRegion = (
    <p aria-live="polite" className="sr-only">
      {announcement}
    </p>
  );

  if (showServerError) {
    return (
      <div className="space-y-4">
        {notesAlert}
        <ListError
          error={initialError}
          onRetry={() => {
            setRetriedServerError(true);
            void whileRefreshing("/api/jobs", () => jobs.refetch());
            void models.refetch();
          }}
        />
      </div>
    );
  }

  let body: React.ReactNode;
  if (!jobs.data) {
    body = jobs.isError ? (
      <ListError
        error={toListError(jobs.error)}
        onRetry={() => void whileRefreshing("/api/jobs", () => jobs.refetch())}
        retrying={jobs.isFetching}
      />
    ) : (
      <JobsTableSkeleton toolbar={false} />
    );
  } else if (
    allRows.length === 0 &&
    !jobs.hasNextPage &&
    !server.configuredAudienceModelArn &&
    !server.collaborationId
  ) {
    return (
      <div className="space-y-4">
        {notesAlert}
        <NoJobsYet />
        {liveRegion}
      </div>
    );
  } else if (visibleRows.length === 0) {
    body = (
      <NoMatch
        loadedCount={allRows.length}
        moreToLoad={jobs.hasNextPage}
        onClear={clearAll}
        onLoadMore={() => void jobs.fetchNextPage()}
        loadingMore={jobs.isFetchingNextPage}
      />
    );
  } else {
    const rowFilters = hasLoadedRowFilters({ ...filters, q: search });
    body = (
      <JobsDataTable
        rows={visibleRows}
        sort={filters.sort}
        onSort={(sort) => setFilters({ ...filters, q: search, sort })}
        context={context}
        caption={
          rowFilters ? "Audience generation jobs matching the filters" : "Audience generation jobs"
        }
      />
    );
  }

  const loaded = allRows.length;
  const shown = visibleRows.length;
  const rowFiltersOn = hasLoadedRowFilters({ ...filters, q: search });

  return (
    <div className="space-y-4">
      {notesAlert}
      {toolbar}
      {opening && (
        <p role="status" className="text-sm text-slate-600">
          Opening the job <span className="font-mono text-xs break-all">{opening}</span>…
        </p>
      )}
      {jobs.data && shown > 0 && (
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
          <p role="status">
            {rowFiltersOn
              ? `${shown.toLocaleString("en-US")} of ${loaded.toLocaleString("en-US")} loaded ${loaded === 1 ? "job" : "jobs"} match`
              : `${loaded.toLocaleString("en-US")} ${loaded === 1 ? "job" : "jobs"}${jobs.hasNextPage ? " loaded, more available" : ""}`}
          </p>
          {filtered && (
            <Button variant="ghost" className="min-h-0 px-2 py-1" onClick={clearAll}>
              Clear filters
            </Button>
          )}
        </div>
      )}
      {jobs.data && jobs.isRefetchError && (
        <InlineListError
          what="The list could not be refreshed."
          error={toListError(jobs.error)}
          onRetry={() => void whileRefreshing("/api/jobs", () => jobs.refetch())}
          retrying={jobs.isFetching}
        />
      )}
      {body}
      {jobs.data && jobs.isFetchNextPageError && (
        <InlineListError
          what="More jobs could not be loaded."
          error={toListError(jobs.error)}
          onRetry={() => void jobs.fetchNextPage()}
          retrying={jobs.isFetchingNextPage}
        />
      )}
      {jobs.data && shown > 0 && (
        <div className="flex flex-col items-center gap-2 py-2">
          {jobs.hasNextPage ? (
            <>
              <Button
                variant="secondary"
                onClick={() => void jobs.fetchNextPage()}
                disabled={jobs.isFetchingNextPage}
              >
                {jobs.isFetchingNextPage ? "Loading more jobs…" : "Load more jobs"}
              </Button>
              {rowFiltersOn && (
                <p className="text-xs text-slate-500">
                  Status and name search look at the loaded jobs only.
                </p>
              )}
            </>
          ) : (
            loaded > 0 && (
              <p className="text-xs text-slate-500">
                All {loaded.toLocaleString("en-US")} jobs are loaded.
              </p>
            )
          )}
        </div>
      )}
      {liveRegion}
    </div>
  );
}
