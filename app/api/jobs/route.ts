import { jsonRoute } from "@/lib/api-route";
import { JOBS_PAGE_SIZE } from "@/lib/queries/jobs";
import { readJobsPage } from "@/lib/reads/jobs";
import { listAudienceGenerationJobsRequestSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

/**
 * GET /api/jobs?nextToken=…&configuredAudienceModelArn=…&collaborationId=…
 * One page of ListAudienceGenerationJobs (100 jobs unless `maxResults` says fewer),
 * the filters passed to the service as they are.
 */
export const GET = jsonRoute(listAudienceGenerationJobsRequestSchema, (input, options) =>
  readJobsPage({ maxResults: JOBS_PAGE_SIZE, ...input }, options),
);
