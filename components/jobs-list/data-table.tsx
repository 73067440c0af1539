"use client";

import { cn } from "@/components/ui/cn";
import { FIRST_DIRECTION, type JobsSort, type SortField } from "@/lib/jobs-filters";
import type { JobSummaryData } from "@/lib/reads/jobs";

import { JOBS_COLUMNS, type JobsTableContext } from "./columns";
import { TableClock } from "./time-cell";

function SortIcon({ direction }: { direction: JobsSort["direction"] | undefined }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 12 12"
      className={cn("size-3", direction ? "text-slate-700" : "text-slate-300")}
    >
      <path
        d="M6 1.5 9 5H3z"
        fill={direction === "asc" ? "currentColor" : direction ? "#cbd5e1" : "currentColor"}
      />
      <path
        d="M6 10.5 3 7h6z"
        fill={direction === "desc" ? "currentColor" : direction ? "#cbd5e1" : "currentColor"}
      />
    </svg>
  );
}

/** The next order when a column header is clicked: the column's natural direction first, then the other. */
export function nextSort(current: JobsSort, field: SortField): JobsSort {
  if (current.field !== field) return { field, direction: FIRST_DIRECTION[field] };
  return { field, direction: current.direction === "asc" ? "desc" : "asc" };
}

export function JobsDataTable({
  rows,
  sort,
  onSort,
  context,
  caption,
}: {
  rows: readonly JobSummaryData[];
  sort: JobsSort;
  onSort: (sort: JobsSort) => void;
  context: JobsTableContext;
  caption: string;
}) {
  const newest = rows.reduce((max, job) => Math.max(max, Date.parse(job.updateTime) || 0), 0);
  return (
    <TableClock newest={newest}>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600">
            <tr>
              {JOBS_COLUMNS.map((column) => {
                const active = column.sortField !== undefined && sort.field === column.sortField;
                return (
                  <th
                    key={column.id}
                    scope="col"
                    className={cn("px-4 py-2.5 font-medium", column.className)}
                    aria-sort={
                      active ? (sort.direction === "asc" ? "ascending" : "descending") : undefined
                    }
                  >
                    {column.sortField ? (
                      <button
                        type="button"
                        onClick={() => onSort(nextSort(sort, column.sortField!))}
                        className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-200/60 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
                      >
                        {column.header}
                        <SortIcon direction={active ? sort.direction : undefined} />
                      </button>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((job) => (
              <tr
                key={job.audienceGenerationJobArn}
                data-job-arn={job.audienceGenerationJobArn}
                className="align-top hover:bg-slate-50/70"
              >
                {JOBS_COLUMNS.map((column) => (
                  <td key={column.id} className={cn("px-4 py-3 text-slate-700", column.className)}>
                    {column.cell(job, context)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </TableClock>
  );
}
