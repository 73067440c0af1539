import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readModelAssociations } from "@/lib/reads/models";

export const dynamic = "force-dynamic";

/** The models associated with each of the caller's collaborations, with their owners. */
export const GET = jsonRoute(z.object({}), (_query, options) => readModelAssociations(options));
