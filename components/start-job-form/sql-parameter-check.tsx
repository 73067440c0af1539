"use client";

import { useFormContext, useWatch } from "react-hook-form";

import type { StartJobFormValues } from "@/lib/schemas/start-job-form";
import { sqlParameterMismatch } from "@/lib/sql-parameters";

/**
 * Under a SQL seed's parameter rows: parameters the query names (`:name`)
 * with no row, and rows the query never names. Pointed out, not refused: the
 * service decides.
 */
export function SqlParameterCheck() {
  const { control } = useFormContext<StartJobFormValues>();
  const query = useWatch({ control, name: "queryString" });
  const rows = useWatch({ control, name: "parameters" });
  const { missing, unused } = sqlParameterMismatch(
    query,
    rows.map((r) => r.key.trim()),
  );
  if (missing.length === 0 && unused.length === 0) return null;
  return (
    <div aria-live="polite" className="space-y-1 text-sm text-amber-800">
      {missing.length > 0 && (
        <p>
          The query uses {missing.map((n) => `:${n}`).join(", ")} but no row gives{" "}
          {missing.length === 1 ? "it" : "them"} a value: add a row named {missing.join(", ")}.
        </p>
      )}
      {unused.length > 0 && (
        <p>
          The query does not use {unused.join(", ")}: refer to {unused.length === 1 ? "it" : "them"}{" "}
          as {unused.map((n) => `:${n}`).join(", ")}, or remove the{" "}
          {unused.length === 1 ? "row" : "rows"}.
        </p>
      )}
    </div>
  );
}
