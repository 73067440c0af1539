import { queryOptions, useQuery, type QueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { fetchJson, readTimeOf, RouteError, whileRefreshing } from "@/lib/fetch-json";
import { isFinalStatus } from "@/lib/job-status";
import { createBackoff } from "@/lib/polling";
import type { JobData } from "@/lib/reads/jobs";

export const jobQueryKey = (arn: string) => ["audience-generation-job", arn] as const;

/** True when the service says the job does not exist (any more): GetAudienceGenerationJob answered 404. */
export function isJobGone(error: unknown): boolean {
  return (
    error instanceof RouteError &&
    (error.status === 404 || error.error.code === "ResourceNotFoundException")
  );
}

const jobUrl = (arn: string) => `/api/job?arn=${encodeURIComponent(arn)}`;

/** One audience generation job, as `GET /api/job?arn=` returns it (the service's answer, serialized). */
export const jobQuery = (arn: string) =>
  queryOptions({
    queryKey: jobQueryKey(arn),
    queryFn: ({ signal }) => fetchJson<JobData>(jobUrl(arn), { signal }),
    // A job that is gone stays gone: asking again would only repeat the 404.
    retry: (failureCount, error) => !isJobGone(error) && failureCount < 1,
  });

/**
 * The job, kept current while it is in flight.
 *
 * Polls when: the last answer's status is not final (CREATE_PENDING,
 * CREATE_IN_PROGRESS, DELETE_PENDING, DELETE_IN_PROGRESS), after
 * `pollDelay(n)`: about 2 s, then ×1.5 for each of the n consecutive polls
 * that returned unchanged data, at most 15 s; any change starts again at 2 s.
 *
 * Stops when: the status is final (ACTIVE, CREATE_FAILED, DELETE_FAILED), or
 * the job is gone (404: deleted). While following a deletion the page asked
 * for, it polls on through a still-final status until 404 or DELETE_FAILED. Pauses while the tab is hidden (the query
 * client's `refetchIntervalInBackground: false`); when the tab becomes visible
 * again an in-flight job refreshes at once, a finished one when its data is
 * stale. Polls go through a GET route, never a server action, so they never
 * hold up the user's own actions.
 */
export function useJob(
  arn: string,
  initialData?: JobData,
  options: {
    /** When the server read `initialData` (ms since the epoch), so "updated N s ago" is honest. */
    initialDataUpdatedAt?: number;
    /**
     * Set once a deletion was accepted: keep polling even while the status
     * still reads final (ACTIVE, CREATE_FAILED), until the job is gone (404)
     * or the deletion failed (DELETE_FAILED).
     */
    followDeletion?: boolean;
  } = {},
) {
  const [backoff] = useState(createBackoff);
  const { initialDataUpdatedAt, followDeletion = false } = options;
  const inFlight = (data: JobData | undefined) =>
    data !== undefined &&
    (!isFinalStatus(data.status) || (followDeletion && data.status !== "DELETE_FAILED"));
  return useQuery({
    ...jobQuery(arn),
    initialData,
    initialDataUpdatedAt,
    refetchInterval: (query) => {
      if (isJobGone(query.state.error) || !inFlight(query.state.data)) return false;
      return backoff(query);
    },
    refetchOnWindowFocus: (query) => {
      if (isJobGone(query.state.error)) return false;
      return inFlight(query.state.data) ? "always" : true;
    },
  });
}

/** A refresh of the job the person asked for (or that must show their own change): skips the server's cache. */
export function refreshJob(queryClient: QueryClient, arn: string): Promise<void> {
  return whileRefreshing("/api/job", () =>
    queryClient.refetchQueries({ queryKey: jobQueryKey(arn), exact: true }),
  );
}

/**
 * When the service gave the job data shown (ms since the epoch), for "Updated
 * N s ago": the server's read while the page still shows what it rendered
 * with (`dataUpdatedAt` is then `initialReadAt`), else the last refresh's,
 * as its route reported it, not when the browser received it.
 */
export function jobReadAt(arn: string, dataUpdatedAt: number, initialReadAt: number): number {
  if (!dataUpdatedAt || dataUpdatedAt === initialReadAt) return initialReadAt;
  return readTimeOf(jobUrl(arn)) ?? dataUpdatedAt;
}
