import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readCollaboration } from "@/lib/reads/collaborations";
import { uuidSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

/** A collaboration's name and its members' display names, for the names shown beside IDs. */
export const GET = jsonRoute(z.object({ id: uuidSchema }), ({ id }, options) =>
  readCollaboration(id, options),
);
