"use client";

import type { ReactNode } from "react";
import { useFormContext, useFormState, useWatch } from "react-hook-form";

import { errorAt } from "@/components/shared/form-fields";
import { controlA11y, Field, Input, Textarea } from "@/components/ui/field";
import { codePointLength } from "@/lib/schemas/limits";
import type { ScheduleFormValues } from "@/lib/schemas/schedule";

/** A DOM id for a schedule form field: `startDate` → `schedule-startDate`. */
export const scheduleControlId = (path: string) => `schedule-${path.replace(/\./g, "-")}`;

export type ScheduleTextPath =
  | "name"
  | "description"
  | "baseName"
  | "time"
  | "monthDay"
  | "expression"
  | "startDate"
  | "endDate"
  | "flexibleWindow"
  | "roleArn";

function Counter({ name, max }: { name: ScheduleTextPath; max: number }) {
  const value = useWatch<ScheduleFormValues, ScheduleTextPath>({ name });
  const length = codePointLength(value ?? "");
  return (
    <span className={length > max ? "font-medium text-red-700" : undefined}>
      {length.toLocaleString("en-US")} / {max.toLocaleString("en-US")}
    </span>
  );
}

/** One labelled control of the schedule form, its description and error tied to it for screen readers. */
export function ScheduleTextField({
  name,
  label,
  description,
  optional,
  multiline,
  monospace,
  maxLength,
  placeholder,
  type = "text",
  inputMode,
  className,
}: {
  name: ScheduleTextPath;
  label: string;
  description?: ReactNode;
  optional?: boolean;
  multiline?: boolean;
  monospace?: boolean;
  /** Show a counter against this limit (the schema says what is wrong, not the browser). */
  maxLength?: number;
  placeholder?: string;
  type?: "text" | "time" | "datetime-local";
  inputMode?: "numeric" | "text";
  className?: string;
}) {
  const { control, register } = useFormContext<ScheduleFormValues>();
  const { errors } = useFormState({ control, name });
  const id = scheduleControlId(name);
  const error = errorAt(errors, name);
  const props = {
    ...register(name),
    ...controlA11y(id, { description: Boolean(description) || maxLength !== undefined, error }),
    invalid: Boolean(error),
    placeholder,
    spellCheck: monospace ? false : undefined,
    className:
      [monospace ? "font-mono" : undefined, className].filter(Boolean).join(" ") || undefined,
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
        <Textarea {...props} rows={2} />
      ) : (
        <Input {...props} type={type} inputMode={inputMode} autoComplete="off" />
      )}
    </Field>
  );
}
