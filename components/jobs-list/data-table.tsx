"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { memo, useLayoutEffect, useMemo, useRef, useState } from "react";

import { cn } from "@/components/ui/cn";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { FIRST_DIRECTION, type JobsSort, type SortField } from "@/lib/jobs-filters";
import type { JobSummaryData } from "@/lib/reads/jobs";

import { JOBS_COLUMNS } from "./columns";
import { rowChoice, type JobSelection, type RowChoice } from "./selection";
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
function nextSort(current: JobsSort, field: SortField): JobsSort {
  if (current.field !== field) return { field, direction: FIRST_DIRECTION[field] };
  return { field, direction: current.direction === "asc" ? "desc" : "asc" };
}

/**
 * Up to this many rows the table renders them all (the server's first page
 * among them, so the list paints its rows before any JavaScript runs). Past
 * it, only the rows in and near the window are in the page: with thousands of
 * jobs loaded, each keystroke in the search and each tick rendered every row
 * (0.66–5.6 s each, README "Page weight").
 */
export const WINDOW_FROM = 100;
/** A row's height before it is measured (a name and one line under it). */
const ROW_ESTIMATE_PX = 64;
/** Rows rendered beyond each edge of the window: room for scrolling and for Tab to land on. */
const OVERSCAN = 12;

/** Where the table's body starts on the page, kept current as what is above it changes. */
function useOffsetTop(element: React.RefObject<HTMLElement | null>, enabled: boolean): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const node = element.current;
    if (!enabled || !node) return;
    const measure = () => setTop(node.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer =
      typeof ResizeObserver === "undefined" ? undefined : new ResizeObserver(measure);
    observer?.observe(document.body);
    return () => observer?.disconnect();
  }, [element, enabled]);
  return top;
}

/**
 * One job's row. Memoized, with props that stay the same while the row does
 * (the choice as two booleans and the selection's lasting `toggle`): a
 * keystroke in the search or a tick renders only the rows that changed.
 */
const JobRow = memo(function JobRow({
  job,
  index,
  measure,
  modelName,
  checked,
  full,
  toggle,
}: {
  job: JobSummaryData;
  index: number;
  /** The virtualizer's measuring ref, when the table is windowed. */
  measure: ((node: Element | null) => void) | undefined;
  modelName: (arn: string) => string;
  checked: boolean;
  full: boolean;
  /** Absent when the rows cannot be chosen for a comparison. */
  toggle: RowChoice["toggle"] | undefined;
}) {
  const context = { modelName, choice: toggle && { checked, full, toggle } };
  return (
    <TableRow
      data-job-arn={job.audienceGenerationJobArn}
      data-index={index}
      ref={measure}
      aria-rowindex={index + 2}
      className="hover:bg-slate-50/70"
    >
      {JOBS_COLUMNS.map((column) => (
        <TableCell key={column.id} className={cn("px-4 text-slate-700", column.className)}>
          {column.cell(job, context)}
        </TableCell>
      ))}
    </TableRow>
  );
});

export function JobsDataTable({
  rows,
  sort,
  onSort,
  modelName,
  selection,
  caption,
}: {
  rows: readonly JobSummaryData[];
  sort: JobsSort;
  onSort: (sort: JobsSort) => void;
  /** The configured audience model's name, or the ARN's last segment when the model is not known. */
  modelName: (arn: string) => string;
  /** The jobs chosen for a comparison: each row gets a checkbox before its name. */
  selection?: JobSelection;
  caption: string;
}) {
  const newest = useMemo(
    () => rows.reduce((max, job) => Math.max(max, Date.parse(job.updateTime) || 0), 0),
    [rows],
  );
  const windowed = rows.length > WINDOW_FROM;
  const body = useRef<HTMLTableSectionElement>(null);
  const scrollMargin = useOffsetTop(body, windowed);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN,
    scrollMargin,
    enabled: windowed,
    getItemKey: (index) => rows[index]!.audienceGenerationJobArn,
  });
  const items = windowed
    ? virtualizer.getVirtualItems()
    : rows.map((_, index) => ({ index, start: 0, end: 0 }));
  const first = items[0];
  const last = items.at(-1);
  // The rows out of the window, as two spacers of their measured (or estimated) height.
  const before = windowed && first ? first.start - scrollMargin : 0;
  const after = windowed && last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;
  const spacer = (height: number) =>
    height > 0 && (
      <tr aria-hidden style={{ height }}>
        <td colSpan={JOBS_COLUMNS.length} className="p-0" />
      </tr>
    );

  return (
    <TableClock newest={newest}>
      {/* aria-rowcount and aria-rowindex: a screen reader counts every row, rendered or not (the header is row 1). */}
      <Table aria-rowcount={rows.length + 1}>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow aria-rowindex={1} className="align-middle">
            {JOBS_COLUMNS.map((column) => {
              const active = column.sortField !== undefined && sort.field === column.sortField;
              return (
                <TableHead
                  key={column.id}
                  className={cn("px-4", column.className)}
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
                </TableHead>
              );
            })}
          </TableRow>
        </TableHeader>
        <TableBody ref={body}>
          {spacer(before)}
          {items.map(({ index }) => {
            const job = rows[index]!;
            const choice = selection && rowChoice(selection, job.audienceGenerationJobArn);
            return (
              <JobRow
                key={job.audienceGenerationJobArn}
                job={job}
                index={index}
                measure={windowed ? virtualizer.measureElement : undefined}
                modelName={modelName}
                checked={choice?.checked ?? false}
                full={choice?.full ?? false}
                toggle={choice?.toggle}
              />
            );
          })}
          {spacer(after)}
        </TableBody>
      </Table>
    </TableClock>
  );
}
