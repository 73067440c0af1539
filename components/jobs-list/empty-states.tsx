import { Button, ButtonLink } from "@/components/ui/button";

import { countWords } from "./list-status";

function EmptyState({
  title,
  children,
  actions,
  labelId,
}: {
  title: string;
  children: React.ReactNode;
  actions: React.ReactNode;
  labelId: string;
}) {
  return (
    <section
      aria-labelledby={labelId}
      className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center"
    >
      <h2 id={labelId} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mx-auto mt-2 max-w-md text-sm text-slate-600">{children}</div>
      <div className="mt-6 flex flex-wrap justify-center gap-3">{actions}</div>
    </section>
  );
}

/** First use: the service has no audience generation jobs at all. */
export function NoJobsYet() {
  return (
    <EmptyState
      labelId="no-jobs-yet"
      title="No audience jobs yet"
      actions={<ButtonLink href="/jobs/new">New job</ButtonLink>}
    >
      <p>
        An audience generation job takes your seed audience (the customers you already know) and
        finds people who look like them, using one of your configured audience models. Start one to
        see it here.
      </p>
    </EmptyState>
  );
}

/**
 * Filters that match nothing. `moreToLoad` says the search only looked at
 * the jobs loaded so far and offers to load more.
 */
export function NoMatch({
  loadedCount,
  moreToLoad,
  onClear,
  onLoadMore,
  loadingMore,
}: {
  loadedCount: number;
  moreToLoad: boolean;
  onClear: () => void;
  onLoadMore?: () => void;
  loadingMore?: boolean;
}) {
  return (
    <EmptyState
      labelId="no-match"
      title="No jobs match these filters"
      actions={
        <>
          <Button variant="secondary" onClick={onClear}>
            Clear filters
          </Button>
          {moreToLoad && onLoadMore && (
            <Button variant="secondary" onClick={onLoadMore} disabled={loadingMore}>
              {loadingMore ? "Searching all jobs…" : "Search all jobs"}
            </Button>
          )}
        </>
      }
    >
      {moreToLoad ? (
        <p>
          {countWords({ shown: 0, loaded: loadedCount, moreToLoad: true })}. Search all jobs to load
          the rest and look through them, or clear the filters to see every job.
        </p>
      ) : (
        <p>
          Try another model, collaboration, status or name, or clear the filters to see every job.
        </p>
      )}
    </EmptyState>
  );
}
