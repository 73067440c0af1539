"use server";

import { StartAudienceExportJobCommand } from "@/lib/cleanrooms-ml";
import { defineAction } from "@/lib/define-action";
import { startAudienceExportJobRequestSchema } from "@/lib/schemas/api";
import { cleanRoomsML } from "@/lib/service";

/**
 * StartAudienceExportJob: writes one size of a finished job's audience to the
 * configured model's S3 destination. Errors name the request field
 * (`name`, `audienceSize.value`, …) so the form can show them beside it.
 */
export const startAudienceExportJob = defineAction(startAudienceExportJobRequestSchema, async (request) => {
  await cleanRoomsML().send(new StartAudienceExportJobCommand(request));
  return null;
});
