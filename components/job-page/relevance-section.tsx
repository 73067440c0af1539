"use client";

import { ExportStatusBadge } from "@/components/job-status/status-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
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
import type { AudienceGenerationJobStatus, AudienceSizeType } from "@/lib/cleanrooms-ml";
import { formatAudienceSize, sizeLabel } from "@/lib/format";
import {
  formatRecall,
  formatScore,
  largestShare,
  noMetricsReason,
  relevancePoints,
  sizeAxisLabel,
  sizeTypeOf,
  type MetricsLike,
  type RelevancePoint,
} from "@/lib/metrics";
import {
  jobAdvice,
  suggestionRule,
  VERDICT_LABEL,
  verdictRule,
  type Advice,
  type Suggestion,
  type Verdict,
} from "@/lib/relevance";

import { RelevanceChart } from "./relevance-chart";
import { sizeKey, useSizeChoice, useSizeSelection } from "./size-selection";

/**
 * "Relevance by audience size": the chart, the same numbers in a table, and
 * recall with what it means, the verdict and a suggested size. Without
 * metrics it says why, never an empty chart. The chart, the table and the
 * export form share one size selection (`size-selection.tsx`).
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
        /** False for a partner's model, whose facts its owner keeps (lib/reads/models.ts). */
        readable?: boolean;
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
  const advice = jobAdvice(metrics?.recallMetric, points, bins);

  return (
    <Card
      title="Relevance by audience size"
      description="How much each audience size looks like your seed. Scores run from 0 to 10 on every job and fall as the audience grows: pick the largest size whose score is still good enough for your campaign. Choose a size in the chart or the table to export it."
    >
      <div className="space-y-5">
        {reason ? (
          <div className="rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-6 text-center">
            <p className="font-medium text-slate-800">{reason.title}</p>
            <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600">{reason.detail}</p>
          </div>
        ) : (
          <>
            <Quality
              recall={metrics?.recallMetric}
              share={largestShare(points, bins)}
              judged={advice.verdict}
            />
            <RelevanceChart points={points} />
            <SuggestedSize advice={advice} />
            <RelevanceTable points={points} suggested={advice.suggestion} />
          </>
        )}
      </div>
    </Card>
  );
}

const VERDICT_TONE: Record<Verdict, string> = {
  strong: "border-emerald-200 bg-emerald-50 text-emerald-900",
  moderate: "border-sky-200 bg-sky-50 text-sky-900",
  random: "border-amber-300 bg-amber-50 text-amber-900",
};

/**
 * Recall, the "no better than random" reference where it can be known, and
 * the verdict, worded the same for both kinds of size.
 */
