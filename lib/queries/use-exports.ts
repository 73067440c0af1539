"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { isExportInFlight } from "@/lib/job-status";
import { createBackoff } from "@/lib/polling";

import { exportsQuery } from "./exports";

/**
 * The job's export jobs, kept current while any of them is in flight.
 *
 * Polls when: at least one export is CREATE_PENDING or CREATE_IN_PROGRESS,
 * with the same backoff as the job (`pollDelay`: about 2 s, ×1.5 per unchanged
 * answer, at most 15 s). Stops when every export is ACTIVE or CREATE_FAILED
 * (or there are none), unless the last refresh failed. Paused while the tab is hidden. `enabled: false` (the
 * job cannot have exports yet) makes no request at all.
 */
export function useExports(jobArn: string, options: { enabled: boolean }) {
  const [backoff] = useState(createBackoff);
  return useQuery({
    ...exportsQuery(jobArn),
    enabled: options.enabled,
    // A refresh that failed (say, the one right after an export was started) is tried again:
    // stopping there would leave an accepted export unseen until the page is reloaded.
    refetchInterval: (query) =>
      query.state.status === "error" || query.state.data?.some((e) => isExportInFlight(e.status))
        ? backoff(query)
        : false,
  });
}
