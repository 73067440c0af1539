import { queryOptions, type QueryClient } from "@tanstack/react-query";

import { fetchJson, readTimeOf, RouteError } from "@/lib/fetch-json";
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

/**
 * One audience generation job, as `GET /api/job?arn=` returns it (the
 * service's answer, serialized). `fresh`: read past the server's cache (see
 * {@link refreshJob}).
 */
export const jobQuery = (arn: string, { fresh = false }: { fresh?: boolean } = {}) =>
  queryOptions({
    queryKey: jobQueryKey(arn),
    queryFn: ({ signal }) => fetchJson<JobData>(jobUrl(arn), { signal, fresh }),
    // A job that is gone stays gone: asking again would only repeat the 404.
    retry: (failureCount, error) => !isJobGone(error) && failureCount < 1,
  });

/**
 * A refresh of the job the person asked for (or that must show their own
 * change): a read under way is dropped for a new one that skips the server's
 * cache. A failure shows in the query's state, as any read's does.
 */
export async function refreshJob(queryClient: QueryClient, arn: string): Promise<void> {
  await queryClient.cancelQueries({ queryKey: jobQueryKey(arn), exact: true });
  await queryClient
    .fetchQuery({ ...jobQuery(arn, { fresh: true }), staleTime: 0 })
    .catch(() => undefined);
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
