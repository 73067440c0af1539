import { queryOptions } from "@tanstack/react-query";

import { fetchJson, RouteError } from "@/lib/fetch-json";
import type { JobData } from "@/lib/reads/jobs";

export const jobQueryKey = (arn: string) => ["audience-generation-job", arn] as const;

/** True when the service says the job does not exist (any more): GetAudienceGenerationJob answered 404. */
export function isJobGone(error: unknown): boolean {
  return (
    error instanceof RouteError &&
    (error.status === 404 || error.error.code === "ResourceNotFoundException")
  );
}

/** One audience generation job, as `GET /api/job?arn=` returns it (the service's answer, serialized). */
export const jobQuery = (arn: string) =>
  queryOptions({
    queryKey: jobQueryKey(arn),
    queryFn: ({ signal }) =>
      fetchJson<JobData>(`/api/job?arn=${encodeURIComponent(arn)}`, { signal }),
    // A job that is gone stays gone: asking again would only repeat the 404.
    retry: (failureCount, error) => !isJobGone(error) && failureCount < 1,
  });
