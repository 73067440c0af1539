"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";

import { ExportStatusBadge } from "@/components/job-status/status-badge";
import { CopyButton } from "@/components/shared/copy-button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Input, Select } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { readErrorOf } from "@/lib/fetch-json";
import { sizeLabel } from "@/lib/format";
import { exportStatusFacts, isExportFailed } from "@/lib/job-status";
import { jobPath } from "@/lib/job-url";
import { everyExportQuery } from "@/lib/queries/exports";
import type { ExportRowData } from "@/lib/reads/exports";
import { AUDIENCE_EXPORT_JOB_STATUSES } from "@/lib/schemas/limits";

import { filterExports, type ExportFilters } from "./filter";

/**
 * Every export of every job, filterable by words and status: name, job, size,
 * status, output location (with a copy button), when, and who asked for it.
 * A table from a tablet's width up; one card per export on a phone.
 */
export function ExportsView() {
  const query = useQuery(everyExportQuery());
  const [filters, setFilters] = useState<ExportFilters>({ text: "", status: "" });
  const textId = useId();
  const statusId = useId();

  if (query.isError && !query.data) {
    return (
      <ErrorAlert
        role="alert"
        title="The exports could not be listed"
        error={readErrorOf(query.error)}
      />
    );
  }
  if (!query.data) return <p className="text-sm text-slate-600">Loading the exports…</p>;
  const { rows, unreadable } = query.data;
  const shown = filterExports(rows, filters);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter exports">
        <div className="min-w-0 grow sm:max-w-sm">
          <label htmlFor={textId} className="block text-sm font-medium text-slate-800">
            Find
          </label>
          <Input
            id={textId}
            type="search"
            className="mt-1"
            placeholder="Name, job, location or person"
            value={filters.text}
            onChange={(e) => setFilters({ ...filters, text: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor={statusId} className="block text-sm font-medium text-slate-800">
            Status
          </label>
          <Select
            id={statusId}
            className="mt-1"
            value={filters.status}
            onChange={(e) =>
              setFilters({ ...filters, status: e.target.value as ExportFilters["status"] })
            }
          >
            <option value="">Any status</option>
            {AUDIENCE_EXPORT_JOB_STATUSES.map((s) => (
              <option key={s} value={s}>
                {exportStatusFacts(s).label}
              </option>
            ))}
          </Select>
        </div>
        <p role="status" className="pb-2 text-sm text-slate-600">
          {rows.length === 0
            ? ""
            : shown.length === rows.length
              ? `${rows.length} ${rows.length === 1 ? "export" : "exports"}`
              : `${shown.length} of ${rows.length} exports`}
        </p>
      </div>
      {unreadable > 0 && (
        <p className="text-sm text-amber-800">
          The exports of {unreadable} {unreadable === 1 ? "job" : "jobs"} could not be listed; try
          again in a moment.
        </p>
      )}
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          No exports yet. Export an audience from a finished job&apos;s page; it appears here.
        </p>
      ) : shown.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          No export matches these filters.
        </p>
      ) : (
        <ul aria-label="Exports" className="space-y-3">
          {shown.map((row) => (
            <ExportCard
              key={`${row.audienceGenerationJobArn}|${row.name}|${row.createTime}`}
              row={row}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function ExportCard({ row }: { row: ExportRowData }) {
  return (
    <li
      aria-label={`Export ${row.name}`}
      className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-xs"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <div className="min-w-0">
          <p className="font-medium break-words text-slate-900">{row.name}</p>
          <p className="text-sm text-slate-600">
            Job{" "}
            <Link
              href={jobPath(row.audienceGenerationJobArn)}
              className="break-words text-indigo-700 underline-offset-2 hover:underline"
            >
              {row.jobName}
            </Link>
          </p>
        </div>
        <ExportStatusBadge status={row.status} />
      </div>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-slate-500">Size</dt>
        <dd className="text-slate-900">
          {sizeLabel(row.audienceSize)}
          {row.audienceSize.type === "PERCENTAGE" ? " of users" : " users"}
        </dd>
        <dt className="text-slate-500">Started</dt>
        <dd className="text-slate-900">
          <RelativeTime date={row.createTime} />
        </dd>
        <dt className="text-slate-500">Asked by</dt>
        <dd className="break-words text-slate-900">
          {row.exportedBy ?? <span className="text-slate-600">Not recorded</span>}
        </dd>
        <dt className="text-slate-500">Output</dt>
        <dd className="min-w-0">
          {row.outputLocation ? (
            <span className="font-mono text-[0.8125rem] break-all text-slate-900">
              {row.outputLocation}
            </span>
          ) : (
            <span className="text-slate-600">
              {exportStatusFacts(row.status).final ? "Not given" : "When it is written"}
            </span>
          )}
        </dd>
      </dl>
      {isExportFailed(row.status) && (
        <p className="mt-1 text-sm text-red-800">
          {row.statusDetails?.message ?? "The service gave no reason."}
        </p>
      )}
      {row.outputLocation && (
        <div className="mt-2">
          <CopyButton
            text={() => row.outputLocation ?? ""}
            label={`Copy location of ${row.name}`}
            copied="Location copied"
          >
            Copy location
          </CopyButton>
        </div>
      )}
    </li>
  );
}
