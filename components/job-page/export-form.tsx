"use client";

import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState } from "react";
import { Controller, useForm, useWatch, type Resolver } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { controlA11y, Field, Input, Select } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { startAudienceExportJob } from "@/lib/actions/start-audience-export-job";
import { exportStatusFacts } from "@/lib/job-status";
import { exportsQueryKey } from "@/lib/queries/exports";
import { formatScore, jobAdvice, suggestionRule } from "@/lib/relevance";
import {
  sizeOptionKey,
  sizeOptionLabel,
  suggestedExportName,
  toExportRequest,
  type ExportFormValues,
  type SizeOption,
} from "@/lib/schemas/export-form-values";
import { useAction } from "@/lib/use-action";

import { ExportOutcome } from "./export-outcome";
import { useSizeChoice } from "./size-selection";

// A size typed by hand is the rare case (a partner's model that shares no sizes): its field loads then.
const TypedSizeField = lazy(() =>
  import("./typed-size").then((m) => ({ default: m.TypedSizeField })),
);

/**
 * zod, its resolver and the form's rules, fetched on the form's first check
 * rather than with the page (the job page's budget; see
 * `lib/schemas/export-form-values.ts`); the bundler keeps what it loaded.
 */
const loadExportFormRules = () =>
  Promise.all([
    import("@hookform/resolvers/zod"),
    import("@/lib/schemas/export-form"),
    import("@/lib/schemas/api"),
  ]);

/**
 * The form's rules, and for a size typed by hand (`context.typed`: the model
 * shares neither its sizes nor the job's metrics, docs/ARCHITECTURE.md, "Two
 * accounts") the API's own limits on an audience size.
 */
const resolver: Resolver<ExportFormValues, { typed: boolean }> = async (
  values,
  context,
  options,
) => {
  const [{ zodResolver }, { exportFormSchema }, { audienceSizeSchema }] =
    await loadExportFormRules();
  const result = await zodResolver(exportFormSchema)(values, context, options);
  if (!context?.typed || result.errors.size) return result;
  const size = audienceSizeSchema.safeParse(toExportRequest(values, "").audienceSize);
  if (size.success) return result;
  const message = size.error.issues[0]?.message ?? "Type an audience size";
  return { values: {}, errors: { ...result.errors, size: { type: "validate", message } } };
};

/** A typed size key (`TYPE:value`) as an option, for the name that follows it. */
const typedOption = (key: string): SizeOption | undefined => {
  const [type, value] = key.split(":");
  return (type === "ABSOLUTE" || type === "PERCENTAGE") && /^\d+$/.test(value ?? "")
    ? { type, value: Number(value) }
    : undefined;
};

/**
 * Start an export (StartAudienceExportJob): one of the model's sizes (or, when
 * neither the model nor the job's metrics name any, a size typed by hand) and a
 * name that follows the size until the user writes their own. Once started,
 * the job's export list is read again.
 *
 * The size is the page's shared selection: a size chosen in the relevance
 * chart or table is set here (and the form scrolled into view); one chosen
 * here is highlighted there. Each option shows its relevance score; the
 * suggested size is marked, never chosen for the user.
 *
 * Checked on submit, then again on each change, with the schema's messages;
 * the first field in error takes focus.
 */
