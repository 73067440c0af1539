"use server";

import { fail, ok, type ActionResult } from "@/lib/action-result";
import { UntagResourceCommand } from "@/lib/cleanrooms-ml";
import { untagResourceRequestSchema } from "@/lib/schemas/api";
import { fieldErrors, formatIssues } from "@/lib/schemas/issues";
import { cleanRoomsML } from "@/lib/service";
import { toActionError } from "@/lib/service-errors";

/** UntagResource: removes tags by key from a Clean Rooms ML resource. */
export async function untagResource(input: unknown): Promise<ActionResult<null>> {
  const parsed = untagResourceRequestSchema.safeParse(input);
  if (!parsed.success) {
    return fail({
      code: "InvalidInput",
      message: formatIssues(parsed.error),
      fieldErrors: fieldErrors(parsed.error),
    });
  }
  try {
    await cleanRoomsML().send(new UntagResourceCommand(parsed.data));
    return ok(null);
  } catch (error) {
    return fail(toActionError(error));
  }
}
