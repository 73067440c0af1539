import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readAnalysisTemplate } from "@/lib/reads/collaborations";
import { analysisTemplateArnSchema, uuidSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

/** One analysis template with its declared parameters and SQL. */
export const GET = jsonRoute(
  z.object({ collaborationId: uuidSchema, arn: analysisTemplateArnSchema }),
  ({ collaborationId, arn }, options) => readAnalysisTemplate(collaborationId, arn, options),
);
