/**
 * The tags editor's rules and the changes it sends: the same tag rules as the
 * start-job form (`tagKeySchema`, `tagValueSchema`, `TAGS_MAX`, unique keys),
 * and the TagResource / UntagResource calls that turn the service's tags into
 * the edited ones (those, and the values, in `./tags-form-values`, with no
 * zod, re-exported here).
 */
import "@/lib/schemas/zod-config";

import { z } from "zod";

import { tagKeySchema, TAGS_MAX, tagValueSchema } from "@/lib/schemas/api";
import { filledRows, isBlankRow } from "@/lib/schemas/rows";

import type { TagsFormValues } from "./tags-form-values";

export * from "./tags-form-values";

export const tagsFormSchema = z
  .object({ tags: z.array(z.object({ key: z.string(), value: z.string() })) })
  .superRefine(({ tags }, ctx) => {
    // A blank row is ignored, as in every key/value list (`lib/schemas/rows.ts`).
    if (filledRows(tags).length > TAGS_MAX) {
      ctx.addIssue({
        code: "custom",
        path: ["tags"],
        message: `At most ${TAGS_MAX} tags are allowed`,
      });
    }
    const seen = new Set<string>();
    tags.forEach((row, i) => {
      if (isBlankRow(row)) return;
      const key = tagKeySchema.safeParse(row.key);
      if (!key.success) {
        ctx.addIssue({
          code: "custom",
          path: ["tags", i, "key"],
          message: key.error.issues[0]!.message,
        });
      } else if (seen.has(row.key)) {
        ctx.addIssue({
          code: "custom",
          path: ["tags", i, "key"],
          message: "Each tag must have a unique key",
        });
      }
      seen.add(row.key);
      const value = tagValueSchema.safeParse(row.value);
      if (!value.success) {
        ctx.addIssue({
          code: "custom",
          path: ["tags", i, "value"],
          message: value.error.issues[0]!.message,
        });
      }
    });
  }) satisfies z.ZodType<TagsFormValues>;
