"use server";

import type { ActionResult } from "@/lib/action-result";
import { audit } from "@/lib/auth/session";
import {
  startAudienceGenerationJobOnce,
  type StartAudienceGenerationJobCommandInput,
} from "@/lib/cleanrooms-ml";
import { defineAction } from "@/lib/define-action";
import { invalidateReads, readScope } from "@/lib/reads/cache";
import { readConfiguredModel } from "@/lib/reads/models";
import { isDashboardTag } from "@/lib/schemas/dashboard-tags";
import { tagLimitMessage, tagsBeyondForm } from "@/lib/schemas/job-tags";
import {
  formFieldForRequestPath,
  messageWithoutRequestPath,
  startJobFormSchema,
  startRequestFor,
} from "@/lib/schemas/start-job-form";
import { cleanRoomsML } from "@/lib/service";

/** The job's tags, with the ones it inherits and the dashboard's, would pass the limit. */
class TooManyTags extends Error {
  static readonly code = "TooManyTags";
  override name = TooManyTags.code;
}

/**
 * The tags the job inherits from its model (read through the cache, as the
 * form's page did). When the model cannot be read, none are counted here and
 * the service has the last word.
 */
async function modelTags(configuredAudienceModelArn: string) {
  try {
    return (await readConfiguredModel(configuredAudienceModelArn)).data;
  } catch {
    return undefined;
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
 * cloned job's) are dropped. The tags the job inherits from its model and
 * that one count toward the limit with the form's (`lib/schemas/job-tags.ts`),
 * so the limit comes back beside the tags, not as the service's refusal.
 */
export const startAudienceGenerationJob = defineAction(
  startJobFormSchema,
  async (values, { user }) => {
    // The schema checked the model's unions (exactly one member set), which its inferred type cannot say.
    const request = startRequestFor(
      values,
      user?.identity,
    ) as StartAudienceGenerationJobCommandInput;
    const ownKeys = Object.keys(request.tags ?? {}).filter((key) => !isDashboardTag(key));
    const signedIn = user !== undefined;
    // Over the limit without the model's tags: no need to read the model to say so.
    const tooMany =
      tagLimitMessage(ownKeys, tagsBeyondForm(undefined, signedIn)) ??
      tagLimitMessage(
        ownKeys,
        tagsBeyondForm(await modelTags(request.configuredAudienceModelArn), signedIn),
      );
    if (tooMany) throw new TooManyTags(tooMany);
    // Retried after a lost answer, the start first looks for the job it may have started (no client token).
    const { audienceGenerationJobArn } = await startAudienceGenerationJobOnce(
      cleanRoomsML(),
      request,
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
      return field
        ? { ...error, fieldErrors: { [field]: messageWithoutRequestPath(error.message) } }
        : error;
    },
  },
);
