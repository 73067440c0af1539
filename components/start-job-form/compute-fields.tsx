"use client";

import { memo } from "react";

import { KeyValueRows } from "@/components/shared/key-value-rows";
import { cn } from "@/components/ui/cn";
import { CRPU_PER_WORKER } from "@/lib/costs";
import {
  SPARK_PROPERTIES_MAX,
  WORKER_COUNT_RANGE,
  WORKER_TYPES,
  type WorkerType,
} from "@/lib/schemas/limits";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

import { ComputeEstimate } from "./compute-estimate";
import { controlId } from "./form-helpers";
import { RadioCardField } from "./radio-card-field";
import { TextField } from "./text-field";

/** Worker types as relative sizes, with what each worker bills per hour (`CRPU_PER_WORKER`). */
const WORKER_TYPE_DESCRIPTIONS: Record<WorkerType, string> = {
  "CR.1X": `The standard worker. Enough for most seeds. ${CRPU_PER_WORKER["CR.1X"]} CRPUs per worker.`,
  "CR.4X": `Four times the compute and memory of CR.1X, for large or complex queries. ${CRPU_PER_WORKER["CR.4X"]} CRPUs per worker.`,
  "CR.8X": `Eight times the compute and memory of CR.1X, for the largest queries. ${CRPU_PER_WORKER["CR.8X"]} CRPUs per worker.`,
};

/** The choices: the service's default, then each worker type of the API (`WORKER_TYPES`). */
const WORKER_TYPE_CHOICES: {
  value: StartJobFormValues["workerType"];
  label: string;
  description: string;
}[] = [
  { value: "", label: "Service default", description: "Let Clean Rooms ML choose." },
  ...WORKER_TYPES.map((type) => ({
    value: type,
    label: type,
    description: WORKER_TYPE_DESCRIPTIONS[type],
  })),
];

/**
 * Compute for a seed that comes from a query: worker type and count, and
 * Spark properties in an advanced section that opens by itself when it has
 * rows or errors.
 */
export const ComputeFields = memo(function ComputeFields({
  advancedOpen,
  onAdvancedOpenChange,
}: {
  advancedOpen: boolean;
  onAdvancedOpenChange: (open: boolean) => void;
}) {
  const advancedId = controlId("advanced-compute");

  return (
    <div className="space-y-6">
      <ComputeEstimate />
      <RadioCardField
        name="workerType"
        legend="Worker type"
        hint="A run is billed in CRPU-hours: CRPUs per worker × workers × hours. Bigger or more workers cost more per hour and may finish sooner."
        choices={WORKER_TYPE_CHOICES}
        columns={2}
      />

      <div className="max-w-xs">
        <TextField
          name="workerCount"
          label="Number of workers"
          optional
          inputMode="numeric"
          placeholder="Service default"
          description={`A whole number ${WORKER_COUNT_RANGE}. More workers finish a big query sooner.`}
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
          <KeyValueRows<StartJobFormValues>
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
});
