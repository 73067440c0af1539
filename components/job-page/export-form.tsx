"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { controlA11y, Field, Input, Select } from "@/components/ui/field";
import { startAudienceExportJob } from "@/lib/actions/start-audience-export-job";
import { exportStatusFacts } from "@/lib/job-status";
import { lazyLoad } from "@/lib/lazy-load";
import { exportsQueryKey } from "@/lib/queries/exports";
import { formatScore, suggestedSize, suggestionRule } from "@/lib/relevance";
import {
  sizeOptionKey,
  sizeOptionLabel,
  suggestedExportName,
  toExportRequest,
  type ExportFormValues,
  type SizeOption,
} from "@/lib/schemas/export-form-values";
import { useAction } from "@/lib/use-action";

import { useSizeSelection } from "./size-selection";
import { TypedSizeField } from "./typed-size";

type FieldErrors = Partial<Record<keyof ExportFormValues, string>>;

// zod and the schema load when the form is first used, not with the page (README, "Page weight").
// Two fields need no form library: the job page then loads none (react-hook-form is about 10 KiB).
const exportSchema = lazyLoad(() =>
  import("@/lib/schemas/export-form").then((m) => m.exportFormSchema),
);

// A typed size is checked against the API's own limits (docs/ARCHITECTURE.md, "Two accounts").
const audienceSizeSchema = lazyLoad(() =>
  import("@/lib/schemas/api").then((m) => m.audienceSizeSchema),
);

/** The schema's first message for each field, as a form resolver gives them. */
async function validate(values: ExportFormValues, typed: boolean): Promise<FieldErrors> {
  const result = (await exportSchema()).safeParse(values);
  const errors: FieldErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0] as keyof ExportFormValues;
      errors[field] ??= issue.message;
    }
  }
  if (typed && !errors.size) {
    const size = (await audienceSizeSchema()).safeParse(toExportRequest(values, "").audienceSize);
    if (!size.success) errors.size = size.error.issues[0]?.message;
  }
  return errors;
}

/**
 * Start an export (StartAudienceExportJob): one of the model's sizes and a
 * name that follows the size until the user writes their own. Once started,
 * the job's export list is read again.
 *
 * The size is the page's shared selection: a size chosen in the relevance
 * chart or table is set here (and the form scrolled into view); one chosen
 * here is highlighted there. Each option shows its relevance score; the
 * suggested size is marked, never chosen for the user.
 *
 * Checked on submit, then again on each change, with the schema's messages;
 * the first field in error takes focus. With no sizes to offer (the model's
 * owner shares neither its sizes nor the job's metrics), the size is typed.
 */
export function ExportForm({
  jobArn,
  jobName,
  options,
  scores,
}: {
  jobArn: string;
  jobName: string;
  options: SizeOption[];
  /** Relevance score by size key, when the job has metrics. */
  scores?: ReadonlyMap<string, number>;
}) {
  const selection = useSizeSelection();
  const suggestion = suggestedSize(
    options.map((o) => ({ ...o, score: scores?.get(sizeOptionKey(o)) })),
  );
  const suggestedKey = suggestion ? sizeOptionKey(suggestion.size) : undefined;
  const queryClient = useQueryClient();
  const exportJob = useAction(startAudienceExportJob);
  const [started, setStarted] = useState<string | undefined>();
  const defaultName = suggestedExportName(jobName, undefined);
  const [values, setValues] = useState<ExportFormValues>({ size: "", name: defaultName });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  // The name follows the size until the person writes a name of their own.
  const [ownName, setOwnName] = useState(false);
  const sizeRef = useRef<HTMLSelectElement>(null);
  const typedSizeRef = useRef<HTMLInputElement>(null);
  const typed = options.length === 0;
  const nameRef = useRef<HTMLInputElement>(null);
  const size = values.size;

  // After the first submit, each change is checked again.
  useEffect(() => {
    if (!submitted) return;
    let current = true;
    validate(values, typed).then(
      (found) => current && setErrors(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [values, submitted, typed]);

  // Keep the suggested name in step with the size until the user writes their own.
  const withSize = (key: string): ExportFormValues => {
    const option =
      options.find((o) => sizeOptionKey(o) === key) ??
      (typed && /^[A-Z]+:\d+$/.test(key)
        ? toExportRequest({ ...values, size: key }, jobArn).audienceSize
        : undefined);
    return { size: key, name: ownName ? values.name : suggestedExportName(jobName, option) };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    setStarted(undefined);
    const found = await validate(values, typed);
    setErrors(found);
    if (found.size || found.name) {
      (found.size ? (typed ? typedSizeRef : sizeRef) : nameRef).current?.focus();
      return;
    }
    const result = await exportJob.run(toExportRequest(values, jobArn));
    if (!result) return;
    if (!result.ok) {
      const fromService: FieldErrors = {};
      for (const [path, message] of Object.entries(result.error.fieldErrors ?? {})) {
        if (path === "name") fromService.name = message;
        else if (path.startsWith("audienceSize")) fromService.size = message;
      }
      setErrors(fromService);
      return;
    }
    setStarted(values.name);
    setValues({ size: "", name: defaultName });
    setOwnName(false);
    setSubmitted(false);
    setErrors({});
    selection.choose(undefined, "form");
    await queryClient.invalidateQueries({ queryKey: exportsQueryKey(jobArn) });
  };

  // A size chosen in the chart or the table: set it here (as the new request renders) and bring
  // the form into view.
  const request = selection.request;
  const requested = request && options.some((o) => sizeOptionKey(o) === request.key);
  const [seenRequest, setSeenRequest] = useState<typeof request>(undefined);
  if (request !== seenRequest) {
    setSeenRequest(request);
    if (requested) setValues(withSize(request.key));
  }
  useEffect(() => {
    if (!requested) return;
    const select = sizeRef.current;
    select?.scrollIntoView?.({ block: "center", behavior: "smooth" });
    select?.focus({ preventScroll: true });
    // Only a new request moves the form; the rest is read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  return (
    <form
      onSubmit={(event) => void submit(event)}
      onFocus={exportSchema.preload}
      onPointerEnter={exportSchema.preload}
      noValidate
      className="space-y-4"
      aria-label="Export audience"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {typed ? (
          <TypedSizeField
            key={started}
            value={values.size}
            onChange={(key) => setValues(withSize(key))}
            error={errors.size}
            inputRef={typedSizeRef}
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
            error={errors.size}
          >
            <Select
              {...controlA11y("export-size", { description: true, error: errors.size })}
              invalid={Boolean(errors.size)}
              ref={sizeRef}
              name="size"
              value={values.size}
              onChange={(event) => {
                setValues(withSize(event.target.value));
                selection.choose(event.target.value || undefined, "form");
              }}
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
          error={errors.name}
        >
          <Input
            {...controlA11y("export-name", { description: true, error: errors.name })}
            invalid={Boolean(errors.name)}
            autoComplete="off"
            ref={nameRef}
            name="name"
            value={values.name}
            onChange={(event) => {
              setOwnName(event.target.value !== defaultName);
              setValues({ ...values, name: event.target.value });
            }}
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

/** An option's text: the size, its score, and whether it is suggested or already exported. */
function optionText(
  o: SizeOption,
  scores: ReadonlyMap<string, number> | undefined,
  suggestedKey: string | undefined,
  exported: ReturnType<typeof useSizeSelection>["exported"],
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
