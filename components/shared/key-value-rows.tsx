"use client";

import type { ReactNode } from "react";
import {
  useFieldArray,
  useFormContext,
  useFormState,
  useWatch,
  type FieldValues,
} from "react-hook-form";

import { Button } from "@/components/ui/button";
import { controlA11y, fieldIds, Input } from "@/components/ui/field";
import { filledRows, type KeyValueRow } from "@/lib/schemas/rows";

import { controlId, errorAt } from "./form-fields";

/** The names of a form's key/value lists: the members of `Values` that hold `{ key, value }[]`. */
export type KeyValueListName<Values> = {
  [Name in keyof Values & string]: Values[Name] extends KeyValueRow[] ? Name : never;
}[keyof Values & string];

/**
 * Rows of key and value, added and removed one by one: tags, SQL parameters
 * and Spark properties in the start-job form, and a job's tags on its page.
 * Each row's error sits beside the row; an error about the whole list (too
 * many rows) sits at its top, under the legend, where focus lands. Works
 * inside any react-hook-form `FormProvider` whose values hold `name` as
 * `{ key, value }[]`: `<KeyValueRows<TagsFormValues> name="tags" … />`.
 */
export function KeyValueRows<Values extends FieldValues>({
  name: listName,
  legend,
  description,
  noun,
  nounPlural = `${noun}s`,
  keyLabel = "Key",
  valueLabel = "Value",
  keyPlaceholder,
  valuePlaceholder,
  max,
  monospace,
  optional = true,
  legendHidden = false,
  alsoCounted = 0,
  children,
}: {
  name: KeyValueListName<Values>;
  legend: string;
  /** Says "(optional)" beside the legend. */
  optional?: boolean;
  /** The legend for screen readers only, where a heading above already names the list. */
  legendHidden?: boolean;
  description?: string;
  /** One row, in lower case: "tag", "parameter". */
  noun: string;
  /** Several rows, when not `noun` + "s". */
  nounPlural?: string;
  keyLabel?: string;
  valueLabel?: string;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  max?: number;
  /** Entries the thing will have beyond these rows, counted toward `max` (a job's inherited tags). */
  alsoCounted?: number;
  /** Shown above the rows: what `alsoCounted` counts. */
  children?: ReactNode;
  monospace?: boolean;
}) {
  // Inside, the form is seen as its one list: `name` holds `{ key, value }[]` (checked above).
  const { control, register } = useFormContext<Record<string, KeyValueRow[]>>();
  const name: string = listName;
  const { errors } = useFormState({ control, name });
  const { fields, append, remove } = useFieldArray({ control, name });
  // Blank rows do not count (`lib/schemas/rows.ts`), here as in the checks and the request.
  const count = filledRows(useWatch({ control, name }) ?? []).length + alsoCounted;
  const listId = controlId(name);
  const listError = errorAt(errors, name);
  const full = max !== undefined && fields.length + alsoCounted >= max;
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);

  return (
    <fieldset
      className="space-y-3 rounded-sm focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-500"
      // Where focus goes when the list itself is wrong (too many rows, a parameter the service refused).
      tabIndex={-1}
      data-field={name}
      aria-invalid={listError ? true : undefined}
      aria-describedby={
        [
          listError ? fieldIds(listId).error : undefined,
          description ? fieldIds(listId).description : undefined,
        ]
          .filter(Boolean)
          .join(" ") || undefined
      }
    >
      <legend className={legendHidden ? "sr-only" : "text-sm font-medium text-slate-800"}>
        {legend}
        {optional && <span className="ml-1 font-normal text-slate-500">(optional)</span>}
      </legend>
      {description && (
        <p id={fieldIds(listId).description} className="-mt-1 text-xs text-slate-500">
          {description}
        </p>
      )}
      {/* The list's own error (too many rows) at its top, where focus lands on the list. */}
      {listError && (
        <p id={fieldIds(listId).error} className="text-sm text-red-700">
          {listError}
        </p>
      )}
      {children}

      {fields.length > 0 && (
        <ol className="space-y-3">
          {fields.map((field, index) => {
            const keyPath = `${name}.${index}.key` as const;
            const valuePath = `${name}.${index}.value` as const;
            const keyId = controlId(keyPath);
            const valueId = controlId(valuePath);
            const keyError = errorAt(errors, keyPath);
            const valueError = errorAt(errors, valuePath);
            return (
              <li
                key={field.id}
                className="grid grid-cols-1 gap-2 rounded-md border border-slate-200 bg-slate-50/60 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start sm:border-0 sm:bg-transparent sm:p-0"
              >
                <div className="space-y-1">
                  <label htmlFor={keyId} className="block text-xs font-medium text-slate-600">
                    <span className="sr-only">
                      {Noun} {index + 1}{" "}
                    </span>
                    {keyLabel}
                  </label>
                  <Input
                    {...register(keyPath)}
                    {...controlA11y(keyId, { error: keyError })}
                    invalid={Boolean(keyError)}
                    placeholder={keyPlaceholder}
                    autoComplete="off"
                    spellCheck={false}
                    className={monospace ? "font-mono" : undefined}
                  />
                  {keyError && (
                    <p id={fieldIds(keyId).error} className="text-sm text-red-700">
                      {keyError}
                    </p>
                  )}
                </div>
                <div className="space-y-1">
                  <label htmlFor={valueId} className="block text-xs font-medium text-slate-600">
                    <span className="sr-only">
                      {Noun} {index + 1}{" "}
                    </span>
                    {valueLabel}
                  </label>
                  <Input
                    {...register(valuePath)}
                    {...controlA11y(valueId, { error: valueError })}
                    invalid={Boolean(valueError)}
                    placeholder={valuePlaceholder}
                    autoComplete="off"
                    spellCheck={false}
                    className={monospace ? "font-mono" : undefined}
                  />
                  {valueError && (
                    <p id={fieldIds(valueId).error} className="text-sm text-red-700">
                      {valueError}
                    </p>
                  )}
                </div>
                <div className="sm:pt-5">
                  <Button
                    variant="ghost"
                    onClick={() => remove(index)}
                    className="w-full sm:w-auto"
                  >
                    Remove
                    <span className="sr-only">
                      {" "}
                      {noun} {index + 1}
                    </span>
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          onClick={() => append({ key: "", value: "" }, { shouldFocus: true })}
          disabled={full}
        >
          Add {noun}
        </Button>
        {max !== undefined && (
          <span
            className={count > max ? "text-xs font-medium text-red-700" : "text-xs text-slate-500"}
          >
            {count} of {max} {nounPlural}
            {alsoCounted > 0 ? `, including the ${alsoCounted} above` : ""}
            {full ? ": the most allowed" : ""}
          </span>
        )}
      </div>
    </fieldset>
  );
}
