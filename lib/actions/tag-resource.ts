"use server";

import { TagResourceCommand } from "@/lib/cleanrooms-ml";
import { defineAction } from "@/lib/define-action";
import { tagResourceRequestSchema } from "@/lib/schemas/api";
import { cleanRoomsML } from "@/lib/service";

/** TagResource: adds tags, or changes the value of existing keys, on a Clean Rooms ML resource. */
export const tagResource = defineAction(tagResourceRequestSchema, async (request) => {
  await cleanRoomsML().send(new TagResourceCommand(request));
  return null;
});
