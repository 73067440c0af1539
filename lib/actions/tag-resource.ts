"use server";

import { fail, ok, type ActionResult } from "@/lib/action-result";
import { TagResourceCommand } from "@/lib/cleanrooms-ml";
import { tagResourceRequestSchema } from "@/lib/schemas/api";
import { fieldErrors, formatIssues } from "@/lib/schemas/issues";
import { cleanRoomsML } from "@/lib/service";
import { toActionError } from "@/lib/service-errors";

/** TagResource: adds tags, or changes the value of existing keys, on a Clean Rooms ML resource. */
export async function tagResource(input: unknown): Promise<ActionResult<null>> {
  const parsed = tagResourceRequestSchema.safeParse(input);
  if (!parsed.success) {
    return fail({
      code: "InvalidInput",
      message: formatIssues(parsed.error),
      fieldErrors: fieldErrors(parsed.error),
    });
  }
  try {
    await cleanRoomsML().send(new TagResourceCommand(parsed.data));
    return ok(null);
  } catch (error) {
    return fail(toActionError(error));
  }
}
