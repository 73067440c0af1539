import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { JOB_TAGS_BATCH } from "@/lib/queries/jobs";
import { readJobsTags } from "@/lib/reads/jobs";
import { audienceGenerationJobArnSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

const arnsSchema = z
  .string()
  .transform((text) => [...new Set(text.split(",").map((arn) => arn.trim()))])
  .pipe(
    z
      .array(audienceGenerationJobArnSchema)
      .max(JOB_TAGS_BATCH, { error: `arns takes at most ${JOB_TAGS_BATCH} job ARNs at a time` }),
  );

/**
 * GET /api/jobs/tags?arns=<job ARN>,<job ARN>,…: the tags of up to
 * {@link JOB_TAGS_BATCH} jobs (ListTagsForResource each, cached like a final
 * job), for the list's tag and "started by me" filters.
 */
export const GET = jsonRoute(z.object({ arns: arnsSchema }), async ({ arns }, { fresh }) => ({
  body: await readJobsTags(arns, { fresh }),
}));
