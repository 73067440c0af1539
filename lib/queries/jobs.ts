import {
  infiniteQueryOptions,
  queryOptions,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";

import { fetchJson } from "@/lib/fetch-json";
import type { JobsServerFilters } from "@/lib/jobs-filters";
import { JOBS_PAGE_SIZE } from "@/lib/jobs-page-size";
import type { JobsPageData, JobTagsData } from "@/lib/reads/jobs";

// The page size lives below lib/reads and lib/queries, which both ask with it; re-exported for the routes.
export { JOBS_PAGE_SIZE };

export type JobsPages = InfiniteData<JobsPageData, string | undefined>;

/** The key's filter part, with absent filters left out so `{}` and `{ collaborationId: undefined }` share a cache entry. */
function keyFilters(filters: JobsServerFilters): JobsServerFilters {
  const key: JobsServerFilters = {};
  if (filters.configuredAudienceModelArn)
    key.configuredAudienceModelArn = filters.configuredAudienceModelArn;
  if (filters.collaborationId) key.collaborationId = filters.collaborationId;
  return key;
}

/** `/api/jobs?…` for one page. */
function jobsPageUrl(filters: JobsServerFilters, nextToken?: string): string {
  const params = new URLSearchParams();
  const key = keyFilters(filters);
  if (key.configuredAudienceModelArn)
    params.set("configuredAudienceModelArn", key.configuredAudienceModelArn);
  if (key.collaborationId) params.set("collaborationId", key.collaborationId);
  if (nextToken) params.set("nextToken", nextToken);
  const query = params.toString();
  return query ? `/api/jobs?${query}` : "/api/jobs";
}

/**
 * The jobs list: ListAudienceGenerationJobs pages of {@link JOBS_PAGE_SIZE},
 * fetched one at a time on demand, narrowed by the service-side filters (part
 * of the key, so each filtered view has its own pages). The server renders the
 * first page and hands it over as `initialData`. `fresh`: read past the
 * server's cache (see {@link refreshJobs}).
 */
export const jobsQuery = (
  filters: JobsServerFilters,
  { fresh = false }: { fresh?: boolean } = {},
) =>
  infiniteQueryOptions({
    queryKey: ["audience-generation-jobs", keyFilters(filters)],
    queryFn: ({ pageParam, signal }) =>
      fetchJson<JobsPageData>(jobsPageUrl(filters, pageParam), { signal, fresh }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextToken || undefined,
  });

/**
 * A refresh of the list the person asked for ("Try again", coming back to the
 * tab): every loaded page read again past the server's cache, a read under
 * way dropped for it. A failure shows in the query's state, as any read's does.
 */
export async function refreshJobs(
  queryClient: QueryClient,
  filters: JobsServerFilters,
): Promise<void> {
  const query = jobsQuery(filters, { fresh: true });
  await queryClient.cancelQueries({ queryKey: query.queryKey, exact: true });
  await queryClient.fetchInfiniteQuery({ ...query, staleTime: 0 }).catch(() => undefined);
}

/** Jobs whose tags one request asks for (`GET /api/jobs/tags`, which refuses more). */
export const JOB_TAGS_BATCH = 20;

/** The tags of a batch of jobs (at most {@link JOB_TAGS_BATCH}), for the list's tag filters. */
export const jobTagsQuery = (arns: readonly string[]) =>
  queryOptions({
    queryKey: ["job-tags", arns],
    queryFn: ({ signal }) =>
      fetchJson<JobTagsData>(`/api/jobs/tags?arns=${encodeURIComponent(arns.join(","))}`, {
        signal,
      }),
  });
