import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readEveryExport } from "@/lib/reads/exports";

export const dynamic = "force-dynamic";

/** GET /api/exports/all: every export of every job the dashboard can see, newest first. */
export const GET = jsonRoute(z.object({}), async () => ({ body: await readEveryExport() }));
