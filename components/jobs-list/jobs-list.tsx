"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useDeferredValue, useMemo } from "react";

import { Toasts } from "@/components/ui/toast";
import { readErrorOf } from "@/lib/fetch-json";
import {
  clearedFilters,
  hasActiveFilters,
  hasLoadedRowFilters,
  hasTagFilters,
  serverFilters,
  type JobsFilters,
  type JobsViewer,
} from "@/lib/jobs-filters";
import { refreshJobs } from "@/lib/queries/jobs";
import { configuredModelsQuery, modelAssociationsQuery, usableModels } from "@/lib/queries/models";

import { JobsDataTable } from "./data-table";
import { NoJobsYet, NoMatch } from "./empty-states";
import { InlineListError, ListError } from "./list-error";
import { LinkNotes, ListFooter, ListSummary } from "./list-status";
import { arnTail, filterRows, rowsFromPages, shownStatusChoices, sortRows } from "./rows";
import { SavedViews } from "./saved-views";
import { CompareBar, useJobSelection } from "./selection";
import { JobsTableSkeleton } from "./skeleton";
import { JobsToolbar } from "./toolbar";
import { useFinishToasts } from "./use-finish-toasts";
import { useJobTags } from "./use-job-tags";
import { useJobsFilters } from "./use-jobs-filters";
import { useJobsPages } from "./use-jobs-pages";
import { useSearchAllPages } from "./use-search-all-pages";
import { useSearchBox } from "./use-search-box";
import { useStatusAnnouncement } from "./use-status-announcement";

/**
 * The jobs list: filters in the URL (`useJobsFilters`), the service's pages
 * loaded on demand and kept current while jobs are in flight
 * (`useJobsPages`), status, name search and sort applied to the loaded rows
 * (`rows.ts`), the loaded jobs' tags read while a tag filter is on
 * (`useJobTags`), and status changes announced to screen readers. `viewer`:
 * who is looking, from the server's session ("Started by me" needs one).
 */
