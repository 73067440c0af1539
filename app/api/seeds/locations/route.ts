import { z } from "zod";

import { seedLocations } from "@/lib/seeds/config";
import { seedRoute } from "@/lib/seeds/route";

export const dynamic = "force-dynamic";

/** The seed locations of SEED_BUCKETS (empty: the seed browser and upload are hidden). */
export const GET = seedRoute(z.object({}), async () => ({ body: seedLocations() }));
