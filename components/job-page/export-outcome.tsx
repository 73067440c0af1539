"use client";

import { useQuery } from "@tanstack/react-query";

import { cn } from "@/components/ui/cn";
import { isExportFailed, isExportInFlight } from "@/lib/job-status";
import { exportsQuery } from "@/lib/queries/exports";

/**
 * What became of the export just started from this page: "started" while it
 * runs, then its final state (ready, with where it was written, or failed,
 * with the service's reason), read from the job's export list as the page
 * keeps it current (`useExports`). Asks the service nothing itself.
 */
export function ExportOutcome({ jobArn, name }: { jobArn: string; name: string | undefined }) {
  const exports = useQuery({ ...exportsQuery(jobArn), enabled: false }).data;
  // The newest export of that name (the list is newest first).
  const item = name === undefined ? undefined : exports?.find((e) => e.name === name);
  const failed = item !== undefined && isExportFailed(item.status);
  let text = "";
  if (name !== undefined) {
    if (!item || isExportInFlight(item.status))
      text = `Export “${name}” started. Its progress is shown below.`;
    else if (failed)
      text = `Export “${name}” failed: ${item.statusDetails?.message ?? "the service gave no reason"}.`;
    else
      text = `Export “${name}” is ready${item.outputLocation ? ` in ${item.outputLocation}` : ""}.`;
  }
  return (
    <p
      role="status"
      className={cn("text-sm break-all", failed ? "text-red-800" : "text-emerald-800")}
    >
      {text}
    </p>
  );
}
