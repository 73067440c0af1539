"use client";

import { useFormContext, useFormState, useWatch } from "react-hook-form";

import type { StartJobFormValues } from "@/lib/schemas/start-job-form";
import { sqlParameterProblems } from "@/lib/sql-parameters";

/**
 * Under a SQL seed's parameter rows, as they are typed: a parameter the query
 * names (`:name`) with no row, which blocks Start job (the schema refuses it;
 * once the list shows that error itself it is not repeated here), and rows
 * the query never names, which Start job asks about.
 */
export function SqlParameterCheck() {
  const { control } = useFormContext<StartJobFormValues>();
  const query = useWatch({ control, name: "queryString" });
  const rows = useWatch({ control, name: "parameters" });
  const { errors } = useFormState({ control, name: "parameters" });
  const listError = errors.parameters?.message ?? errors.parameters?.root?.message;
  const { blocking, doubts } = sqlParameterProblems(
    query,
    rows.map((r) => r.key.trim()),
  );
  const shown = [...blocking.filter((m) => m !== listError), ...doubts];
  if (shown.length === 0) return null;
  return (
    <div aria-live="polite" className="space-y-1 text-sm text-amber-800">
      {shown.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
