"use client";

import type { AudienceGenerationJobStatus, AudienceSizeType } from "@/lib/cleanrooms-ml";

import {
  formatRecall,
  formatScore,
  largestShare,
  noMetricsReason,
  recallVerdict,
  relevancePoints,
  sizeAxisLabel,
  sizeTypeOf,
  type RelevancePoint,
} from "./metrics";
import { sizeLabel } from "@/lib/format";
import { Panel } from "./panel";
import { RelevanceChart } from "./relevance-chart";

interface MetricsLike {
  relevanceMetrics: { audienceSize: { type: AudienceSizeType; value: number }; score?: number }[];
  recallMetric?: number;
}

/**
 * "Relevance by audience size": the chart, the same numbers in a table, and
 * recall with what it means. Without metrics it says why, never an empty chart.
 */
export function RelevanceSection({
  status,
  metrics,
  model,
}: {
  status: AudienceGenerationJobStatus;
  metrics: MetricsLike | undefined;
  model:
    | {
        sharedAudienceMetrics?: string[];
        audienceSizeConfig?: { audienceSizeType: AudienceSizeType; audienceSizeBins: number[] };
      }
    | undefined;
}) {
  const points = relevancePoints(metrics);
  const reason = noMetricsReason(status, points.length > 0, model);
  const bins = model?.audienceSizeConfig
    ? {
        type: model.audienceSizeConfig.audienceSizeType,
        values: model.audienceSizeConfig.audienceSizeBins,
      }
    : undefined;

  return (
    <Panel
      title="Relevance by audience size"
      description="How much each audience size looks like your seed. Scores fall as the audience grows: pick the largest size whose score is still good enough for your campaign. Compare scores within this job only."
    >
      <div className="space-y-5">
        {reason ? (
          <div className="rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-6 text-center">
            <p className="font-medium text-slate-800">{reason.title}</p>
            <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600">{reason.detail}</p>
          </div>
        ) : (
          <>
            {metrics?.recallMetric !== undefined && (
              <Recall
                recall={metrics.recallMetric}
                share={largestShare(points, bins)}
                largest={points.at(-1)}
              />
            )}
            <RelevanceChart points={points} />
            <RelevanceTable points={points} />
          </>
        )}
      </div>
    </Panel>
  );
}

function Recall({
  recall,
  share,
  largest,
}: {
  recall: number;
  share: number | undefined;
  largest: RelevancePoint | undefined;
}) {
  const verdict = recallVerdict(recall, share);
  const shareText = share === undefined ? undefined : formatRecall(share);
  return (
    <div className="flex flex-col gap-3 rounded-md bg-slate-50 p-4 sm:flex-row sm:items-start sm:gap-6">
      <dl className="shrink-0">
        <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">Recall</dt>
        <dd className="text-3xl font-semibold text-slate-900 tabular-nums">
          {formatRecall(recall)}
          <span className="ml-2 align-middle text-sm font-normal text-slate-500">
            ({recall.toFixed(2)})
          </span>
        </dd>
      </dl>
      <div className="space-y-1.5 text-sm text-slate-700">
        <p>
          Of the users in a sample of the model&apos;s training data that are most like your seed
          (by default the top 20%), this is the share the job found. Higher is better.
        </p>
        <p>
          A recall close to the share of users in the largest audience size
          {shareText
            ? ` (here ${shareText})`
            : largest
              ? ` (here the share that ${sizeLabel(largest)} users make of all the users the model knows)`
              : ""}{" "}
          means the model did no better than picking users at random.
        </p>
        {verdict === "random" && (
          <p className="font-medium text-amber-800">
            This recall is close to {shareText}: the audience is about as good as a random pick.
            Consider a more specific seed.
          </p>
        )}
        {verdict === "better" && (
          <p className="font-medium text-emerald-800">
            This recall is well above {shareText}: better than random.
          </p>
        )}
      </div>
    </div>
  );
}

function RelevanceTable({ points }: { points: RelevancePoint[] }) {
  const type = sizeTypeOf(points);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="pb-2 text-left text-xs text-slate-500">
          Relevance score for each audience size, smallest first (
          {type === "PERCENTAGE" ? "percent of users" : "number of users"})
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-2 pr-4 font-medium">
              {sizeAxisLabel(type)}
            </th>
            <th scope="col" className="py-2 font-medium">
              Relevance score
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={`${p.type}-${p.value}`} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-2 pr-4 font-normal text-slate-800 tabular-nums">
                {sizeLabel(p)}
              </th>
              <td className="py-2 text-slate-900 tabular-nums">{formatScore(p.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
