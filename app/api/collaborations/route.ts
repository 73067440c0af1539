import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readMemberships } from "@/lib/reads/collaborations";

export const dynamic = "force-dynamic";

/** The caller's active memberships (ListMemberships, every page), for the collaboration picker. */
export const GET = jsonRoute(z.object({}), (_query, options) => readMemberships(options));
