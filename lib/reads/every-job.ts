import "server-only";

import { MAX_RESULTS_MAX } from "@/lib/schemas/limits";

import { readJob, readJobsPage, type JobData, type JobSummaryData } from "./jobs";

/** How many jobs are read at once: the service throttles bursts, and the reads are cached. */
const AT_ONCE = 6;

/** `fn` over `items`, at most `limit` at a time, results in order. */
export async function mapAtMost<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every job summary the dashboard can see (every page of ListAudienceGenerationJobs, each cached). */
export async function readEveryJobSummary(): Promise<JobSummaryData[]> {
  const jobs: JobSummaryData[] = [];
  let nextToken: string | undefined;
  do {
    const { data } = await readJobsPage({ maxResults: MAX_RESULTS_MAX, nextToken });
    jobs.push(...data.audienceGenerationJobs);
    nextToken = data.nextToken && data.nextToken !== nextToken ? data.nextToken : undefined;
  } while (nextToken);
  return jobs;
}

/**
 * Every job the dashboard can see, each read whole (GetAudienceGenerationJob,
 * through the read cache), newest first; a job that cannot be read (deleted
 * meanwhile) is left out. For the pages that sum over all jobs: costs and exports.
 */
export async function readEveryJob(): Promise<JobData[]> {
  const summaries = await readEveryJobSummary();
  const jobs = await mapAtMost(summaries, AT_ONCE, (s) =>
    readJob(s.audienceGenerationJobArn).then(
      (read) => read.data,
      () => undefined,
    ),
  );
  return jobs
    .filter((j): j is JobData => j !== undefined)
    .sort((a, b) => Date.parse(b.createTime) - Date.parse(a.createTime));
}
