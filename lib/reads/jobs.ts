import "server-only";

import {
  GetAudienceGenerationJobCommand,
  ListAudienceGenerationJobsCommand,
  ListTagsForResourceCommand,
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

/** The tags of some jobs, by ARN; `unreadable`: the jobs whose tags could not be read (deleted since, say). */
export interface JobTagsData {
  tags: Record<string, Record<string, string>>;
  unreadable: string[];
}

/** One job's tags (ListTagsForResource), kept like a final job and dropped by the tag actions. */
export async function readJobTags(
  resourceArn: string,
  options: { fresh?: boolean } = {},
): Promise<Record<string, string>> {
  const { data } = await readCache().read({
    operation: "ListTagsForResource",
    input: { resourceArn },
    scopes: [readScope.job(resourceArn)],
    load: async () =>
      (await cleanRoomsML().send(new ListTagsForResourceCommand({ resourceArn }))).tags ?? {},
    fresh: options.fresh,
  });
  return data;
}

/**
 * The tags of a batch of jobs (at most `JOB_TAGS_BATCH`), read side by
 * side. A job whose tags cannot be read is named in `unreadable`; when none
 * can be read, the first error is thrown (the service refuses, not one job).
 */
export async function readJobsTags(
  arns: readonly string[],
  options: { fresh?: boolean } = {},
): Promise<JobTagsData> {
  const results = await Promise.all(
    arns.map((arn) =>
      readJobTags(arn, options).then(
        (tags) => ({ arn, tags }),
        (error: unknown) => ({ arn, error }),
      ),
    ),
  );
  const answer: JobTagsData = { tags: {}, unreadable: [] };
  for (const result of results) {
    if ("tags" in result) answer.tags[result.arn] = result.tags;
    else answer.unreadable.push(result.arn);
  }
  const failed = results.find((result) => "error" in result);
  if (failed && answer.unreadable.length === arns.length) throw failed.error;
  return answer;
}
