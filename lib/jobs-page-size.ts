import { MAX_RESULTS_MAX } from "@/lib/schemas/limits";

/**
 * Jobs per ListAudienceGenerationJobs call: the most the service allows. The
 * list's pages (`lib/queries/jobs.ts`, `/api/jobs`, the list's first paint)
 * and the role picker's look at the newest jobs (`lib/reads/roles.ts`) ask
 * with the same size, so they share one entry of the server's read cache.
 */
export const JOBS_PAGE_SIZE = MAX_RESULTS_MAX;
