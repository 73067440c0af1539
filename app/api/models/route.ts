import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { listConfiguredModels } from "@/lib/reads/models";

export const dynamic = "force-dynamic";

export const GET = jsonRoute(z.object({}), () => listConfiguredModels());
