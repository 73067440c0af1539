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

const jobs = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "job" : "jobs"}`;

/** Above the table: how many jobs are loaded and shown, and "Clear filters" when any is on. */
export function ListSummary({
  loaded,
  shown,
  rowFiltersOn,
  moreToLoad,
  onClear,
}: {
  loaded: number;
  shown: number;
  rowFiltersOn: boolean;
  moreToLoad: boolean;
  /** Absent when no filter is on. */
  onClear?: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <p role="status">
        {rowFiltersOn
          ? `${shown.toLocaleString("en-US")} of ${loaded.toLocaleString("en-US")} loaded ${loaded === 1 ? "job" : "jobs"} match`
          : `${jobs(loaded)}${moreToLoad ? " loaded, more available" : ""}`}
      </p>
      {onClear && (
        <Button variant="ghost" className="min-h-0 px-2 py-1" onClick={onClear}>
          Clear filters
        </Button>
      )}
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
  );
}
