"use server";

import { UntagResourceCommand } from "@/lib/cleanrooms-ml";
import { defineAction } from "@/lib/define-action";
import { untagResourceRequestSchema } from "@/lib/schemas/api";
import { cleanRoomsML } from "@/lib/service";

/** UntagResource: removes tags by key from a Clean Rooms ML resource. */
export const untagResource = defineAction(untagResourceRequestSchema, async (request) => {
  await cleanRoomsML().send(new UntagResourceCommand(request));
  return null;
});
