import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readCostHistory } from "@/lib/costs-reads";

export const dynamic = "force-dynamic";

/** GET /api/costs: every billed SQL and template seed run, and the configured price per CRPU-hour (or null). */
export const GET = jsonRoute(z.object({}), async () => ({ body: await readCostHistory() }));
