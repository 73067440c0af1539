import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { seedLocations } from "@/lib/seeds/config";

export const dynamic = "force-dynamic";

/** The seed locations of SEED_BUCKETS (empty: the seed browser and upload are hidden). */
export const GET = jsonRoute(z.object({}), async () => ({ body: seedLocations() }));
