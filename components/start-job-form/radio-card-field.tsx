"use client";

import type { ReactNode } from "react";
import { useFormContext, useFormState } from "react-hook-form";

import { fieldIds } from "@/components/ui/field";
import { RadioCard } from "@/components/ui/radio-card";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

import { controlId, errorAt } from "./form-helpers";

type ChoiceField = "seedSource" | "workerType";

const COLUMNS = { 2: "sm:grid-cols-2", 3: "sm:grid-cols-3" } as const;

/** One of a few choices as a group of radio cards (a fieldset with its legend, hint and error). */
export function RadioCardField<Name extends ChoiceField>({
  name,
  legend,
  hint,
  choices,
  columns,
}: {
  name: Name;
  legend: string;
  hint: ReactNode;
  choices: readonly { value: StartJobFormValues[Name]; label: string; description: string }[];
  columns: keyof typeof COLUMNS;
}) {
  const { control, register } = useFormContext<StartJobFormValues>();
  const { errors } = useFormState({ control, name });
  const error = errorAt(errors, name);
  const errorId = fieldIds(controlId(name)).error;

  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <p className="mt-1 text-xs text-slate-500">{hint}</p>
      <div className={`mt-3 grid gap-2 ${COLUMNS[columns]}`}>
        {choices.map((choice) => (
          <RadioCard
            key={choice.value}
            id={controlId(`${name}-${choice.value || "default"}`)}
            label={choice.label}
            description={choice.description}
            value={choice.value}
            {...register(name)}
          />
        ))}
      </div>
      {error && (
        <p id={errorId} className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
