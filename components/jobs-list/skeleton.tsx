import { Skeleton } from "@/components/ui/skeleton";

/** The table's shape while the first page loads: the toolbar (unless already shown), header and a few rows. */
export function JobsTableSkeleton({
  rows = 8,
  toolbar = true,
}: {
  rows?: number;
  toolbar?: boolean;
}) {
  return (
    <div role="status" aria-label="Loading jobs" className="space-y-4">
      <span className="sr-only">Loading jobs…</span>
      {toolbar && (
        <div className="flex flex-wrap gap-3">
          <Skeleton className="h-9 w-full sm:w-72" />
          <Skeleton className="h-9 w-40" />
          <Skeleton className="h-9 w-40" />
        </div>
      )}
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
        <div className="flex gap-4 border-b border-slate-100 bg-slate-50 px-4 py-3">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-4 w-16" />
          <Skeleton className="hidden h-4 w-28 md:block" />
          <Skeleton className="hidden h-4 w-20 md:block" />
          <Skeleton className="ml-auto hidden h-4 w-20 sm:block" />
        </div>
        {Array.from({ length: rows }, (_, i) => (
          <div
            key={i}
            className="flex items-center gap-4 border-b border-slate-100 px-4 py-3.5 last:border-b-0"
          >
            <Skeleton className="h-4 w-40 sm:w-56" />
            <Skeleton className="h-5 w-16 rounded-full" />
            <Skeleton className="hidden h-4 w-32 md:block" />
            <Skeleton className="hidden h-4 w-20 md:block" />
            <Skeleton className="ml-auto hidden h-4 w-16 sm:block" />
          </div>
        ))}
      </div>
    </div>
  );
}
