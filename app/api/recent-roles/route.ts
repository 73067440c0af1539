import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readRecentRoles } from "@/lib/reads/roles";

export const dynamic = "force-dynamic";

/** The seed roles of the newest jobs, for the top of the role picker. */
export const GET = jsonRoute(z.object({}), (_query, options) => readRecentRoles(options));
