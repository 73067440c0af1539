"use client";

import { useQuery } from "@tanstack/react-query";
import type { Ref } from "react";
import { useWatch, type Control } from "react-hook-form";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { seedPreflightQuery } from "@/lib/queries/seeds";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";
import { sqlParameterProblems } from "@/lib/sql-parameters";

import type { StartJobFormContext } from "./declared-parameters";

export interface SeedReadiness {
  /** Reasons the job would fail for certain: Start job is refused (the schema refuses them too). */
  blocking: string[];
  /** Reasons it might fail: Start job asks first. */
  doubts: string[];
}

/**
 * What the form knows about the seed before sending it: a SQL query naming a
 * parameter with no value blocks the start (`lib/sql-parameters.ts`, also the
 * schema's rule); parameter rows the query never uses, and the seed check's
 * findings on an S3 file (a check already made, never started here), are
 * doubts to confirm.
 */
export function useSeedReadiness(
  control: Control<StartJobFormValues, StartJobFormContext>,
): SeedReadiness {
  const [source, uri, query, rows] = useWatch({
    control,
    name: ["seedSource", "s3Uri", "queryString", "parameters"],
  });
  const trimmed = (uri ?? "").trim();
  const report = useQuery({ ...seedPreflightQuery(trimmed), enabled: false });
  if (source === "SQL_QUERY") {
    return sqlParameterProblems(
      query,
      rows.map((r) => r.key.trim()),
    );
  }
  if (source === "S3" && trimmed !== "") {
    return { blocking: [], doubts: report.data?.problems ?? [] };
  }
  return { blocking: [], doubts: [] };
}

/** Beside Start job: why the form will not start this job, repeated from the field that says so. */
export function SeedBlockers({ blocking }: { blocking: string[] }) {
  if (blocking.length === 0) return null;
  return (
    <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      <p className="font-medium">Start job is blocked until the seed is fixed:</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {blocking.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Asked after Start job when the form only doubts the seed: the doubts, and
 * a choice to start anyway or go back to the seed. Takes focus when shown.
 */
export function ConfirmDoubts({
  doubts,
  onConfirm,
  onCancel,
  pending,
  ref,
}: {
  doubts: string[];
  onConfirm: () => void;
  onCancel: () => void;
  pending: boolean;
  ref: Ref<HTMLDivElement>;
}) {
  return (
    <div ref={ref} tabIndex={-1} className="outline-none">
      <Alert tone="warning" role="alert" title="Start this job although the seed looks wrong?">
        <ul className="list-disc space-y-0.5 pl-5">
          {doubts.map((doubt) => (
            <li key={doubt}>{doubt}</li>
          ))}
        </ul>
        <p className="mt-1 text-xs">
          The job may fail, or not select the users you meant. Start it only if you know better.
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          <Button onClick={onConfirm} disabled={pending}>
            Start anyway
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Go back to the seed
          </Button>
        </div>
      </Alert>
    </div>
  );
}
