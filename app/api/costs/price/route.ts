import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { crpuPrice } from "@/lib/config";

export const dynamic = "force-dynamic";

/** GET /api/costs/price: the price per CRPU-hour set by whoever runs the dashboard, or null. */
export const GET = jsonRoute(z.object({}), async () => ({ body: { price: crpuPrice() ?? null } }));
