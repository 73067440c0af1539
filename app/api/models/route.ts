import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readConfiguredModels } from "@/lib/reads/models";

export const dynamic = "force-dynamic";

export const GET = jsonRoute(z.object({}), (_query, options) => readConfiguredModels(options));
