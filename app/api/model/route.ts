import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { readConfiguredModel } from "@/lib/reads/models";
import { configuredAudienceModelArnSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

export const GET = jsonRoute(
  z.object({ arn: configuredAudienceModelArnSchema }),
  ({ arn }, options) => readConfiguredModel(arn, options),
);