export function ExportForm({
  jobArn,
  jobName,
  options,
  scores,
  recall,
}: {
  jobArn: string;
  jobName: string;
  options: SizeOption[];
  /** Relevance score by size key, when the job has metrics. */
  scores?: ReadonlyMap<string, number>;
  /** The job's recall: with the scores, the verdict that decides whether a size is suggested. */
  recall?: number;
}) {
  const selection = useSizeChoice();
  const { suggestion } = jobAdvice(
    recall,
    options.map((o) => ({ ...o, score: scores?.get(sizeOptionKey(o)) })),
  );
  const suggestedKey = suggestion ? sizeOptionKey(suggestion.size) : undefined;
  const queryClient = useQueryClient();
  const exportJob = useAction(startAudienceExportJob);
  const [started, setStarted] = useState<string | undefined>();
  const typed = options.length === 0;
  const empty: ExportFormValues = { size: "", name: suggestedExportName(jobName, undefined) };
  const form = useForm<ExportFormValues, { typed: boolean }>({
    resolver,
    context: { typed },
    defaultValues: empty,
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
        if (path === "name") form.setError("name", { type: "server", message });
        else if (path.startsWith("audienceSize"))
          form.setError("size", { type: "server", message });
      }
      return;
    }
    setStarted(values.name);
    form.reset(empty);
    selection.choose(undefined, "form");
    await queryClient.invalidateQueries({ queryKey: exportsQueryKey(jobArn) });
  });

  // Keep the suggested name in step with the size until the user writes their own.
  const followName = (key: string) => {
    if (form.getFieldState("name").isDirty) return;
    const option = typed ? typedOption(key) : options.find((o) => sizeOptionKey(o) === key);
    form.setValue("name", suggestedExportName(jobName, option), {
      shouldValidate: form.formState.isSubmitted,
    });
  };

  const sizeField = form.register("size", {
    onChange: (event: { target: { value: string } }) => {
      followName(event.target.value);
      selection.choose(event.target.value || undefined, "form");
    },
  });

  // A size chosen in the chart or the table: set it here and bring the form into view.
  const request = selection.request;
  useEffect(() => {
    if (!request || !options.some((o) => sizeOptionKey(o) === request.key)) return;
    form.setValue("size", request.key, { shouldValidate: form.formState.isSubmitted });
    followName(request.key);
    form.setFocus("size");
    document
      .getElementById("export-size")
      ?.scrollIntoView?.({ block: "center", behavior: "smooth" });
    // Only a new request moves the form; the rest is read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Export audience">
      <div className="grid gap-4 sm:grid-cols-2">
        {typed ? (
          <Controller
            control={form.control}
            name="size"
            render={({ field }) => (
              <Suspense fallback={<Skeleton className="h-16 w-full" />}>
                <TypedSizeField
                  key={started}
                  value={field.value}
                  onChange={(key) => {
                    field.onChange(key);
                    followName(key);
                  }}
                  error={errors.size?.message}
                  inputRef={field.ref}
                />
              </Suspense>
            )}
          />
        ) : (
          <Field
            id="export-size"
            label="Audience size"
            description={
              suggestion
                ? `The model's sizes, each with its relevance score. Suggested: ${sizeOptionLabel(suggestion.size)}, ${suggestionRule()}. Nothing is chosen for you.`
                : "The model's sizes. A smaller audience is more like your seed; a larger one reaches more people."
            }
            error={errors.size?.message}
          >
            <Select
              {...controlA11y("export-size", { description: true, error: errors.size?.message })}
              invalid={Boolean(errors.size)}
              {...sizeField}
            >
              <option value="">Choose a size…</option>
              {options.map((o) => (
                <option key={sizeOptionKey(o)} value={sizeOptionKey(o)}>
                  {optionText(o, scores, suggestedKey, selection.exported)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field
          id="export-name"
          label="Export name"
          description="Shown in the export list; the file's location is set by the model."
          error={errors.name?.message}
        >
          <Input
            {...controlA11y("export-name", { description: true, error: errors.name?.message })}
            invalid={Boolean(errors.name)}
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
        <ExportOutcome jobArn={jobArn} name={started && !size ? started : undefined} />
      </div>
    </form>
  );
}

/** An option's text: the size, its score, and whether it is suggested or already exported. */
function optionText(
  o: SizeOption,
  scores: ReadonlyMap<string, number> | undefined,
  suggestedKey: string | undefined,
  exported: ReturnType<typeof useSizeChoice>["exported"],
): string {
  const key = sizeOptionKey(o);
  const parts = [sizeOptionLabel(o)];
  const score = scores?.get(key);
  if (score !== undefined) parts.push(`score ${formatScore(score)}`);
  if (key === suggestedKey) parts.push("suggested");
  const status = exported.get(key);
  if (status) parts.push(`export: ${exportStatusFacts(status).label}`);
  return parts.join(" · ");
}
