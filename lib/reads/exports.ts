import "server-only";

import { paginateListAudienceExportJobs, type AudienceExportJobSummary } from "@/lib/cleanrooms-ml";
import { serialize } from "@/lib/json";
import { cleanRoomsML } from "@/lib/service";

import { readCache, readScope, type CachedRead } from "./cache";

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
