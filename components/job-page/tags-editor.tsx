"use client";

import { useEffect, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";

import { KeyValueRows } from "@/components/start-job-form/key-value-rows";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { tagResource } from "@/lib/actions/tag-resource";
import { untagResource } from "@/lib/actions/untag-resource";
import { lazyZodResolver } from "@/lib/lazy-zod-resolver";
import { TAGS_MAX } from "@/lib/schemas/limits";
import {
  splitTags,
  tagChanges,
  type TagRow,
  type TagsFormValues,
} from "@/lib/schemas/tags-form-values";
import { useAction } from "@/lib/use-action";

// zod and the rules load when the editor is opened, not with the page (README, "Page weight").
const resolver = lazyZodResolver<TagsFormValues>(() =>
  import("@/lib/schemas/tags-form").then((m) => m.tagsFormSchema),
);

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

function TagsForm({
  resourceArn,
  initial,
  onCancel,
  onDone,
}: {
  resourceArn: string;
  initial: TagRow[];
  onCancel: () => void;
  onDone: () => Promise<void>;
}) {
  const save = useAction(async (values: TagsFormValues): Promise<ActionResult<null>> => {
    const { remove: keys, set } = tagChanges(initial, values.tags);
    if (keys.length > 0) {
      const result = await untagResource({ resourceArn, tagKeys: keys });
      if (!result.ok) return fail(result.error);
    }
    if (Object.keys(set).length > 0) {
      const result = await tagResource({ resourceArn, tags: set });
      if (!result.ok) {
        // Removals may already have happened: show what the service holds now.
        if (keys.length > 0) await onDone();
        return fail(result.error);
      }
    }
    await onDone();
    return ok(null);
  });
  const form = useForm<TagsFormValues>({
    resolver,
    defaultValues: { tags: initial },
    // Check on save, then as the user corrects: no messages appearing (and moving buttons) on blur.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });

  // Opening the editor is the intent: fetch the rules now, so a save does not wait for them.
  useEffect(() => resolver.preload(), []);

  const submit = form.handleSubmit(async (values) => {
    await save.run(values);
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <KeyValueRows
          name="tags"
          legend="Tags"
          legendHidden
          optional={false}
          noun="tag"
          max={TAGS_MAX}
          description="Keys are case-sensitive, unique, and may not start with aws:."
        />
        {save.error && (
          <ErrorAlert role="alert" title="The tags were not saved" error={save.error} />
        )}
        <div className="flex flex-wrap justify-end gap-2 border-t border-slate-100 pt-3">
          <Button variant="ghost" onClick={onCancel} disabled={save.pending}>
            Cancel
          </Button>
          <Button type="submit" disabled={save.pending}>
            {save.pending ? "Saving…" : "Save tags"}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
