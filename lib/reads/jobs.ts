import "server-only";

import {
  GetAudienceGenerationJobCommand,
  ListAudienceGenerationJobsCommand,
  type ListAudienceGenerationJobsCommandInput,
} from "@/lib/cleanrooms-ml";
import { serialize } from "@/lib/json";
import { cleanRoomsML } from "@/lib/service";

/** One audience generation job, everything GetAudienceGenerationJob returns. */
export async function getJob(audienceGenerationJobArn: string) {
  return serialize(
    await cleanRoomsML().send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn })),
  );
}

/** One page of ListAudienceGenerationJobs (the service's own order and filters). */
export async function listJobsPage(input: ListAudienceGenerationJobsCommandInput) {
  return serialize(await cleanRoomsML().send(new ListAudienceGenerationJobsCommand(input)));
}

export type JobData = Awaited<ReturnType<typeof getJob>>;
export type JobsPageData = Awaited<ReturnType<typeof listJobsPage>>;
export type JobSummaryData = JobsPageData["audienceGenerationJobs"][number];
