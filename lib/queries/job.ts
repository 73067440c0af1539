import { queryOptions, type QueryClient } from "@tanstack/react-query";

import { fetchJson, readTimeOf, RouteError, whileRefreshing } from "@/lib/fetch-json";
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