export function JobsList({ viewer = {} }: { viewer?: JobsViewer }) {
  const { filters, notes, setFilters } = useJobsFilters(viewer);
  const server = useMemo(
    () => serverFilters({ model: filters.model, collaboration: filters.collaboration }),
    [filters.model, filters.collaboration],
  );
  const jobs = useJobsPages(server);
  const models = useQuery(configuredModelsQuery());
  const queryClient = useQueryClient();
  // A partner's models too, named by their association: our jobs on them show by name.
  const associations = useQuery(modelAssociationsQuery());
  const usable = useMemo(
    () => usableModels(models.data, associations.data),
    [models.data, associations.data],
  );
  const searchBox = useSearchBox(filters, setFilters);
  const search = searchBox.search;
  // The box shows each key at once; the rows follow in a render that the next key can interrupt.
  const rowSearch = useDeferredValue(search);

  const modelNames = useMemo(
    () => new Map(usable.map((m) => [m.configuredAudienceModelArn, m.name])),
    [usable],
  );
  const modelName = useCallback((arn: string) => modelNames.get(arn) ?? arnTail(arn), [modelNames]);
  const selection = useJobSelection();

  const allRows = useMemo(() => rowsFromPages(jobs.data?.pages ?? []), [jobs.data]);
  const tagsOn = hasTagFilters(filters);
  const tags = useJobTags(allRows, tagsOn);
  const { tagsOf } = tags;
  const { startedBy } = viewer;
  // Each URL change parses the filters into new objects: the rows depend on their values only,
  // so typing (which changes `q` alone) neither sorts again nor filters twice.
  const { field: sortField, direction: sortDirection } = filters.sort;
  const sort = useMemo(
    () => ({ field: sortField, direction: sortDirection }),
    [sortField, sortDirection],
  );
  const sortedRows = useMemo(() => sortRows(allRows, sort), [allRows, sort]);
  const statusParam = filters.status.join(",");
  const { mine } = filters;
  const tagKey = filters.tag?.key;
  const tagValue = filters.tag?.value;
  const visibleRows = useMemo(
    () =>
      filterRows(
        sortedRows,
        {
          status: statusParam === "" ? [] : (statusParam.split(",") as JobsFilters["status"]),
          q: rowSearch,
          tag: tagKey === undefined ? undefined : { key: tagKey, value: tagValue },
          mine,
        },
        { tagsOf, startedBy },
      ),
    [sortedRows, statusParam, rowSearch, tagKey, tagValue, mine, tagsOf, startedBy],
  );
  const readingTags = tagsOn && tags.read < tags.total;
  const statusChoices = useMemo(
    () => shownStatusChoices(allRows, filters.status),
    [allRows, filters.status],
  );
  const announcement = useStatusAnnouncement(allRows);
  const finishToasts = useFinishToasts(allRows);

  const current = { ...filters, q: search };
  const rowFiltersOn = hasLoadedRowFilters(current);
  const searchAll = useSearchAllPages(jobs, rowFiltersOn);

  function clearAll() {
    searchBox.clear();
    setFilters(clearedFilters(filters));
  }

  const liveRegion = (
    <>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <Toasts toasts={finishToasts.toasts} onDismiss={finishToasts.dismiss} />
    </>
  );

  const firstPageError = !jobs.data && jobs.isError && (
    <ListError
      error={readErrorOf(jobs.error)}
      onRetry={() => {
        void refreshJobs(queryClient, server);
        if (models.isError) void models.refetch();
      }}
      retrying={jobs.isFetching}
    />
  );
  const serverFiltered = Boolean(server.configuredAudienceModelArn || server.collaborationId);
  // Unfiltered, the error stands alone; filtered, the toolbar stays so the filter can be changed back.
  if (firstPageError && !serverFiltered) {
    return (
      <div className="space-y-4">
        <LinkNotes notes={notes} />
        {firstPageError}
      </div>
    );
  }

  let body: React.ReactNode;
  if (firstPageError) {
    body = firstPageError;
  } else if (!jobs.data) {
    body = <JobsTableSkeleton toolbar={false} />;
  } else if (allRows.length === 0 && !jobs.hasNextPage && !serverFiltered) {
    return (
      <div className="space-y-4">
        <LinkNotes notes={notes} />
        <NoJobsYet />
        {liveRegion}
      </div>
    );
  } else if (visibleRows.length === 0 && readingTags) {
    // Never "no jobs match" before every loaded job's tags are known.
    body = tags.error ? null : <JobsTableSkeleton toolbar={false} />;
  } else if (visibleRows.length === 0) {
    body = (
      <NoMatch
        loadedCount={allRows.length}
        moreToLoad={jobs.hasNextPage}
        onClear={clearAll}
        onLoadMore={searchAll.start}
        loadingMore={searchAll.running}
      />
    );
  } else {
    body = (
      <JobsDataTable
        rows={visibleRows}
        sort={sort}
        onSort={(next) => setFilters({ ...current, sort: next })}
        modelName={modelName}
        selection={selection}
        caption={
          rowFiltersOn
            ? "Audience generation jobs matching the filters"
            : "Audience generation jobs"
        }
      />
    );
  }

  const loaded = allRows.length;
  const shown = visibleRows.length;

  return (
    <div className="space-y-4">
      <LinkNotes notes={notes} />
      <JobsToolbar
        filters={filters}
        statusChoices={statusChoices}
        search={search}
        onSearchChange={searchBox.onSearchChange}
        models={usable}
        onModelChange={(model) => setFilters({ ...current, model })}
        onCollaborationChange={(collaboration) => setFilters({ ...current, collaboration })}
        onStatusChange={(status) => setFilters({ ...current, status })}
        onSortChange={(sort) => setFilters({ ...current, sort })}
        onTagChange={(tag) => setFilters({ ...current, tag })}
        onMineChange={
          startedBy === undefined
            ? undefined
            : (mine) => setFilters({ ...current, mine: mine || undefined })
        }
      />
      <SavedViews filters={current} />
      {searchBox.opening && (
        <p role="status" className="text-sm text-slate-600">
          Opening the job <span className="font-mono text-xs break-all">{searchBox.opening}</span>…
        </p>
      )}
      {jobs.data && readingTags && (
        <p role="status" className="text-sm text-slate-600">
          Reading the jobs’ tags… {tags.read.toLocaleString("en-US")} of{" "}
          {tags.total.toLocaleString("en-US")}
        </p>
      )}
      {jobs.data && tagsOn && tags.error && (
        <InlineListError
          what="The tags of some jobs could not be read, so the tag filters leave them out."
          error={readErrorOf(tags.error)}
          onRetry={tags.retry}
          retrying={false}
        />
      )}
      {jobs.data && tagsOn && tags.unreadable > 0 && (
        <p className="text-sm text-slate-600">
          The tags of {tags.unreadable.toLocaleString("en-US")}{" "}
          {tags.unreadable === 1 ? "job" : "jobs"} could not be read (deleted since?); they are left
          out.
        </p>
      )}
      {jobs.data && shown > 0 && <CompareBar selection={selection} />}
      {jobs.data && shown > 0 && (
        <ListSummary
          loaded={loaded}
          shown={shown}
          rowFiltersOn={rowFiltersOn}
          moreToLoad={jobs.hasNextPage}
          onClear={hasActiveFilters(current) ? clearAll : undefined}
          searchAll={searchAll}
        />
      )}
      {jobs.data && jobs.isRefetchError && (
        <InlineListError
          what="The list could not be refreshed."
          error={readErrorOf(jobs.error)}
          onRetry={() => void refreshJobs(queryClient, server)}
          retrying={jobs.isFetching}
        />
      )}
      {body}
      {jobs.data && jobs.isFetchNextPageError && (
        <InlineListError
          what="More jobs could not be loaded."
          error={readErrorOf(jobs.error)}
          onRetry={() => void jobs.fetchNextPage()}
          retrying={jobs.isFetchingNextPage}
        />
      )}
      {jobs.data && shown > 0 && (
        <ListFooter
          loaded={loaded}
          moreToLoad={jobs.hasNextPage}
          loadingMore={jobs.isFetchingNextPage}
          onLoadMore={() => void jobs.fetchNextPage()}
          rowFiltersOn={rowFiltersOn}
        />
      )}
      {liveRegion}
    </div>
  );
}
