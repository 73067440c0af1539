"use client";

import { memo, type ReactNode } from "react";
import { useFormContext, useFormState, useWatch } from "react-hook-form";

import { controlA11y, Field, Input, Textarea } from "@/components/ui/field";
import { codePointLength } from "@/lib/schemas/limits";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

import { controlId, errorAt } from "./form-helpers";

type TextPath =
  | "name"
  | "description"
  | "s3Uri"
  | "queryString"
  | "analysisTemplateArn"
  | "roleArn"
  | "workerCount"
  | "collaborationId";

/** Characters typed against the limit, shown once a field nears it or has any text. */
function Counter({ name, max }: { name: TextPath; max: number }) {
  const value = useWatch<StartJobFormValues, TextPath>({ name });
  const length = codePointLength(value ?? "");
  return (
    <span className={length > max ? "font-medium text-red-700" : undefined}>
      {length.toLocaleString("en-US")} / {max.toLocaleString("en-US")}
    </span>
  );
}

/** One labelled text control of the form, its description and error tied to it for screen readers. */
export const TextField = memo(function TextField({
  name,
  label,
  description,
  optional,
  multiline,
  rows,
  monospace,
  maxLength,
  placeholder,
  inputMode,
  autoComplete = "off",
}: {
  name: TextPath;
  label: string;
  description?: ReactNode;
  optional?: boolean;
  multiline?: boolean;
  rows?: number;
  monospace?: boolean;
  /** Show a counter against this limit (not enforced by the browser: the schema says what is wrong). */
  maxLength?: number;
  placeholder?: string;
  inputMode?: "numeric" | "text";
  autoComplete?: string;
}) {
  const { control, register } = useFormContext<StartJobFormValues>();
  const { errors } = useFormState({ control, name });
  const id = controlId(name);
  const error = errorAt(errors, name);
  const props = {
    ...register(name),
    ...controlA11y(id, { description: Boolean(description) || maxLength !== undefined, error }),
    invalid: Boolean(error),
    placeholder,
    spellCheck: monospace ? false : undefined,
    className: monospace ? "font-mono" : undefined,
  };
  const fullDescription =
    maxLength !== undefined ? (
      <span className="flex justify-between gap-4">
        <span>{description}</span>
        <span className="shrink-0 tabular-nums">
          <Counter name={name} max={maxLength} />
        </span>
      </span>
    ) : (
      description
    );
  return (
    <Field id={id} label={label} description={fullDescription} error={error} optional={optional}>
      {multiline ? (
        <Textarea {...props} rows={rows ?? 3} />
      ) : (
        <Input {...props} type="text" inputMode={inputMode} autoComplete={autoComplete} />
      )}
    </Field>
  );
});
