/**
 * The tags editor's rules and the changes it sends: the same tag rules as the
 * start-job form (`tagKeySchema`, `tagValueSchema`, `TAGS_MAX`, unique keys),
 * and the TagResource / UntagResource calls that turn the service's tags into
 * the edited ones.
 */
import "@/lib/schemas/zod-config";

import { z } from "zod";

import { isDashboardTag } from "@/lib/auth/who";
import {
  RESERVED_TAG_KEY_PATTERN,
  tagKeySchema,
  TAGS_MAX,
  tagValueSchema,
} from "@/lib/schemas/api";
import { filledRows, isBlankRow } from "@/lib/schemas/rows";

export interface TagRow {
  key: string;
  value: string;
}

/**
 * AWS's own tags (keys starting with `aws:`) and the dashboard's record of
 * who did what (`dashboard:`) can be neither edited nor removed here.
 */
function isReservedTag(key: string): boolean {
  return RESERVED_TAG_KEY_PATTERN.test(key) || isDashboardTag(key);
}

/** The service's tags split into the ones a user can edit (sorted by key) and AWS's own. */
export function splitTags(tags: Record<string, string> | undefined): {
  editable: TagRow[];
  reserved: TagRow[];
} {
  const rows = Object.entries(tags ?? {})
    .map(([key, value]) => ({ key, value }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    editable: rows.filter((r) => !isReservedTag(r.key)),
    reserved: rows.filter((r) => isReservedTag(r.key)),
  };
}

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
  });
export type TagsFormValues = z.infer<typeof tagsFormSchema>;

/** What to send: keys to remove (UntagResource) and tags to add or change (TagResource); blank rows send nothing. */
export function tagChanges(
  before: TagRow[],
  after: TagRow[],
): { remove: string[]; set: Record<string, string> } {
  const old = new Map(before.map((r) => [r.key, r.value]));
  const next = new Map(filledRows(after).map((r) => [r.key, r.value]));
  const remove = [...old.keys()].filter((key) => !next.has(key));
  const set: Record<string, string> = {};
  for (const [key, value] of next) {
    if (old.get(key) !== value) set[key] = value;
  }
  return { remove, set };
}
