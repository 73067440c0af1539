import "server-only";

import { paginateListAudienceExportJobs, type AudienceExportJobSummary } from "@/lib/cleanrooms-ml";
import { serialize } from "@/lib/json";
import { cleanRoomsML } from "@/lib/service";

/** Every export job of one audience generation job (all pages), newest first. */
export async function listExportJobs(audienceGenerationJobArn: string) {
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

export type ExportJobData = Awaited<ReturnType<typeof listExportJobs>>[number];
