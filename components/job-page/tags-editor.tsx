"use client";

import { lazy, Suspense, useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { splitTags, type TagRow } from "@/lib/schemas/tags-form-values";

// The editor's form, with react-hook-form's field arrays, loads when "Edit tags" is pointed at or
// focused, not with the page (the job page's budget, docs/ARCHITECTURE.md, "Page weight").
const loadTagsForm = () => import("./tags-form");
const TagsForm = lazy(() => loadTagsForm().then((m) => ({ default: m.TagsForm })));

/**
 * The job's tags, as the service returns them, with an editor: added and
 * changed tags go through TagResource, removed ones through UntagResource,
 * then the job is read again so the page shows what the service now holds.
 */
export function TagsEditor({
  resourceArn,
  tags,
  canEdit,
  onSaved,
}: {
  resourceArn: string;
  tags: Record<string, string> | undefined;
  canEdit: boolean;
  /** Reads the job again; resolves once the page shows the service's tags. */
  onSaved: () => Promise<unknown>;
}) {
  const { editable, reserved } = splitTags(tags);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  return (
    <Card
      title="Tags"
      description="Labels for finding and grouping jobs, and for cost reports."
      actions={
        canEdit && !editing ? (
          <Button
            variant="secondary"
            onPointerEnter={() => void loadTagsForm()}
            onFocus={() => void loadTagsForm()}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            Edit tags
          </Button>
        ) : undefined
      }
    >
      {editing ? (
        <Suspense fallback={<p className="text-sm text-slate-500">Opening the editor…</p>}>
          <TagsForm
            resourceArn={resourceArn}
            initial={editable}
            onCancel={() => setEditing(false)}
            onDone={async () => {
              await onSaved();
              setEditing(false);
              setSaved(true);
            }}
          />
        </Suspense>
      ) : (
        <TagList rows={[...editable, ...reserved]} />
      )}
      <p role="status" className="mt-2 text-sm text-emerald-800 empty:hidden">
        {saved && !editing ? "Tags saved. These are the tags the service now holds." : ""}
      </p>
    </Card>
  );
}

function TagList({ rows }: { rows: TagRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No tags.</p>;
  return (
    <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
      {rows.map((row) => (
        <li
          key={row.key}
          className="max-w-full rounded-md bg-slate-100 px-2 py-1 text-xs break-all text-slate-800 ring-1 ring-slate-200 ring-inset"
        >
          <span className="font-medium">{row.key}</span>
          {row.value !== "" && <span className="text-slate-600"> = {row.value}</span>}
        </li>
      ))}
    </ul>
  );
}
