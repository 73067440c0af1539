import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readSchedulerRoles } from "@/lib/schedules/reads";

export const dynamic = "force-dynamic";

/** The IAM roles EventBridge Scheduler may assume, for the schedule form's role picker. */
export const GET = jsonRoute(z.object({}), (_query, options) => readSchedulerRoles(options));
