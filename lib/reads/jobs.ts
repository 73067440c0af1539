import "server-only";

import {
  GetAudienceGenerationJobCommand,
  ListAudienceGenerationJobsCommand,
  paginateListAudienceExportJobs,
  type AudienceGenerationJobSummary,
  type ListAudienceGenerationJobsCommandInput,
} from "@/lib/cleanrooms-ml";
import { serialize } from "@/lib/json";
import { cleanRoomsML } from "@/lib/service";

import { readCache, readScope, type CachedRead } from "./cache";

async function loadJob(audienceGenerationJobArn: string) {
  return serialize(
    await cleanRoomsML().send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn })),
  );
}

/** Every export of the account (ListAudienceExportJobs with no job named), as a job's status and ARN. */
async function loadAllExports(): Promise<{ audienceGenerationJobArn: string; status: string }[]> {
  const out: { audienceGenerationJobArn: string; status: string }[] = [];
  for await (const page of paginateListAudienceExportJobs(
    { client: cleanRoomsML(), pageSize: 100, stopOnSameToken: true },
    {},
  )) {
    for (const e of page.audienceExportJobs)
      out.push({ audienceGenerationJobArn: e.audienceGenerationJobArn, status: e.status });
  }
  return out;
}

/**
 * How many exports each job has, for the list's Exports column: one
 * account-wide read (kept like a job's exports, `READ_TTL_MS.exports*`)
 * rather than a call per row. Undefined when it cannot be read: the list
 * then says nothing about exports rather than "none".
 */
async function exportCounts(): Promise<Map<string, number> | undefined> {
  try {
    const { data } = await readCache().read({
      operation: "ListAudienceExportJobs",
      input: {},
      scopes: [readScope.jobsList],
      load: loadAllExports,
    });
    const counts = new Map<string, number>();
    for (const e of data)
      counts.set(e.audienceGenerationJobArn, (counts.get(e.audienceGenerationJobArn) ?? 0) + 1);
    return counts;
  } catch {
    return undefined;
  }
}

/** A page of jobs, each with how many exports it has (`exports`, absent when they could not be read). */
async function loadJobsPage(input: ListAudienceGenerationJobsCommandInput) {
  const [page, counts] = await Promise.all([
    cleanRoomsML().send(new ListAudienceGenerationJobsCommand(input)),
    exportCounts(),
  ]);
  return serialize({
    ...page,
    audienceGenerationJobs: page.audienceGenerationJobs.map(
      (job): AudienceGenerationJobSummary & { exports?: number } =>
        counts ? { ...job, exports: counts.get(job.audienceGenerationJobArn) ?? 0 } : job,
    ),
  });
}

export type JobData = Awaited<ReturnType<typeof loadJob>>;
export type JobsPageData = Awaited<ReturnType<typeof loadJobsPage>>;
export type JobSummaryData = JobsPageData["audienceGenerationJobs"][number];

/** One audience generation job, everything GetAudienceGenerationJob returns, with when it was read. */
export function readJob(
  audienceGenerationJobArn: string,
  options: { fresh?: boolean } = {},
): Promise<CachedRead<JobData>> {
  return readCache().read({
    operation: "GetAudienceGenerationJob",
    input: { audienceGenerationJobArn },
    scopes: [readScope.job(audienceGenerationJobArn)],
    load: () => loadJob(audienceGenerationJobArn),
    fresh: options.fresh,
  });
}

/** One page of ListAudienceGenerationJobs (the service's own order and filters), with when it was read. */
export function readJobsPage(
  input: ListAudienceGenerationJobsCommandInput,
  options: { fresh?: boolean } = {},
): Promise<CachedRead<JobsPageData>> {
  return readCache().read({
    operation: "ListAudienceGenerationJobs",
    input: { ...input },
    scopes: [readScope.jobsList],
    load: () => loadJobsPage(input),
    fresh: options.fresh,
  });
}

/** One page of ListAudienceGenerationJobs, read anew for a page being rendered (see {@link readJobsPage}). */
export async function listJobsPage(
  input: ListAudienceGenerationJobsCommandInput,
): Promise<JobsPageData> {
  return (await readJobsPage(input, { fresh: true })).data;
}
