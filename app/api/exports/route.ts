import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readExportJobs } from "@/lib/reads/exports";
import { audienceGenerationJobArnSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

/** GET /api/exports?jobArn=<job ARN>: every export job of that job (all pages of ListAudienceExportJobs), newest first. */
export const GET = jsonRoute(
  z.object({ jobArn: audienceGenerationJobArnSchema }),
  ({ jobArn }, options) => readExportJobs(jobArn, options),
);
