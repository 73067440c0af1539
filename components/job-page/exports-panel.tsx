"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";

import { ExportStatusBadge } from "@/components/job-status/status-badge";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field, fieldIds, Input, Select } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { startAudienceExportJob } from "@/lib/actions/start-audience-export-job";
import { readErrorOf } from "@/lib/fetch-json";
import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { isDeletionStatus, isExportInFlight, isInFlight, mayHaveExports } from "@/lib/job-status";
import { exportsQueryKey } from "@/lib/queries/exports";
import { useExports } from "@/lib/queries/use-exports";
import type { ExportJobData } from "@/lib/reads/exports";
import type { ConfiguredModelData } from "@/lib/reads/models";
import { useAction } from "@/lib/use-action";

import { Mono } from "./description-list";
import {
  exportFormSchema,
  sizeOptionKey,
  sizeOptionLabel,
  sizeOptions,
  suggestedExportName,
  toExportRequest,
  type ExportFormValues,
  type SizeOption,
} from "@/lib/schemas/export-form";
import { sizeLabel } from "@/lib/format";
import { Panel } from "./panel";

/**
 * Export audience: pick one of the model's sizes and name the export
 * (StartAudienceExportJob); below, the job's export jobs with status, size and
 * output location, refreshed while any is in flight.
 */
export function ExportsPanel({
  job,
  model,
  canExport = true,
}: {
  canExport?: boolean;
  job: {
    audienceGenerationJobArn: string;
    name: string;
    status: AudienceGenerationJobStatus;
    metrics?: { relevanceMetrics: { audienceSize: SizeOption }[] };
  };
  model: ConfiguredModelData | undefined;
}) {
  const enabled = canExport && mayHaveExports(job.status);
  const exports = useExports(job.audienceGenerationJobArn, { enabled });
  const options = sizeOptions(model, job.metrics);
  const destination = model?.outputConfig.destination.s3Destination.s3Uri;

  return (
    <Panel
      title="Export audience"
      description={
        <>
          Write the users of one audience size to S3
          {destination ? (
            <>
              {" "}
              under <Mono>{destination}</Mono>
            </>
          ) : null}
          , ready for your activation channel.
        </>
      }
    >
      <div className="space-y-5">
        {!canExport ? (
          <p className="text-sm text-slate-600">
            Only the account that owns this job can export its audience.
          </p>
        ) : job.status === "ACTIVE" ? (
          options.length > 0 ? (
            <ExportForm
              jobArn={job.audienceGenerationJobArn}
              jobName={job.name}
              options={options}
            />
          ) : (
            <p className="text-sm text-slate-600">
              The configured model&apos;s audience sizes are not visible to your account, so the
              dashboard cannot offer an export.
            </p>
          )
        ) : (
          <p className="text-sm text-slate-600">
            {isDeletionStatus(job.status)
              ? "Exports are not possible while the job is being deleted or after a failed deletion."
              : isInFlight(job.status)
                ? "You can export the audience once the job is active."
                : "A failed job has no audience to export."}
          </p>
        )}
        {enabled && <ExportList query={exports} />}
      </div>
    </Panel>
  );
}

function ExportForm({
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

function ExportList({ query }: { query: ReturnType<typeof useExports> }) {
  if (query.isPending) {
    return (
      <div className="space-y-2" aria-label="Loading exports">
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-10 w-full" />
      </div>
    );
  }
  if (query.isError && !query.data) {
    return (
      <ErrorAlert tone="warning" title="Could not list the exports" error={readErrorOf(query.error)} />
    );
  }
  const exports = query.data ?? [];
  const inFlight = exports.some((e) => isExportInFlight(e.status));
  return (
    <div className="space-y-2">
      <h3 className="flex flex-wrap items-baseline gap-x-2 text-sm font-semibold text-slate-900">
        Exports of this job
        <span className="text-xs font-normal text-slate-500">
          {exports.length === 0
            ? ""
            : `${exports.length}${inFlight ? " · updating while in progress" : ""}`}
        </span>
      </h3>
      {exports.length === 0 ? (
        <p className="text-sm text-slate-500">No exports yet.</p>
      ) : (
        <ul
          aria-label="Exports"
          className="divide-y divide-slate-100 rounded-md border border-slate-200"
        >
          {exports.map((e) => (
            <ExportRow key={`${e.name}-${e.createTime}`} item={e} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ExportRow({ item }: { item: ExportJobData }) {
  return (
    <li className="space-y-1.5 px-3 py-3" aria-label={`Export ${item.name}`}>
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <p className="min-w-0 font-medium break-words text-slate-900">{item.name}</p>
        <ExportStatusBadge status={item.status} />
      </div>
      <p className="text-xs text-slate-600">
        {sizeLabel(item.audienceSize)}
        {item.audienceSize.type === "PERCENTAGE" ? " of users" : " users"} · started{" "}
        <RelativeTime date={item.createTime} />
      </p>
      {item.outputLocation && (
        <p className="text-xs text-slate-700">
          Output: <Mono>{item.outputLocation}</Mono>
        </p>
      )}
      {item.status === "CREATE_FAILED" && (
        <p className="text-xs text-red-800">
          {item.statusDetails?.message ?? "The service gave no reason."}
          {item.statusDetails?.statusCode && (
            <>
              {" "}
              (<code className="font-mono">{item.statusDetails.statusCode}</code>)
            </>
          )}
        </p>
      )}
    </li>
  );
}
