// Thousands of jobs in the local service, for the benchmarks that need a
// team's long list (bench/list-first-rows.ts, the interactions of
// bench/pages). The jobs are inserted once, through the API, into a data
// folder kept under .data/bench-list-<count>, and reused by later runs.
import path from "node:path";
import { performance } from "node:perf_hooks";

import {
  DEMO_COLLABORATION_ID,
  DEMO_CONFIGURED_MODELS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "../emulator/demo/catalog";
import {
  CleanRoomsMLClient,
  paginateListAudienceGenerationJobs,
  StartAudienceGenerationJobCommand,
} from "../lib/cleanrooms-ml";

/** The name of the `i`-th inserted job (from 1), so a run finds what an earlier one inserted. */
export const benchJobName = (i: number) => `Bench job ${String(i).padStart(5, "0")}`;

/** Where the local service keeps `count` inserted jobs (with its demo jobs) between runs. */
export const manyJobsDataDir = (root: string, count: number) =>
  path.join(root, ".data", `bench-list-${count}`);

/**
 * The local service's settings for such a data folder: a high time scale
 * settles every inserted job at once (the list shows final statuses, as most
 * of a real team's jobs are), and a queue long enough for thousands of jobs
 * inserted eight at a time, faster than one worker computes them.
 */
export const MANY_JOBS_SERVICE_ENV = {
  EMULATOR_TIME_SCALE: "1000",
  EMULATOR_COMPUTE_QUEUE_MAX: "10000",
} as const;

/** A client of the local service at `endpoint`. */
export function localServiceClient(endpoint: string): CleanRoomsMLClient {
  return new CleanRoomsMLClient({
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
  });
}

/**
 * Inserts the jobs among `benchJobName(1…count)` that the service does not
 * hold yet (StartAudienceGenerationJob, eight at a time), then returns how
 * many jobs it lists in all and the newest one's name.
 */
export async function insertMissingJobs(
  client: CleanRoomsMLClient,
  count: number,
): Promise<{ total: number; newestName: string }> {
  const existing = new Set<string>();
  for await (const page of paginateListAudienceGenerationJobs({ client, pageSize: 100 }, {})) {
    for (const job of page.audienceGenerationJobs) existing.add(job.name);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter(
    (i) => !existing.has(benchJobName(i)),
  );
  if (missing.length > 0) {
    console.log(`Inserting ${missing.length} jobs through StartAudienceGenerationJob…`);
    const t0 = performance.now();
    const models = Object.values(DEMO_CONFIGURED_MODELS).map((m) => m.arn);
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < missing.length) {
          const i = missing[next++]!;
          await client.send(
            new StartAudienceGenerationJobCommand({
              name: benchJobName(i),
              configuredAudienceModelArn: models[i % models.length]!,
              // A partner's model takes jobs only in a collaboration that associates it (as AWS does).
              collaborationId: DEMO_COLLABORATION_ID,
              seedAudience: {
                dataSource: { s3Uri: DEMO_SEED_URIS.tooSmall },
                roleArn: DEMO_SEED_ROLE_ARN,
              },
            }),
          );
        }
      }),
    );
    console.log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  let total = 0;
  let newestName = "";
  for await (const page of paginateListAudienceGenerationJobs({ client, pageSize: 100 }, {})) {
    if (total === 0) newestName = page.audienceGenerationJobs[0]?.name ?? "";
    total += page.audienceGenerationJobs.length;
  }
  return { total, newestName };
}
