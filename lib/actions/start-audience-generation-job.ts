"use server";

import { fail, ok, type ActionResult } from "@/lib/action-result";
import {
  StartAudienceGenerationJobCommand,
  type StartAudienceGenerationJobCommandInput,
} from "@/lib/cleanrooms-ml";
import { fieldErrors } from "@/lib/schemas/issues";
import {
  formFieldForRequestPath,
  startJobFormSchema,
  toStartRequest,
} from "@/lib/schemas/start-job-form";
import { cleanRoomsML } from "@/lib/service";
import { toActionError } from "@/lib/service-errors";

export type StartJobResult = ActionResult<{ audienceGenerationJobArn: string }>;

/**
 * Starts an audience generation job from the start-job form's values.
 *
 * A public endpoint: the values are parsed again with the form's schema (the
 * same rules the browser applied) before anything is sent. A service
 * ValidationException that names a request member comes back beside that
 * form field; every other error comes back as the service's type, message and
 * what to do about it.
 */
export async function startAudienceGenerationJob(values: unknown): Promise<StartJobResult> {
  const parsed = startJobFormSchema.safeParse(values);
  if (!parsed.success) {
    return fail({
      code: "InvalidInput",
      message: "Some values are not valid. Correct the fields marked below.",
      fieldErrors: fieldErrors(parsed.error),
    });
  }
  try {
    // The schema checked the model's unions (exactly one member set), which its inferred type cannot say.
    const request = toStartRequest(parsed.data) as StartAudienceGenerationJobCommandInput;
    const { audienceGenerationJobArn } = await cleanRoomsML().send(
      new StartAudienceGenerationJobCommand(request),
    );
    return ok({ audienceGenerationJobArn });
  } catch (thrown) {
    const error = toActionError(thrown);
    if (error.code === "ValidationException") {
      const field = formFieldForRequestPath(error.message);
      if (field) return fail({ ...error, fieldErrors: { [field]: error.message } });
    }
    return fail(error);
  }
}
