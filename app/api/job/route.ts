import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readJob } from "@/lib/reads/jobs";
import { audienceGenerationJobArnSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

/** GET /api/job?arn=<job ARN>: the job exactly as GetAudienceGenerationJob returns it (dates as ISO strings). */
export const GET = jsonRoute(
  z.object({ arn: audienceGenerationJobArnSchema }),
  ({ arn }, options) => readJob(arn, options),
);
