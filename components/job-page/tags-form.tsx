"use client";

import { FormProvider, useForm, type Resolver } from "react-hook-form";

import { KeyValueRows } from "@/components/shared/key-value-rows";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { tagResource } from "@/lib/actions/tag-resource";
import { untagResource } from "@/lib/actions/untag-resource";
import { TAGS_MAX } from "@/lib/schemas/limits";
import { tagChanges, type TagRow, type TagsFormValues } from "@/lib/schemas/tags-form-values";
import { useAction } from "@/lib/use-action";

/** The rules, with zod and its resolver, fetched on the form's first check rather than with the job page. */
const resolver: Resolver<TagsFormValues> = async (values, context, options) => {
  const [{ zodResolver }, { tagsFormSchema }] = await Promise.all([
    import("@hookform/resolvers/zod"),
    import("@/lib/schemas/tags-form"),
  ]);
  return zodResolver(tagsFormSchema)(values, context, options);
};

/**
 * The job page's tags editor (opened from ./tags-editor.tsx): added and changed
 * tags go through TagResource, removed ones through UntagResource, then `onDone` reads the job again.
 */
export function TagsForm({
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

  const submit = form.handleSubmit(async (values) => {
    await save.run(values);
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <KeyValueRows<TagsFormValues>
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
