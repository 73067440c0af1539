"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { isInFlight } from "@/lib/job-status";
import type { JobsServerFilters } from "@/lib/jobs-filters";
import { createBackoff } from "@/lib/polling";
import { jobsQuery, refreshJobs, type JobsPages } from "@/lib/queries/jobs";

/** True while any loaded job is in flight: only then does the list poll. */
function anyInFlight(data: JobsPages | undefined): boolean {
  return (
    data?.pages.some((page) => page.audienceGenerationJobs.some((job) => isInFlight(job.status))) ??
    false
  );
}

/**
 * The service's pages of jobs for the service-side filters, as the server
 * prefetched the first one, loaded on demand and kept current.
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
export function useJobsPages(server: JobsServerFilters) {
  const [backoff] = useState(createBackoff);
  const queryClient = useQueryClient();
  const { configuredAudienceModelArn, collaborationId } = server;
  useEffect(() => {
    // Coming back to the tab is when jobs started elsewhere are expected: a refresh the person
    // asks for, even if the data is fresh, past the server's cache too.
    const onReturn = () => {
      if (document.visibilityState !== "visible") return;
      void refreshJobs(queryClient, { configuredAudienceModelArn, collaborationId });
    };
    document.addEventListener("visibilitychange", onReturn);
    return () => document.removeEventListener("visibilitychange", onReturn);
  }, [queryClient, configuredAudienceModelArn, collaborationId]);
  return useInfiniteQuery({
    ...jobsQuery(server),
    // A failure the server already met shows as it is; "Try again" asks again.
    retryOnMount: false,
    refetchInterval: (query) => (anyInFlight(query.state.data) ? backoff(query) : false),
    // The return to the tab is refreshed above, past the server's cache.
    refetchOnWindowFocus: false,
  });
}
