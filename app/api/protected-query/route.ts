import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readProtectedQuery } from "@/lib/reads/collaborations";
import { uuidSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

/** The protected query behind a job with a SQL seed. */
export const GET = jsonRoute(
  z.object({ collaborationId: uuidSchema, id: uuidSchema }),
  ({ collaborationId, id }, options) => readProtectedQuery(collaborationId, id, options),
);
