import { formatRecall, formatScore } from "@/components/job-page/metrics";
import { StatusBadge } from "@/components/job-status/status-badge";
import { cn } from "@/components/ui/cn";
import { Link } from "@/components/ui/link";
import { sizeLabel } from "@/lib/format";
import { isInFlight } from "@/lib/job-status";
import { jobPath } from "@/lib/job-url";
import { VERDICT_LABEL } from "@/lib/relevance";

import { seedSource, type CompareRow } from "./compare-data";

const arnTail = (arn: string) => arn.split("/").pop() ?? arn;

/** The compared jobs side by side: name, status, model, seed, recall, verdict and the score at each size. */
export function CompareTable({ rows }: { rows: readonly CompareRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Compared jobs</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Job
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Model
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Seed source
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Recall
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Score per size
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.arn} data-job-arn={row.arn} className="align-top">
              <th scope="row" className="px-3 py-3 font-normal">
                <span className="flex items-start gap-2">
                  <span
                    aria-hidden
                    className="mt-1.5 inline-block h-1 w-4 shrink-0 rounded"
                    style={{ backgroundColor: row.points.length > 0 ? row.color : "#cbd5e1" }}
                  />
                  <Link
                    href={jobPath(row.arn)}
                    className="min-w-32 font-medium break-words text-indigo-700 hover:text-indigo-900 hover:underline"
                  >
                    {row.job.name}
                  </Link>
                </span>
              </th>
              <td className="px-3 py-3">
                <StatusBadge status={row.job.status} />
              </td>
              <td className="min-w-28 px-3 py-3 break-words text-slate-700">
                {row.model?.name ?? arnTail(row.job.configuredAudienceModelArn)}
              </td>
              <td className="max-w-56 min-w-32 px-3 py-3 text-xs break-all text-slate-700">
                {seedSource(row.job)}
              </td>
              <td className="px-3 py-3 whitespace-nowrap text-slate-900 tabular-nums">
                {row.recall === undefined ? (
                  <span className="text-slate-400">—</span>
                ) : (
                  formatRecall(row.recall)
                )}
                {row.verdict && (
                  <span
                    data-verdict={row.verdict}
                    className={cn(
                      "mt-1 block text-xs",
                      row.verdict === "strong" && "text-emerald-700",
                      row.verdict === "moderate" && "text-sky-700",
                      row.verdict === "random" && "text-amber-700",
                    )}
                  >
                    {VERDICT_LABEL[row.verdict]}
                  </span>
                )}
              </td>
              <td className="px-3 py-3">
                {row.points.length > 0 ? (
                  <dl className="grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5 text-xs tabular-nums">
                    {row.points.map((p) => (
                      <div key={p.value} className="contents">
                        <dt className="text-slate-500">{sizeLabel(p)}</dt>
                        <dd className="text-slate-900">{formatScore(p.score)}</dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <span className="text-xs text-slate-500">
                    {isInFlight(row.job.status) ? "Scores when it finishes" : "No scores"}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
