import { JobsTableSkeleton } from "@/components/jobs-list/skeleton";
import { Skeleton } from "@/components/ui/skeleton";

/** The list's shape while the server reads the first page. */
export default function Loading() {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <Skeleton className="h-7 w-48" />
          <Skeleton className="h-4 w-80 max-w-full" />
        </div>
        <Skeleton className="h-9 w-24" />
      </div>
      <JobsTableSkeleton />
    </div>
  );
}
