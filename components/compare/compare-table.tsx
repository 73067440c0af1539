"use client";

import { useQuery } from "@tanstack/react-query";

import { StatusBadge } from "@/components/job-status/status-badge";
import { cn } from "@/components/ui/cn";
import { Link } from "@/components/ui/link";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { sizeLabel } from "@/lib/format";
import { isInFlight } from "@/lib/job-status";
import { jobPath } from "@/lib/job-url";
import { formatRecall, formatScore } from "@/lib/metrics";
import { analysisTemplateQuery } from "@/lib/queries/collaborations";
import { VERDICT_LABEL } from "@/lib/relevance";

import { seedSource, type CompareRow } from "./compare-data";

const arnTail = (arn: string) => arn.split("/").pop() ?? arn;

/**
 * The compared jobs side by side: name, status, model, seed, recall, verdict
 * and the score at each size. A table from a tablet's width up; on a phone,
 * where six columns do not fit, one card per job with the same facts.
 */
export function CompareTable({ rows }: { rows: readonly CompareRow[] }) {
  return (
    <>
      <CompareGrid rows={rows} />
      <ul aria-label="Compared jobs" className="space-y-3 sm:hidden">
        {rows.map((row) => (
          <li
            key={row.arn}
            className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-xs"
          >
            <div className="flex items-start justify-between gap-3">
              <JobName row={row} />
              <StatusBadge status={row.job.status} />
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-500">Model</dt>
              <dd className="break-words text-slate-800">{modelName(row)}</dd>
              <dt className="text-slate-500">Seed</dt>
              <dd className="text-xs break-all text-slate-800">
                <Seed row={row} />
              </dd>
              <dt className="text-slate-500">Recall</dt>
              <dd className="text-slate-900">
                <Recall row={row} />
              </dd>
              <dt className="text-slate-500">Scores</dt>
              <dd>
                <Scores row={row} />
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The seed's source; for an analysis template, its name (read from the
 * collaboration, cached for minutes; its ID until then or when it cannot be
 * read) and the parameters the job gave it.
 */
function Seed({ row }: { row: CompareRow }) {
  const sql = row.job.seedAudience?.sqlParameters;
  const templateArn = sql?.analysisTemplateArn;
  const collaborationId = row.job.collaborationId;
  const template = useQuery({
    ...analysisTemplateQuery(collaborationId ?? "", templateArn ?? ""),
    enabled: Boolean(templateArn && collaborationId),
  });
  if (!templateArn) return <>{seedSource(row.job)}</>;
  const parameters = Object.entries(sql?.parameters ?? {});
  return (
    <span className="block break-normal">
      <span className="block">
        Template{" "}
        <span className="font-medium">
          {template.data?.name ?? seedSource(row.job).replace(/^Analysis template /, "")}
        </span>
      </span>
      {parameters.length > 0 && (
        <span className="block text-slate-600">
          {parameters.map(([name, value]) => `${name} = ${value}`).join(", ")}
        </span>
      )}
    </span>
  );
}

const modelName = (row: CompareRow) =>
  row.model?.name ?? arnTail(row.job.configuredAudienceModelArn);

function JobName({ row }: { row: CompareRow }) {
  return (
    <span className="flex items-start gap-2">
      <span
        aria-hidden
        className="mt-1.5 inline-block h-1 w-4 shrink-0 rounded"
        style={{ backgroundColor: row.points.length > 0 ? row.color : "#cbd5e1" }}
      />
      <Link
        href={jobPath(row.arn)}
        className="font-medium break-words text-indigo-700 hover:text-indigo-900 hover:underline"
      >
        {row.job.name}
      </Link>
    </span>
  );
}

function Recall({ row }: { row: CompareRow }) {
  return (
    <span className="tabular-nums">
      {row.recall === undefined ? (
        <span className="text-slate-400">—</span>
      ) : (
        formatRecall(row.recall)
      )}
      {row.verdict && (
        <span
          data-verdict={row.verdict}
          className={cn(
            "block text-xs",
            row.verdict === "strong" && "text-emerald-700",
            row.verdict === "moderate" && "text-sky-700",
            row.verdict === "random" && "text-amber-700",
          )}
        >
          {VERDICT_LABEL[row.verdict]}
        </span>
      )}
    </span>
  );
}

function Scores({ row }: { row: CompareRow }) {
  if (row.points.length === 0) {
    return (
      <span className="text-xs text-slate-500">
        {isInFlight(row.job.status) ? "Scores when it finishes" : "No scores"}
      </span>
    );
  }
  return (
    <dl className="grid grid-cols-[auto_auto] justify-start gap-x-3 gap-y-0.5 text-xs tabular-nums">
      {row.points.map((p) => (
        <div key={p.value} className="contents">
          <dt className="text-slate-500">{sizeLabel(p)}</dt>
          <dd className="text-slate-900">{formatScore(p.score)}</dd>
        </div>
      ))}
    </dl>
  );
}

function CompareGrid({ rows }: { rows: readonly CompareRow[] }) {
  return (
    <Table frameClassName="hidden sm:block">
      <TableCaption>Compared jobs</TableCaption>
      <TableHeader>
        <TableRow className="align-middle">
          <TableHead>Job</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Model</TableHead>
          <TableHead>Seed source</TableHead>
          <TableHead>Recall</TableHead>
          <TableHead>Score per size</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.arn} data-job-arn={row.arn}>
            <TableHead scope="row" className="min-w-40">
              <JobName row={row} />
            </TableHead>
            <TableCell>
              <StatusBadge status={row.job.status} />
            </TableCell>
            <TableCell className="min-w-28 break-words text-slate-700">{modelName(row)}</TableCell>
            <TableCell className="max-w-56 min-w-32 text-xs break-all text-slate-700">
              <Seed row={row} />
            </TableCell>
            <TableCell className="whitespace-nowrap text-slate-900">
              <Recall row={row} />
            </TableCell>
            <TableCell>
              <Scores row={row} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
