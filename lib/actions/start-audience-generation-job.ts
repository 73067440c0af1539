"use server";

import type { ActionResult } from "@/lib/action-result";
import {
  StartAudienceGenerationJobCommand,
  type StartAudienceGenerationJobCommandInput,
} from "@/lib/cleanrooms-ml";
import { defineAction } from "@/lib/define-action";
import {
  formFieldForRequestPath,
  startJobFormSchema,
  toStartRequest,
} from "@/lib/schemas/start-job-form";
import { cleanRoomsML } from "@/lib/service";

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
export const startAudienceGenerationJob = defineAction(
  startJobFormSchema,
  async (values) => {
    // The schema checked the model's unions (exactly one member set), which its inferred type cannot say.
    const request = toStartRequest(values) as StartAudienceGenerationJobCommandInput;
    const { audienceGenerationJobArn } = await cleanRoomsML().send(new StartAudienceGenerationJobCommand(request));
    return { audienceGenerationJobArn };
  },
  {
    invalidMessage: "Some values are not valid. Correct the fields marked below.",
    mapError: (error) => {
      const field = error.code === "ValidationException" ? formFieldForRequestPath(error.message) : undefined;
      return field ? { ...error, fieldErrors: { [field]: error.message } } : error;
    },
  },
);
