import "server-only";

import {
  GetAudienceGenerationJobCommand,
  ListAudienceGenerationJobsCommand,
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

async function loadJobsPage(input: ListAudienceGenerationJobsCommandInput) {
  return serialize(await cleanRoomsML().send(new ListAudienceGenerationJobsCommand(input)));
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
