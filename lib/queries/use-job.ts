"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";

import { isBeingDeleted, isInFlight } from "@/lib/job-status";
import { createBackoff, watchedPolling } from "@/lib/polling";
import type { JobData } from "@/lib/reads/jobs";

import { isJobGone, jobQuery } from "./job";

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
 * stale. With `notify` (the person asked to be told when the job finishes) a
 * hidden tab keeps polling, at the slowest delay (`watchedPolling`). Polls go through a GET route, never a server action, so they never
 * hold up the user's own actions.
 */
export function useJob(
  arn: string,
  options: {
    /**
     * Set once a deletion was accepted: keep polling even while the status
     * still reads final (ACTIVE, CREATE_FAILED), until the job is gone (404)
     * or the deletion failed (DELETE_FAILED).
     */
    followDeletion?: boolean;
    /** A notification was asked for: keep polling, slowly, while the tab is hidden. */
    notify?: boolean;
  } = {},
) {
  const [backoff] = useState(createBackoff);
  const { followDeletion = false, notify = false } = options;
  // The page prefetches the job on the server, so it is there from the first render; a later
  // failure (the job gone, the service down) keeps the last answer beside the error.
  return useSuspenseQuery({
    ...jobQuery(arn),
    ...jobPolling(backoff, { followDeletion, notify }),
  });
}

/**
 * The polling options of one job's query (the policy documented on
 * {@link useJob}), for `useJob` and for the comparison's `useJobs` alike.
 * `backoff` is the observer's own (`createBackoff`, kept in state).
 */
export function jobPolling(
  backoff: ReturnType<typeof createBackoff>,
  { followDeletion = false, notify = false }: { followDeletion?: boolean; notify?: boolean },
) {
  const inFlight = (data: JobData | undefined) =>
    data !== undefined && (isInFlight(data.status) || isBeingDeleted(data.status, followDeletion));
  type Query = { state: { data: JobData | undefined; dataUpdatedAt: number; error: unknown } };
  return {
    ...watchedPolling((query: Query) => {
      if (isJobGone(query.state.error) || !inFlight(query.state.data)) return false;
      return backoff(query);
    }, notify),
    refetchOnWindowFocus: (query: Query) => {
      if (isJobGone(query.state.error)) return false;
      return inFlight(query.state.data) ? ("always" as const) : true;
    },
  };
}
