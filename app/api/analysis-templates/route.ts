import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readAnalysisTemplates } from "@/lib/reads/collaborations";
import { uuidSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

/** A collaboration's analysis templates, for the seed's template picker. */
export const GET = jsonRoute(
  z.object({ collaborationId: uuidSchema }),
  ({ collaborationId }, options) => readAnalysisTemplates(collaborationId, options),
);
