/**
 * The job page's tags editor rules (the same as the start-job form's:
 * `tagKeySchema`, `tagValueSchema`, `TAGS_MAX`, unique keys, blank rows
 * ignored), built on its zod-free half (`./tags-form-values`, re-exported).
 */
import "@/lib/schemas/zod-config";

import { z } from "zod";

import { tagKeySchema, TAGS_MAX, tagValueSchema } from "@/lib/schemas/api";

import { checkKeyValueRows } from "./rows";
import type { TagsFormValues } from "./tags-form-values";

export * from "./tags-form-values";

export const tagsFormSchema = z
  .object({ tags: z.array(z.object({ key: z.string(), value: z.string() })) })
  .superRefine(({ tags }, ctx) =>
    checkKeyValueRows(ctx, "tags", tags, {
      key: tagKeySchema,
      value: tagValueSchema,
      noun: "tag",
      max: TAGS_MAX,
    }),
  ) satisfies z.ZodType<TagsFormValues>;