function Quality({
  recall,
  share,
  judged,
}: {
  recall: number | undefined;
  share: number | undefined;
  judged: Advice["verdict"];
}) {
  const shareText = share === undefined ? undefined : formatRecall(share);
  return (
    <div className="space-y-3">
      {judged && (
        <p
          className={cn("rounded-md border px-4 py-3 text-sm", VERDICT_TONE[judged.verdict])}
          data-verdict={judged.verdict}
        >
          <span className="font-semibold">Verdict: {VERDICT_LABEL[judged.verdict]}.</span>{" "}
          {judged.basis === "recall"
            ? "Judged on recall against the random level."
            : "Judged on the best relevance score, since the random level is unknown for these sizes."}{" "}
          <span className="text-xs opacity-80">{verdictRule(judged.basis)}</span>
        </p>
      )}
      {recall !== undefined && (
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
          <div className="min-w-0 flex-1 space-y-1.5 text-sm text-slate-700">
            <p>
              Of the users in a sample of the model&apos;s training data that are most like your
              seed (by default the top 20%), this is the share the job found. Higher is better.
            </p>
            {share !== undefined ? (
              <>
                <RecallMeter recall={recall} random={share} />
                <p>
                  A recall close to the share of users in the largest audience size (here{" "}
                  {shareText}) means the model did no better than picking users at random.
                  {judged?.verdict === "random"
                    ? ` This recall is close to ${shareText}: the audience is about as good as a random pick.`
                    : ` This recall is above ${shareText}: better than random.`}
                </p>
              </>
            ) : (
              <p>
                A recall close to the share of all users that the largest audience size covers would
                mean no better than picking users at random. The service does not report how many
                users the model knows, so for sizes given in users that random level cannot be
                computed here.
              </p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

/** Recall as a bar from 0 to 100%, with the random level marked on it. */
function RecallMeter({ recall, random }: { recall: number; random: number }) {
  const pct = (n: number) => `${Math.min(100, Math.max(0, n * 100))}%`;
  return (
    <div aria-hidden className="relative mt-1 mb-5 h-3 rounded-full bg-slate-200">
      <div className="h-3 rounded-full bg-indigo-600" style={{ width: pct(recall) }} />
      <div
        className="absolute -top-1 h-5 border-l-2 border-dashed border-amber-600"
        style={{ left: pct(random) }}
      />
      <span
        className="absolute top-4 -translate-x-1/2 text-xs whitespace-nowrap text-amber-800"
        style={{ left: pct(random) }}
      >
        random {formatRecall(random)}
      </span>
    </div>
  );
}

/**
 * The suggested size and its rule, with a button to choose it; never chosen
 * for the user. When the verdict withholds a suggestion, why and what to try.
 */
function SuggestedSize({ advice }: { advice: Advice }) {
  const selection = useSizeChoice();
  const { suggestion, withheld } = advice;
  if (withheld)
    return (
      <p className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-800">
        {withheld}
      </p>
    );
  if (!suggestion) return null;
  const key = sizeKey(suggestion.size);
  return (
    <div className="flex flex-col gap-2 rounded-md border border-indigo-100 bg-indigo-50/60 px-4 py-3 text-sm text-slate-800 sm:flex-row sm:items-center sm:justify-between">
      <p>
        <span className="font-medium">Suggested: {formatAudienceSize(suggestion.size)}</span> (score{" "}
        {formatScore(suggestion.size.score)}), {suggestionRule()} ({formatScore(suggestion.best)}).
        A suggestion only: nothing is chosen until you choose.
      </p>
      <Button
        variant="secondary"
        className="shrink-0"
        onClick={() => selection.choose(key, "table")}
        aria-label={`Use suggested size, ${formatAudienceSize(suggestion.size)}, for export`}
      >
        Use suggested size
      </Button>
    </div>
  );
}

/** The relevance table's cells sit on the card's edge, with room between columns. */
const CELL = "py-2 pr-2 pl-0 sm:pr-4";
const LAST_CELL = "px-0 py-2";

/** The chart's facts as a table: each size's score, whether it is suggested or exported, and a way to choose it. */
function RelevanceTable({
  points,
  suggested,
}: {
  points: RelevancePoint[];
  suggested: Suggestion | undefined;
}) {
  const type = sizeTypeOf(points);
  const selection = useSizeSelection();
  const suggestedKey = suggested ? sizeKey(suggested.size) : undefined;
  return (
    <Table variant="plain" onMouseLeave={() => selection.highlight(undefined)}>
      <TableCaption className="not-sr-only pb-2 text-left text-xs text-slate-500">
        Relevance score for each audience size, smallest first (
        {type === "PERCENTAGE" ? "percent of users" : "number of users"}), on a scale of 0 to 10
      </TableCaption>
      <TableHeader className="bg-transparent text-sm">
        <TableRow className="align-middle">
          <TableHead className={CELL}>{sizeAxisLabel(type)}</TableHead>
          <TableHead className={CELL}>Relevance score</TableHead>
          <TableHead className={CELL}>Export</TableHead>
          <TableHead className={LAST_CELL}>
            <span className="sr-only">Choose</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {points.map((p) => {
          const key = sizeKey(p);
          const status = selection.exported.get(key);
          const active = selection.highlighted === key || selection.chosen === key;
          return (
            <TableRow
              key={key}
              data-size={key}
              data-chosen={selection.chosen === key || undefined}
              data-highlighted={active || undefined}
              onClick={() => selection.choose(key, "table")}
              onMouseEnter={() => selection.highlight(key)}
              onFocus={() => selection.highlight(key)}
              onBlur={() => selection.highlight(undefined)}
              className={cn(
                "cursor-pointer align-middle",
                active && "bg-indigo-50",
                selection.chosen === key && "font-medium",
              )}
            >
              <TableHead scope="row" className={cn(CELL, "text-slate-800 tabular-nums")}>
                {sizeLabel(p)}
              </TableHead>
              <TableCell className={cn(CELL, "text-slate-900 tabular-nums")}>
                {formatScore(p.score)}
                {key === suggestedKey && (
                  <span className="ml-2 rounded bg-indigo-100 px-1.5 py-0.5 text-xs text-indigo-800">
                    Suggested
                  </span>
                )}
              </TableCell>
              <TableCell className={CELL}>
                {status ? (
                  <ExportStatusBadge status={status} />
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </TableCell>
              <TableCell className={cn(LAST_CELL, "text-right")}>
                <button
                  type="button"
                  className="rounded px-1 py-1 text-xs font-medium whitespace-nowrap text-indigo-700 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-600 sm:px-2"
                  onClick={(event) => {
                    event.stopPropagation();
                    selection.choose(key, "table");
                  }}
                  aria-label={`Export ${formatAudienceSize(p)}`}
                >
                  {selection.chosen === key ? "Chosen" : "Export…"}
                </button>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
