import type { AudienceExportJobStatus } from "@/lib/cleanrooms-ml";
import { exportStatusFacts } from "@/lib/job-status";
import type { ExportRowData } from "@/lib/reads/exports";

/** The exports page's filters: words to find, and a status (or every one). */
export interface ExportFilters {
  text: string;
  status: AudienceExportJobStatus | "";
}

/**
 * The exports that match: every word of `text` (any case) in the export's
 * name, its job's name, its output location, who asked for it or its
 * status's label; and the status, when one is chosen.
 */
export function filterExports(
  rows: readonly ExportRowData[],
  { text, status }: ExportFilters,
): ExportRowData[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (status && row.status !== status) return false;
    const haystack = [
      row.name,
      row.jobName,
      row.outputLocation ?? "",
      row.exportedBy ?? "",
      exportStatusFacts(row.status).label,
    ]
      .join(" ")
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
