import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The parts of a pasted link that were ignored, so the reader knows why the view differs. */
export function LinkNotes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <Alert tone="warning" role="status" title="Part of this link was not understood">
      <ul className="list-disc space-y-0.5 pl-5">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </Alert>
  );
}

const count = (n: number) => n.toLocaleString("en-US");
/** "1 job", "1,200 jobs". */
export const jobs = (n: number) => `${count(n)} ${n === 1 ? "job" : "jobs"}`;

/**
 * The list's count, worded one way under every filter: "12 jobs" when every
 * loaded job is shown, "3 of 12 jobs" when filters hide some (the noun agrees
 * with the whole), "loaded so far" while the service has more.
 */
export function countWords({
  shown,
  loaded,
  moreToLoad,
}: {
  shown: number;
  loaded: number;
  moreToLoad: boolean;
}): string {
  const part = shown === loaded ? jobs(loaded) : `${count(shown)} of ${jobs(loaded)}`;
  return moreToLoad ? `${part} loaded so far, more to load` : part;
}

/**
 * Above the table: how many jobs are loaded and shown, "Clear filters" when
 * any is on, and, while a status or name filter looks at only the loaded
 * pages, "Search all jobs" (loading the rest, with its progress and Stop).
 */
export function ListSummary({
  loaded,
  shown,
  rowFiltersOn,
  moreToLoad,
  onClear,
  searchAll,
}: {
  loaded: number;
  shown: number;
  rowFiltersOn: boolean;
  moreToLoad: boolean;
  /** Absent when no filter is on. */
  onClear?: () => void;
  searchAll: { running: boolean; start: () => void; stop: () => void };
}) {
  const words = countWords({ shown, loaded, moreToLoad });
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <p role="status">{searchAll.running ? `Searching all jobs: ${words}…` : words}</p>
      <div className="flex flex-wrap items-center gap-2">
        {rowFiltersOn &&
          moreToLoad &&
          (searchAll.running ? (
            <Button variant="ghost" className="min-h-0 px-2 py-1" onClick={searchAll.stop}>
              Stop searching
            </Button>
          ) : (
            <Button variant="secondary" className="min-h-0 px-2 py-1" onClick={searchAll.start}>
              Search all jobs
            </Button>
          ))}
        {onClear && (
          <Button variant="ghost" className="min-h-0 px-2 py-1" onClick={onClear}>
            Clear filters
          </Button>
        )}
      </div>
    </div>
  );
}

/** Below the table: "Load more jobs" while the service has more, else that all are loaded. */
export function ListFooter({
  loaded,
  moreToLoad,
  loadingMore,
  onLoadMore,
  rowFiltersOn,
}: {
  loaded: number;
  moreToLoad: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  rowFiltersOn: boolean;
}) {
  return (
    <div className="flex flex-col items-center gap-2 py-2">
      {moreToLoad ? (
        <>
          <Button variant="secondary" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? "Loading more jobs…" : "Load more jobs"}
          </Button>
          {rowFiltersOn && (
            <p className="text-xs text-slate-500">
              Status, name, tag and “started by me” filters look at the loaded jobs only.
            </p>
          )}
        </>
      ) : (
        loaded > 0 && <p className="text-xs text-slate-500">Every job is loaded.</p>
      )}
    </div>
  );
}
