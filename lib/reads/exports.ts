import "server-only";

import { paginateListAudienceExportJobs, type AudienceExportJobSummary } from "@/lib/cleanrooms-ml";
import { mayHaveExports } from "@/lib/job-status";
import { serialize } from "@/lib/json";
import { whoDidIt } from "@/lib/schemas/dashboard-tags";
import { cleanRoomsML } from "@/lib/service";

import { readCache, readScope, type CachedRead } from "./cache";
import { mapAtMost, readEveryJob } from "./every-job";

async function loadExportJobs(audienceGenerationJobArn: string) {
  const exports: AudienceExportJobSummary[] = [];
  for await (const page of paginateListAudienceExportJobs(
    { client: cleanRoomsML(), pageSize: 100, stopOnSameToken: true },
    { audienceGenerationJobArn },
  )) {
    exports.push(...page.audienceExportJobs);
  }
  exports.sort((a, b) => b.createTime.getTime() - a.createTime.getTime());
  return serialize(exports);
}

export type ExportJobData = Awaited<ReturnType<typeof loadExportJobs>>[number];

/** Every export job of one audience generation job (all pages), newest first, with when it was read. */
export function readExportJobs(
  audienceGenerationJobArn: string,
  options: { fresh?: boolean } = {},
): Promise<CachedRead<ExportJobData[]>> {
  return readCache().read({
    operation: "ListAudienceExportJobs",
    input: { audienceGenerationJobArn },
    scopes: [readScope.exports(audienceGenerationJobArn)],
    load: () => loadExportJobs(audienceGenerationJobArn),
    fresh: options.fresh,
  });
}

/** Every export job of one audience generation job, read anew for a page being rendered (see {@link readExportJobs}). */
export async function listExportJobs(audienceGenerationJobArn: string): Promise<ExportJobData[]> {
  return (await readExportJobs(audienceGenerationJobArn, { fresh: true })).data;
}

/** One export of one job, with the job it belongs to, for the exports page. */
export interface ExportRowData extends ExportJobData {
  jobName: string;
  /** Who last asked for an export of this job from the dashboard (its `dashboard:exported-by` tag). */
  exportedBy?: string;
}

/**
 * Every export of every job the dashboard can see, newest first: each job
 * that may have exports (`mayHaveExports`), its ListAudienceExportJobs read
 * through the cache. `unreadable` counts the jobs whose exports could not be listed.
 */
export async function readEveryExport(): Promise<{ rows: ExportRowData[]; unreadable: number }> {
  const jobs = (await readEveryJob()).filter((job) => mayHaveExports(job.status));
  let unreadable = 0;
  const perJob = await mapAtMost(jobs, 6, (job) =>
    readExportJobs(job.audienceGenerationJobArn).then(
      (read) =>
        read.data.map((e): ExportRowData => ({
          ...e,
          jobName: job.name,
          exportedBy: whoDidIt(job.tags).exportedBy,
        })),
      () => {
        unreadable += 1;
        return [];
      },
    ),
  );
  const rows = perJob.flat().sort((a, b) => Date.parse(b.createTime) - Date.parse(a.createTime));
  return { rows, unreadable };
}
