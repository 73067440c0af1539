"use server";

import { audit } from "@/lib/auth/session";
import { TagResourceCommand, UntagResourceCommand } from "@/lib/cleanrooms-ml";
import { defineAction } from "@/lib/define-action";
import { invalidateReads, readScope } from "@/lib/reads/cache";
import { untagResourceRequestSchema } from "@/lib/schemas/api";
import {
  DASHBOARD_TAG_REFUSED,
  isDashboardTag,
  TAGS_CHANGED_BY_TAG,
  whoTagValue,
} from "@/lib/schemas/dashboard-tags";
import { cleanRoomsML } from "@/lib/service";

/**
 * UntagResource: removes tags by key from a Clean Rooms ML resource, then
 * records the signed-in person (`dashboard:tags-changed-by`). Our own
 * `dashboard:` tags cannot be removed here.
 */
export const untagResource = defineAction(
  untagResourceRequestSchema.refine((r) => !r.tagKeys.some(isDashboardTag), {
    message: DASHBOARD_TAG_REFUSED,
    path: ["tagKeys"],
  }),
  async (request, { user }) => {
    await cleanRoomsML().send(new UntagResourceCommand(request));
    invalidateReads(readScope.job(request.resourceArn));
    audit(user, `untagged ${JSON.stringify(request.tagKeys)}`, request.resourceArn);
    if (user) {
      const tags = { [TAGS_CHANGED_BY_TAG]: whoTagValue(user.identity) };
      // The tags are gone: failing to label the resource must not report the removal as failed.
      await cleanRoomsML()
        .send(new TagResourceCommand({ resourceArn: request.resourceArn, tags }))
        .catch((error: unknown) => console.error("Could not record who changed the tags:", error));
      invalidateReads(readScope.job(request.resourceArn));
    }
    return null;
  },
);
