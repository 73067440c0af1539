"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field, fieldIds, Input, Select } from "@/components/ui/field";
import { startAudienceExportJob } from "@/lib/actions/start-audience-export-job";
import { exportsQueryKey } from "@/lib/queries/exports";
import {
  exportFormSchema,
  sizeOptionKey,
  sizeOptionLabel,
  suggestedExportName,
  toExportRequest,
  type ExportFormValues,
  type SizeOption,
} from "@/lib/schemas/export-form";
import { useAction } from "@/lib/use-action";

/**
 * Start an export (StartAudienceExportJob): one of the model's sizes and a
 * name that follows the size until the user writes their own. Once started,
 * the job's export list is read again.
 */
export function ExportForm({
  jobArn,
  jobName,
  options,
}: {
  jobArn: string;
  jobName: string;
  options: SizeOption[];
}) {
  const queryClient = useQueryClient();
  const exportJob = useAction(startAudienceExportJob);
  const [started, setStarted] = useState<string | undefined>();
  const form = useForm<ExportFormValues>({
    resolver: zodResolver(exportFormSchema),
    defaultValues: { size: "", name: suggestedExportName(jobName, undefined), description: "" },
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const size = useWatch({ control: form.control, name: "size" });
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    setStarted(undefined);
    const result = await exportJob.run(toExportRequest(values, jobArn));
    if (!result) return;
    if (!result.ok) {
      for (const [path, message] of Object.entries(result.error.fieldErrors ?? {})) {
        if (path === "name") form.setError("name", { message });
        else if (path.startsWith("audienceSize")) form.setError("size", { message });
        else if (path === "description") form.setError("description", { message });
      }
      return;
    }
    setStarted(values.name);
    form.reset({ size: "", name: suggestedExportName(jobName, undefined), description: "" });
    await queryClient.invalidateQueries({ queryKey: exportsQueryKey(jobArn) });
  });

  const sizeField = form.register("size", {
    onChange: (event: { target: { value: string } }) => {
      // Keep the suggested name in step with the size until the user writes their own.
      if (form.getFieldState("name").isDirty) return;
      const option = options.find((o) => sizeOptionKey(o) === event.target.value);
      form.setValue("name", suggestedExportName(jobName, option));
    },
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Export audience">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="export-size"
          label="Audience size"
          description="The model's sizes. A smaller audience is more like your seed; a larger one reaches more people."
          error={errors.size?.message}
        >
          <Select
            id="export-size"
            invalid={Boolean(errors.size)}
            aria-describedby={`${fieldIds("export-size").description} ${errors.size ? fieldIds("export-size").error : ""}`.trim()}
            {...sizeField}
          >
            <option value="">Choose a size…</option>
            {options.map((o) => (
              <option key={sizeOptionKey(o)} value={sizeOptionKey(o)}>
                {sizeOptionLabel(o)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="export-name"
          label="Export name"
          description="Shown in the export list; the file's location is set by the model."
          error={errors.name?.message}
        >
          <Input
            id="export-name"
            invalid={Boolean(errors.name)}
            aria-describedby={`${fieldIds("export-name").description} ${errors.name ? fieldIds("export-name").error : ""}`.trim()}
            autoComplete="off"
            {...form.register("name")}
          />
        </Field>
      </div>
      {exportJob.error && (
        <ErrorAlert role="alert" title="The export did not start" error={exportJob.error} />
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={exportJob.pending}>
          {exportJob.pending ? "Starting export…" : "Export audience"}
        </Button>
        <p role="status" className="text-sm text-emerald-800">
          {started && !size ? `Export “${started}” started. Its progress is shown below.` : ""}
        </p>
      </div>
    </form>
  );
}
