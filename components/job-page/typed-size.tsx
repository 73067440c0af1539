"use client";

import { useState, type Ref } from "react";

import { controlA11y, Field, Input, Select } from "@/components/ui/field";
import type { AudienceSizeType } from "@/lib/cleanrooms-ml";
import {
  AUDIENCE_SIZE_MAX,
  AUDIENCE_SIZE_MIN,
  AUDIENCE_SIZE_PERCENTAGE_MAX,
} from "@/lib/schemas/limits";

const TYPES: { type: AudienceSizeType; label: string }[] = [
  { type: "ABSOLUTE", label: "users" },
  { type: "PERCENTAGE", label: "% of the model's users" },
];

/**
 * An audience size typed by hand, for a job whose model shares neither its
 * sizes nor its metrics (a partner's, docs/ARCHITECTURE.md, "Two accounts"):
 * a number and its kind, kept as the export form's size key (`TYPE:value`).
 * The form checks it against the API's own limits; the service then says
 * whether the model has that size.
 */
export function TypedSizeField({
  value,
  onChange,
  error,
  inputRef,
}: {
  value: string;
  onChange: (key: string) => void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [typed, setTyped] = useState(() => {
    const [type, amount] = value.split(":");
    return { type: (type || "ABSOLUTE") as AudienceSizeType, amount: amount ?? "" };
  });
  const update = (next: typeof typed) => {
    setTyped(next);
    onChange(next.amount.trim() === "" ? "" : `${next.type}:${next.amount.trim()}`);
  };
  return (
    <Field
      id="export-size"
      label="Audience size"
      description={`The model's owner shares neither its sizes nor this job's metrics: type one of the sizes the owner told you. A number of users from ${AUDIENCE_SIZE_MIN} to ${AUDIENCE_SIZE_MAX.toLocaleString("en-US")}, or a percentage up to ${AUDIENCE_SIZE_PERCENTAGE_MAX}; the service refuses a size the model lacks.`}
      error={error}
    >
      <div className="flex gap-2">
        <Input
          {...controlA11y("export-size", { description: true, error })}
          invalid={Boolean(error)}
          ref={inputRef}
          name="size"
          inputMode="numeric"
          autoComplete="off"
          className="w-36"
          value={typed.amount}
          onChange={(event) => update({ ...typed, amount: event.target.value })}
        />
        <Select
          aria-label="Kind of audience size"
          value={typed.type}
          onChange={(event) => update({ ...typed, type: event.target.value as AudienceSizeType })}
        >
          {TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </Select>
      </div>
    </Field>
  );
}
