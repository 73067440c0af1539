"use server";

import { audit } from "@/lib/auth/session";
import { TagResourceCommand } from "@/lib/cleanrooms-ml";
import { defineAction } from "@/lib/define-action";
import { invalidateReads, readScope } from "@/lib/reads/cache";
import { tagResourceRequestSchema } from "@/lib/schemas/api";
import {
  DASHBOARD_TAG_REFUSED,
  isDashboardTag,
  recordWho,
  TAGS_CHANGED_BY_TAG,
} from "@/lib/schemas/dashboard-tags";
import { cleanRoomsML } from "@/lib/service";

/**
 * TagResource: adds tags, or changes the value of existing keys, on a Clean
 * Rooms ML resource, recording the signed-in person in the same call
 * (`dashboard:tags-changed-by`). Our own `dashboard:` tags cannot be set here.
 */
export const tagResource = defineAction(
  tagResourceRequestSchema.refine((r) => !Object.keys(r.tags).some(isDashboardTag), {
    message: DASHBOARD_TAG_REFUSED,
    path: ["tags"],
  }),
  async (request, { user }) => {
    const tags = recordWho(request.tags, TAGS_CHANGED_BY_TAG, user?.identity) ?? {};
    await cleanRoomsML().send(new TagResourceCommand({ ...request, tags }));
    invalidateReads(readScope.job(request.resourceArn));
    audit(user, `tagged ${JSON.stringify(Object.keys(request.tags))}`, request.resourceArn);
    return null;
  },
);
