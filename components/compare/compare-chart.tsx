"use client";

import dynamic from "next/dynamic";

import { Skeleton } from "@/components/ui/skeleton";
import { chartDescription, formatScore, sizeAxisLabel } from "@/lib/metrics";
import { SCORE_AXIS } from "@/lib/relevance";

import type { ComparePanel } from "./compare-data";

const CHART_HEIGHT = 300;

// recharts loads here (and on the job page) only, in its own chunk, after the page is interactive.
const LineChartView = dynamic(() => import("@/components/ui/chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-[300px] w-full" />,
});

/**
 * One size kind's jobs on one chart: a line per job on the fixed 0–10 scale,
 * points at the sizes only, with a key of job names. The same numbers are in
 * the table below.
 */
export function CompareChart({ panel }: { panel: ComparePanel }) {
  const description = panel.rows
    .map(
      (row) => `${row.job.name}: ${chartDescription(row.points).split(". ").slice(1).join(". ")}`,
    )
    .join(" ");
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium text-slate-800">
        {panel.type === "PERCENTAGE" ? "Sizes as a share of users" : "Sizes in users"}
      </figcaption>
      <div
        role="img"
        aria-label={`Line chart of relevance score by audience size, one line per job, on a scale of 0 to 10. ${description}`}
        style={{ minHeight: CHART_HEIGHT }}
      >
        <div aria-hidden className="w-full">
          <LineChartView
            data={panel.data}
            xKey="size"
            xLabel={sizeAxisLabel(panel.type)}
            yLabel="Relevance score"
            series={panel.series}
            formatY={(v) => formatScore(v)}
            {...SCORE_AXIS}
            height={CHART_HEIGHT}
          />
        </div>
      </div>
      <ul aria-hidden className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {panel.series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span className="inline-block h-1 w-4 rounded" style={{ backgroundColor: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
