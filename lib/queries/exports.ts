import { queryOptions, useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { fetchJson } from "@/lib/fetch-json";
import { isExportInFlight } from "@/lib/job-status";
import { createBackoff } from "@/lib/polling";
import type { ExportJobData } from "@/lib/reads/exports";

export const exportsQueryKey = (jobArn: string) => ["audience-export-jobs", jobArn] as const;

/** Every export job of one audience generation job, newest first (`GET /api/exports?jobArn=`). */
export const exportsQuery = (jobArn: string) =>
  queryOptions({
    queryKey: exportsQueryKey(jobArn),
    queryFn: ({ signal }) =>
      fetchJson<ExportJobData[]>(`/api/exports?jobArn=${encodeURIComponent(jobArn)}`, { signal }),
  });

// The rule lives with the other status rules (the server's read cache needs it too, without React).
export { isExportInFlight };

/**
 * The job's export jobs, kept current while any of them is in flight.
 *
 * Polls when: at least one export is CREATE_PENDING or CREATE_IN_PROGRESS,
 * with the same backoff as the job (`pollDelay`: about 2 s, ×1.5 per unchanged
 * answer, at most 15 s). Stops when every export is ACTIVE or CREATE_FAILED
 * (or there are none). Paused while the tab is hidden. `enabled: false` (the
 * job cannot have exports yet) makes no request at all.
 */
export function useExports(
  jobArn: string,
  options: { initialData?: ExportJobData[]; enabled: boolean },
) {
  const [backoff] = useState(createBackoff);
  return useQuery({
    ...exportsQuery(jobArn),
    initialData: options.initialData,
    enabled: options.enabled,
    refetchInterval: (query) =>
      query.state.data?.some((e) => isExportInFlight(e.status)) ? backoff(query) : false,
  });
}
