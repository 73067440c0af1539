"use server";

import type { ActionResult } from "@/lib/action-result";
import { audit } from "@/lib/auth/session";
import { recordWho, STARTED_BY_TAG } from "@/lib/auth/who";
import {
  StartAudienceGenerationJobCommand,
  type StartAudienceGenerationJobCommandInput,
} from "@/lib/cleanrooms-ml";
import { defineAction } from "@/lib/define-action";
import { invalidateReads, readScope } from "@/lib/reads/cache";
import { TAGS_MAX } from "@/lib/schemas/api";
import {
  formFieldForRequestPath,
  startJobFormSchema,
  toStartRequest,
} from "@/lib/schemas/start-job-form";
import { cleanRoomsML } from "@/lib/service";

/** The person's tag would take a job with every allowed tag over the limit. */
class TooManyTags extends Error {
  static readonly code = "TooManyTags";
  override name = TooManyTags.code;
  constructor() {
    super(
      `At most ${TAGS_MAX - 1} tags are allowed: the dashboard adds one that records who started the job`,
    );
  }
}

export type StartJobResult = ActionResult<{ audienceGenerationJobArn: string }>;

/**
 * Starts an audience generation job from the start-job form's values.
 *
 * A public endpoint: the values are parsed again with the form's schema (the
 * same rules the browser applied) before anything is sent. A service
 * ValidationException that names a request member comes back beside that
 * form field; every other error comes back as the service's type, message and
 * what to do about it. The signed-in person is recorded on the job
 * (`dashboard:started-by`); tags in that namespace from anywhere else (a
 * cloned job's) are dropped.
 */
export const startAudienceGenerationJob = defineAction(
  startJobFormSchema,
  async (values, { user }) => {
    // The schema checked the model's unions (exactly one member set), which its inferred type cannot say.
    const request = toStartRequest(values) as StartAudienceGenerationJobCommandInput;
    request.tags = recordWho(request.tags, STARTED_BY_TAG, user?.identity);
    if (Object.keys(request.tags ?? {}).length > TAGS_MAX) throw new TooManyTags();
    const { audienceGenerationJobArn } = await cleanRoomsML().send(
      new StartAudienceGenerationJobCommand(request),
    );
    invalidateReads(readScope.jobsList);
    audit(user, "started", audienceGenerationJobArn);
    return { audienceGenerationJobArn };
  },
  {
    invalidMessage: "Some values are not valid. Correct the fields marked below.",
    mapError: (error) => {
      if (error.code === TooManyTags.code)
        return {
          code: "InvalidInput",
          message: error.message,
          fieldErrors: { tags: error.message },
        };
      const field =
        error.code === "ValidationException" ? formFieldForRequestPath(error.message) : undefined;
      return field ? { ...error, fieldErrors: { [field]: error.message } } : error;
    },
  },
);
