"use server";

import { z } from "zod";

import { audit } from "@/lib/auth/session";
import { DeleteAudienceGenerationJobCommand } from "@/lib/cleanrooms-ml";
import { defineAction } from "@/lib/define-action";
import { invalidateReads, readScope } from "@/lib/reads/cache";
import { audienceGenerationJobArnSchema } from "@/lib/schemas/api";
import { cleanRoomsML } from "@/lib/service";

/**
 * DeleteAudienceGenerationJob. The service answers at once and removes the job
 * in the background (DELETE_PENDING → DELETE_IN_PROGRESS → gone); the page
 * follows that by polling.
 */
export const deleteAudienceGenerationJob = defineAction(
  z.strictObject({ audienceGenerationJobArn: audienceGenerationJobArnSchema }),
  async (request, { user }) => {
    await cleanRoomsML().send(new DeleteAudienceGenerationJobCommand(request));
    invalidateReads(readScope.job(request.audienceGenerationJobArn), readScope.jobsList);
    audit(user, "deleted", request.audienceGenerationJobArn);
    return null;
  },
);
