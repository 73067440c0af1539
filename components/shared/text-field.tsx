"use client";

import type { ReactNode } from "react";
import { useFormContext, useFormState, useWatch } from "react-hook-form";

import { cn } from "@/components/ui/cn";
import { controlA11y, Field, Input, Textarea } from "@/components/ui/field";
import { codePointLength } from "@/lib/schemas/limits";

import { errorAt } from "./form-fields";

export type TextFieldProps = {
  /** The control's DOM id; its description and error ids derive from it (`controlA11y`). */
  id: string;
  /** The field's path in the form's values. */
  name: string;
  label: string;
  description?: ReactNode;
  optional?: boolean;
  multiline?: boolean;
  /** A multi-line field's height in lines. */
  rows?: number;
  monospace?: boolean;
  /** Show a counter against this limit (not enforced by the browser: the schema says what is wrong). */
  maxLength?: number;
  placeholder?: string;
  type?: "text" | "time" | "datetime-local";
  inputMode?: "numeric" | "text";
  autoComplete?: string;
  className?: string;
};

/** Characters typed against the limit, counted as the schema counts them (code points). */
function Counter({ name, max }: { name: string; max: number }) {
  const value: unknown = useWatch({ name });
  const length = codePointLength(typeof value === "string" ? value : "");
  return (
    <span className={length > max ? "font-medium text-red-700" : undefined}>
      {length.toLocaleString("en-US")} / {max.toLocaleString("en-US")}
    </span>
  );
}

/**
 * One labelled text control of a react-hook-form form (the start-job form, the
 * schedule form), its description, counter and error tied to it for screen
 * readers. Each form wraps it to fix its own paths and ids.
 */
export function TextField({
  id,
  name,
  label,
  description,
  optional,
  multiline,
  rows = 3,
  monospace,
  maxLength,
  placeholder,
  type = "text",
  inputMode,
  autoComplete = "off",
  className,
}: TextFieldProps) {
  const { control, register } = useFormContext();
  const { errors } = useFormState({ control, name });
  const error = errorAt(errors, name);
  const props = {
    ...register(name),
    ...controlA11y(id, { description: Boolean(description) || maxLength !== undefined, error }),
    invalid: Boolean(error),
    placeholder,
    spellCheck: monospace ? false : undefined,
    className: cn(monospace && "font-mono", className) || undefined,
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
        <Textarea {...props} rows={rows} />
      ) : (
        <Input {...props} type={type} inputMode={inputMode} autoComplete={autoComplete} />
      )}
    </Field>
  );
}
