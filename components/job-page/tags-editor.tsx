"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { fieldIds, Input } from "@/components/ui/field";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { tagResource } from "@/lib/actions/tag-resource";
import { untagResource } from "@/lib/actions/untag-resource";
import { TAGS_MAX } from "@/lib/schemas/limits";
import { useAction } from "@/lib/use-action";

import { Panel } from "./panel";
import { splitTags, tagChanges, tagsFormSchema, type TagRow, type TagsFormValues } from "@/lib/schemas/tags-form";

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
    <Panel
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
    </Panel>
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
    resolver: zodResolver(tagsFormSchema),
    defaultValues: { tags: initial },
    // Check on save, then as the user corrects: no messages appearing (and moving buttons) on blur.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "tags" });
  const errors = form.formState.errors;
  const full = fields.length >= TAGS_MAX;

  const submit = form.handleSubmit(async (values) => {
    await save.run(values);
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {fields.length === 0 && <p className="text-sm text-slate-500">No tags. Add one below.</p>}
      <ol className="space-y-3">
        {fields.map((field, index) => {
          const keyId = `tag-${index}-key`;
          const valueId = `tag-${index}-value`;
          const keyError = errors.tags?.[index]?.key?.message;
          const valueError = errors.tags?.[index]?.value?.message;
          return (
            <li
              key={field.id}
              className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-start gap-2"
            >
              <div className="space-y-1">
                <label htmlFor={keyId} className="block text-xs font-medium text-slate-600">
                  <span className="sr-only">Tag {index + 1} </span>Key
                </label>
                <Input
                  id={keyId}
                  invalid={Boolean(keyError)}
                  aria-describedby={keyError ? fieldIds(keyId).error : undefined}
                  autoComplete="off"
                  {...form.register(`tags.${index}.key`)}
                />
                {keyError && (
                  <p id={fieldIds(keyId).error} className="text-xs text-red-700">
                    {keyError}
                  </p>
                )}
              </div>
              <div className="space-y-1">
                <label htmlFor={valueId} className="block text-xs font-medium text-slate-600">
                  <span className="sr-only">Tag {index + 1} </span>Value
                </label>
                <Input
                  id={valueId}
                  invalid={Boolean(valueError)}
                  aria-describedby={valueError ? fieldIds(valueId).error : undefined}
                  autoComplete="off"
                  {...form.register(`tags.${index}.value`)}
                />
                {valueError && (
                  <p id={fieldIds(valueId).error} className="text-xs text-red-700">
                    {valueError}
                  </p>
                )}
              </div>
              <Button
                variant="ghost"
                className="mt-5 px-2"
                aria-label={`Remove tag ${index + 1}`}
                onClick={() => remove(index)}
              >
                <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
                  <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                </svg>
              </Button>
            </li>
          );
        })}
      </ol>
      {errors.tags?.root?.message && (
        <p className="text-sm text-red-700">{errors.tags.root.message}</p>
      )}
      {errors.tags?.message && <p className="text-sm text-red-700">{errors.tags.message}</p>}
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" disabled={full} onClick={() => append({ key: "", value: "" })}>
          Add tag
        </Button>
        <span className="text-xs text-slate-500">
          {full
            ? `The limit is ${TAGS_MAX} tags.`
            : `Up to ${TAGS_MAX} tags; keys may not start with aws:.`}
        </span>
      </div>
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
  );
}
