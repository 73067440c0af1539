/**
 * The job page's tags without zod: the service's tags split into the ones a
 * user can edit and the reserved ones, and the TagResource / UntagResource
 * calls that turn them into the edited ones. The rules (`./tags-form`, which
 * re-exports this module) load on the form's first check, keeping zod off the
 * job page's load (docs/ARCHITECTURE.md, "Page weight").
 */
import { isDashboardTag } from "@/lib/schemas/dashboard-tags";

import { RESERVED_TAG_KEY_PATTERN } from "./limits";
import { filledRows, type KeyValueRow } from "./rows";

export type TagRow = KeyValueRow;

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

export interface TagsFormValues {
  tags: TagRow[];
}

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
