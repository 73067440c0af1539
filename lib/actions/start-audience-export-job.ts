"use server";

import { audit } from "@/lib/auth/session";
import { StartAudienceExportJobCommand, TagResourceCommand } from "@/lib/cleanrooms-ml";
import { defineAction } from "@/lib/define-action";
import { invalidateReads, readScope } from "@/lib/reads/cache";
import { startAudienceExportJobRequestSchema } from "@/lib/schemas/api";
import { EXPORTED_BY_TAG, whoTagValue } from "@/lib/schemas/dashboard-tags";
import { cleanRoomsML } from "@/lib/service";

/**
 * StartAudienceExportJob: writes one size of a finished job's audience to the
 * configured model's S3 destination. Errors name the request field
 * (`name`, `audienceSize.value`, …) so the form can show them beside it.
 * Once the export has started, the signed-in person is recorded on the job
 * (`dashboard:exported-by`).
 */
export const startAudienceExportJob = defineAction(
  startAudienceExportJobRequestSchema,
  async (request, { user }) => {
    // A throttle did nothing: the client asks again through the shared back-off (its retries are the only layer).
    await cleanRoomsML().send(new StartAudienceExportJobCommand(request));
    invalidateReads(
      readScope.exports(request.audienceGenerationJobArn),
      readScope.job(request.audienceGenerationJobArn),
    );
    audit(user, `exported ${JSON.stringify(request.name)} of`, request.audienceGenerationJobArn);
    if (user) {
      const tags = { [EXPORTED_BY_TAG]: whoTagValue(user.identity) };
      // The export has started: failing to label the job must not report it as failed.
      await cleanRoomsML()
        .send(new TagResourceCommand({ resourceArn: request.audienceGenerationJobArn, tags }))
        .catch((error: unknown) => console.error("Could not record who exported the job:", error));
      invalidateReads(readScope.job(request.audienceGenerationJobArn));
    }
    return null;
  },
);
