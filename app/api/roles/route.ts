import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readSeedRoles } from "@/lib/reads/roles";

export const dynamic = "force-dynamic";

/** The IAM roles Clean Rooms ML may assume, for the role picker. */
export const GET = jsonRoute(z.object({}), (_query, options) => readSeedRoles(options));
