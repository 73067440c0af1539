"use server";

import { z } from "zod";

import { fail, ok, type ActionResult } from "@/lib/action-result";
import { DeleteAudienceGenerationJobCommand } from "@/lib/cleanrooms-ml";
import { audienceGenerationJobArnSchema } from "@/lib/schemas/api";
import { fieldErrors, formatIssues } from "@/lib/schemas/issues";
import { cleanRoomsML } from "@/lib/service";
import { toActionError } from "@/lib/service-errors";

const inputSchema = z.strictObject({ audienceGenerationJobArn: audienceGenerationJobArnSchema });

/**
 * DeleteAudienceGenerationJob. The service answers at once and removes the job
 * in the background (DELETE_PENDING → DELETE_IN_PROGRESS → gone); the page
 * follows that by polling.
 */
export async function deleteAudienceGenerationJob(input: unknown): Promise<ActionResult<null>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    return fail({
      code: "InvalidInput",
      message: formatIssues(parsed.error),
      fieldErrors: fieldErrors(parsed.error),
    });
  }
  try {
    await cleanRoomsML().send(new DeleteAudienceGenerationJobCommand(parsed.data));
    return ok(null);
  } catch (error) {
    return fail(toActionError(error));
  }
}
