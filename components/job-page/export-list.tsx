"use client";

import { ExportStatusBadge } from "@/components/job-status/status-badge";
import { ErrorAlert } from "@/components/ui/error-alert";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { readErrorOf } from "@/lib/fetch-json";
import { sizeLabel } from "@/lib/format";
import { isExportFailed, isExportInFlight } from "@/lib/job-status";
import type { useExports } from "@/lib/queries/use-exports";
import type { ExportJobData } from "@/lib/reads/exports";

import { Mono } from "./description-list";

/** The job's export jobs, newest first, with status, size and output location. */
export function ExportList({ query }: { query: ReturnType<typeof useExports> }) {
  if (query.isPending) {
    return (
      <div className="space-y-2" aria-label="Loading exports">
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-10 w-full" />
      </div>
    );
  }
  if (query.isError && !query.data) {
    return (
      <ErrorAlert
        tone="warning"
        title="Could not list the exports"
        error={readErrorOf(query.error)}
      />
    );
  }
  const exports = query.data ?? [];
  const inFlight = exports.some((e) => isExportInFlight(e.status));
  return (
    <div className="space-y-2">
      <h3 className="flex flex-wrap items-baseline gap-x-2 text-sm font-semibold text-slate-900">
        Exports of this job
        <span className="text-xs font-normal text-slate-500">
          {exports.length === 0
            ? ""
            : `${exports.length}${inFlight ? " · updating while in progress" : ""}`}
        </span>
      </h3>
      {exports.length === 0 ? (
        <p className="text-sm text-slate-500">No exports yet.</p>
      ) : (
        <ul
          aria-label="Exports"
          className="divide-y divide-slate-100 rounded-md border border-slate-200"
        >
          {exports.map((e) => (
            <ExportRow key={`${e.name}-${e.createTime}`} item={e} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** One export job. */
function ExportRow({ item }: { item: ExportJobData }) {
  return (
    <li className="space-y-1.5 px-3 py-3" aria-label={`Export ${item.name}`}>
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <p className="min-w-0 font-medium break-words text-slate-900">{item.name}</p>
        <ExportStatusBadge status={item.status} />
      </div>
      <p className="text-xs text-slate-600">
        {sizeLabel(item.audienceSize)}
        {item.audienceSize.type === "PERCENTAGE" ? " of users" : " users"} · started{" "}
        <RelativeTime date={item.createTime} />
      </p>
      {item.outputLocation && (
        <p className="text-xs text-slate-700">
          Output: <Mono>{item.outputLocation}</Mono>
        </p>
      )}
      {isExportFailed(item.status) && (
        <p className="text-xs text-red-800">
          {item.statusDetails?.message ?? "The service gave no reason."}
          {item.statusDetails?.statusCode && (
            <>
              {" "}
              (<code className="font-mono">{item.statusDetails.statusCode}</code>)
            </>
          )}
        </p>
      )}
    </li>
  );
}
