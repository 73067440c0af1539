"use server";

import { fail, ok, type ActionResult } from "@/lib/action-result";
import { StartAudienceExportJobCommand } from "@/lib/cleanrooms-ml";
import { startAudienceExportJobRequestSchema } from "@/lib/schemas/api";
import { fieldErrors, formatIssues } from "@/lib/schemas/issues";
import { cleanRoomsML } from "@/lib/service";
import { toActionError } from "@/lib/service-errors";

/**
 * StartAudienceExportJob: writes one size of a finished job's audience to the
 * configured model's S3 destination. Errors name the request field
 * (`name`, `audienceSize.value`, …) so the form can show them beside it.
 */
export async function startAudienceExportJob(input: unknown): Promise<ActionResult<null>> {
  const parsed = startAudienceExportJobRequestSchema.safeParse(input);
  if (!parsed.success) {
    return fail({
      code: "InvalidInput",
      message: formatIssues(parsed.error),
      fieldErrors: fieldErrors(parsed.error),
    });
  }
  try {
    await cleanRoomsML().send(new StartAudienceExportJobCommand(parsed.data));
    return ok(null);
  } catch (error) {
    return fail(toActionError(error));
  }
}
