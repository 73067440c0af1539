import { infiniteQueryOptions, type InfiniteData } from "@tanstack/react-query";

import { fetchJson, refreshOnReturnToTab } from "@/lib/fetch-json";
import type { JobsServerFilters } from "@/lib/jobs-filters";
import { JOBS_PAGE_SIZE } from "@/lib/jobs-page-size";
import type { JobsPageData } from "@/lib/reads/jobs";

// The list refreshes when the person comes back to its tab (jobs started elsewhere): past the server's cache too.
refreshOnReturnToTab("/api/jobs");

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
 * first page and hands it over as `initialData`.
 */
export const jobsQuery = (filters: JobsServerFilters) =>
  infiniteQueryOptions({
    queryKey: ["audience-generation-jobs", keyFilters(filters)],
    queryFn: ({ pageParam, signal }) =>
      fetchJson<JobsPageData>(jobsPageUrl(filters, pageParam), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextToken || undefined,
  });
