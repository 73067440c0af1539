import type { ReactNode } from "react";

import { CollaborationName, MemberName } from "@/components/collaboration/names";
import { StatusBadge } from "@/components/job-status/status-badge";
import { Link } from "@/components/ui/link";
import { jobPath } from "@/lib/job-url";
import type { SortField } from "@/lib/jobs-filters";
import type { JobSummaryData } from "@/lib/reads/jobs";

import { FailureReason } from "./failure-reason";
import { SelectJobBox, type RowChoice } from "./selection";
import { TimeCell } from "./time-cell";

export interface JobsTableContext {
  /** The configured audience model's name, or the ARN's last segment when the model is not known. */
  modelName: (arn: string) => string;
  /** The row's part of the jobs chosen for a comparison: the row gets a checkbox before its name. */
  choice?: RowChoice;
}

interface JobsColumn {
  id: string;
  header: string;
  /** Set for the columns the list can sort by. */
  sortField?: SortField;
  /** Classes for both the header and the cells (e.g. hidden on narrow screens). */
  className?: string;
  cell: (job: JobSummaryData, context: JobsTableContext) => ReactNode;
}

/** A dash for a fact the service did not give, with its meaning for screen readers. */
function NotRecorded({ label }: { label: string }) {
  return (
    <span className="text-slate-400" aria-label={label} title={label}>
      —
    </span>
  );
}

/** A minute's slack: the service stamps a new job's two times a moment apart. */
const SAME_MOMENT_MS = 60_000;

function changedAfterCreation(job: JobSummaryData): boolean {
  return Date.parse(job.updateTime) - Date.parse(job.createTime) > SAME_MOMENT_MS;
}

function safeJobPath(arn: string): string | undefined {
  try {
    return jobPath(arn);
  } catch {
    return undefined;
  }
}

function NameCell({ job, context }: { job: JobSummaryData; context: JobsTableContext }) {
  const href = safeJobPath(job.audienceGenerationJobArn);
  const name = (
    <div className="min-w-0">
      {href ? (
        <Link
          href={href}
          className="font-medium break-words text-indigo-700 hover:text-indigo-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {job.name}
        </Link>
      ) : (
        <span className="font-medium break-words">{job.name}</span>
      )}
      {job.description && (
        <p className="mt-0.5 line-clamp-1 text-xs text-slate-500">{job.description}</p>
      )}
      <FailureReason arn={job.audienceGenerationJobArn} status={job.status} />
      {/* On narrow screens the model (and on the narrowest, the last update) ride under the name. */}
      <p className="mt-0.5 text-xs text-slate-500 md:hidden">
        {context.modelName(job.configuredAudienceModelArn)}
        {job.exports ? ` · ${job.exports === 1 ? "1 export" : `${job.exports} exports`}` : ""}
        <span className="sm:hidden">
          {" "}
          · updated <TimeCell date={job.updateTime} />
        </span>
      </p>
    </div>
  );
  if (!context.choice) return name;
  return (
    <div className="flex items-start gap-3">
      <SelectJobBox arn={job.audienceGenerationJobArn} name={job.name} choice={context.choice} />
      {name}
    </div>
  );
}

/** The list's columns, in order. Plain data: the table renders them, nothing else knows them. */
export const JOBS_COLUMNS: readonly JobsColumn[] = [
  {
    id: "name",
    header: "Name",
    sortField: "name",
    className: "w-full md:w-auto",
    cell: (job, context) => <NameCell job={job} context={context} />,
  },
  {
    id: "status",
    header: "Status",
    sortField: "status",
    cell: (job) => <StatusBadge status={job.status} />,
  },
  {
    id: "model",
    header: "Audience model",
    className: "hidden md:table-cell",
    cell: (job, context) => (
      <span className="break-words" title={job.configuredAudienceModelArn}>
        {context.modelName(job.configuredAudienceModelArn)}
      </span>
    ),
  },
  {
    id: "collaboration",
    header: "Collaboration",
    className: "hidden lg:table-cell",
    cell: (job) =>
      job.collaborationId ? (
        <span className="block max-w-56 break-words">
          <CollaborationName collaborationId={job.collaborationId} />
        </span>
      ) : (
        <NotRecorded label="No collaboration" />
      ),
  },
  {
    // One date: a job's creation and last change are the same moment until it moves on, so the
    // last change shows under the creation only when it differs.
    id: "created",
    header: "Created",
    sortField: "created",
    className: "hidden sm:table-cell whitespace-nowrap",
    cell: (job) => (
      <>
        <TimeCell date={job.createTime} />
        {changedAfterCreation(job) && (
          <span className="block text-xs text-slate-500">
            updated <TimeCell date={job.updateTime} />
          </span>
        )}
      </>
    ),
  },
  {
    id: "exports",
    header: "Exports",
    className: "hidden md:table-cell whitespace-nowrap",
    cell: (job) =>
      job.exports === undefined ? (
        <NotRecorded label="Not known" />
      ) : job.exports === 0 ? (
        <span className="text-slate-500">None</span>
      ) : (
        <span>
          {job.exports === 1 ? "1 export" : `${job.exports.toLocaleString("en-US")} exports`}
        </span>
      ),
  },
  {
    id: "startedBy",
    header: "Started by",
    className: "hidden lg:table-cell whitespace-nowrap",
    cell: (job) =>
      job.startedBy ? (
        <MemberName collaborationId={job.collaborationId} accountId={job.startedBy} />
      ) : (
        <NotRecorded label="Not recorded" />
      ),
  },
];
