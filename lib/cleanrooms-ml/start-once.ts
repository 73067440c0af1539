/**
 * StartAudienceGenerationJob at most once. The API takes no client token, so a
 * start whose answer was lost (a timeout, a dropped connection, a 5xx after
 * the job was created) and then retried would start a second, identical job.
 * Before any such retry, this looks for the job the lost attempt may have
 * started: one with the same name and configured model, created since a few
 * minutes before the first attempt (ListAudienceGenerationJobs filtered by
 * the model, a few pages), and answers with it instead of starting again.
 * When that list cannot be read, the failure stands rather than risk a second
 * job. A throttled attempt started nothing and is retried as usual.
 */
import type { CleanRoomsMLClient, SendOptions } from "./client";
import { StartAudienceGenerationJobCommand } from "./commands";
import { paginateListAudienceGenerationJobs } from "./paginate";
import type {
  StartAudienceGenerationJobCommandInput,
  StartAudienceGenerationJobCommandOutput,
} from "./types";

/** How far before the first attempt a found job may have been created: the clock skew SigV4 allows. */
export const START_LOOKBACK_MS = 5 * 60_000;
/** Pages of the model's jobs to look through (100 each) before giving up and starting again. */
const LOOKUP_PAGES = 3;

/** The job a lost start created, if the service lists one. */
export async function findStartedJob(
  client: CleanRoomsMLClient,
  input: StartAudienceGenerationJobCommandInput,
  since: Date,
  options: SendOptions = {},
): Promise<StartAudienceGenerationJobCommandOutput | undefined> {
  let pages = 0;
  for await (const page of paginateListAudienceGenerationJobs(
    { client, pageSize: 100 },
    { configuredAudienceModelArn: input.configuredAudienceModelArn },
    { abortSignal: options.abortSignal },
  )) {
    const match = page.audienceGenerationJobs
      .filter(
        (job) =>
          job.name === input.name &&
          job.configuredAudienceModelArn === input.configuredAudienceModelArn &&
          job.createTime.getTime() >= since.getTime(),
      )
      .sort((a, b) => b.createTime.getTime() - a.createTime.getTime())[0];
    if (match) {
      return {
        audienceGenerationJobArn: match.audienceGenerationJobArn,
        $metadata: { ...page.$metadata },
      };
    }
    if (++pages >= LOOKUP_PAGES) return undefined;
  }
  return undefined;
}

/**
 * Starts the job, retrying as the client does (a throttle started nothing, so
 * it is simply asked again, spaced by the shared back-off), but never starting
 * it twice (see above). The client's retries are the only layer.
 */
export async function startAudienceGenerationJobOnce(
  client: CleanRoomsMLClient,
  input: StartAudienceGenerationJobCommandInput,
  options: { abortSignal?: AbortSignal; now?: () => number } = {},
): Promise<StartAudienceGenerationJobCommandOutput> {
  const now = options.now ?? Date.now;
  const since = new Date(now() - START_LOOKBACK_MS);
  return client.send(new StartAudienceGenerationJobCommand(input), {
    abortSignal: options.abortSignal,
    // Any other failure may have started the job: look for it before any new attempt.
    beforeRetry: async (failure) => {
      try {
        return await findStartedJob(client, input, since, options);
      } catch {
        // Without the list, a retry might start the job twice: the lost attempt's failure stands.
        throw failure;
      }
    },
  });
}
