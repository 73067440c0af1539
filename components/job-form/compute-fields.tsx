"use client";

import { useFormContext, useFormState } from "react-hook-form";

import { cn } from "@/components/ui/cn";
import { fieldIds } from "@/components/ui/field";
import { RadioCard } from "@/components/ui/radio-card";
import { SPARK_PROPERTIES_MAX, WORKER_COUNT_MAX_SQL, WORKER_COUNT_MIN } from "@/lib/schemas/api";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

import { controlId, errorAt } from "./form-helpers";
import { KeyValueRows } from "./key-value-rows";
import { TextField } from "./text-field";

/** Worker types as relative sizes: the service documents them against CR.1X, not in vCPUs. */
export const WORKER_TYPE_CHOICES: {
  value: StartJobFormValues["workerType"];
  label: string;
  description: string;
}[] = [
  { value: "", label: "Service default", description: "Let Clean Rooms ML choose." },
  { value: "CR.1X", label: "CR.1X", description: "The standard worker. Enough for most seeds." },
  {
    value: "CR.4X",
    label: "CR.4X",
    description: "Four times the compute and memory of CR.1X, for large or complex queries.",
  },
  {
    value: "CR.8X",
    label: "CR.8X",
    description: "Eight times the compute and memory of CR.1X, for the largest queries.",
  },
];

/**
 * Compute for a seed that comes from a query: worker type and count, and
 * Spark properties in an advanced section that opens by itself when it has
 * rows or errors.
 */
export function ComputeFields({
  advancedOpen,
  onAdvancedOpenChange,
}: {
  advancedOpen: boolean;
  onAdvancedOpenChange: (open: boolean) => void;
}) {
  const { control, register } = useFormContext<StartJobFormValues>();
  const { errors } = useFormState({ control, name: "workerType" });
  const typeError = errorAt(errors, "workerType");
  const typeId = controlId("workerType");
  const advancedId = controlId("advanced-compute");

  return (
    <div className="space-y-6">
      <fieldset aria-describedby={typeError ? fieldIds(typeId).error : undefined}>
        <legend className="text-sm font-medium text-slate-800">Worker type</legend>
        <p className="mt-1 text-xs text-slate-500">
          Bigger workers read large seeds faster and cost more per hour.
        </p>
        <div className="mt-3 grid gap-2 sm:grid-cols-2">
          {WORKER_TYPE_CHOICES.map((choice) => {
            const id = controlId(`workerType-${choice.value || "default"}`);
            return (
              <RadioCard
                key={choice.value}
                id={id}
                label={choice.label}
                description={choice.description}
                value={choice.value}
                {...register("workerType")}
              />
            );
          })}
        </div>
        {typeError && (
          <p id={fieldIds(typeId).error} className="mt-2 text-sm text-red-700">
            {typeError}
          </p>
        )}
      </fieldset>

      <div className="max-w-xs">
        <TextField
          name="workerCount"
          label="Number of workers"
          optional
          inputMode="numeric"
          placeholder="Service default"
          description={`From ${WORKER_COUNT_MIN} to ${WORKER_COUNT_MAX_SQL}. More workers finish a big query sooner.`}
        />
      </div>

      <div className="rounded-md border border-slate-200">
        <button
          type="button"
          aria-expanded={advancedOpen}
          aria-controls={advancedId}
          onClick={() => onAdvancedOpenChange(!advancedOpen)}
          className="flex w-full items-center justify-between gap-3 rounded-md px-3 py-2.5 text-left text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <span>
            Advanced: Spark properties
            <span className="ml-2 font-normal text-slate-500">for your data team</span>
          </span>
          <span
            aria-hidden
            className={cn("text-slate-500 transition-transform", advancedOpen && "rotate-90")}
          >
            ›
          </span>
        </button>
        <div id={advancedId} hidden={!advancedOpen} className="border-t border-slate-200 px-3 py-3">
          <KeyValueRows
            name="sparkProperties"
            legend="Spark properties"
            noun="Spark property"
            nounPlural="Spark properties"
            keyLabel="Name"
            keyPlaceholder="spark.sql.shuffle.partitions"
            valuePlaceholder="200"
            monospace
            max={SPARK_PROPERTIES_MAX}
            description={`Settings passed to the Spark engine that runs the query, at most ${SPARK_PROPERTIES_MAX}. Leave empty unless you know you need one.`}
          />
        </div>
      </div>
    </div>
  );
}
