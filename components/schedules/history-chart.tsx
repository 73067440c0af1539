"use client";

import dynamic from "next/dynamic";

import { Skeleton } from "@/components/ui/skeleton";
import { SCORE_AXIS } from "@/lib/relevance";

const CHART_HEIGHT = 260;

// recharts loads here only, in its own chunk, after the page is interactive.
const LineChartView = dynamic(() => import("@/components/ui/chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-[260px] w-full" />,
});

export interface HistoryPoint {
  /** The run's due date, formatted. */
  label: string;
  score: number | null;
  /** Recall drawn on the same 0–10 axis: 40% is 4. */
  recall: number | null;
}

/**
 * How the audience moved across runs: the relevance score at the chosen size
 * and the recall, oldest run first, on the fixed 0–10 scale. The same facts
 * are in the table below it.
 */
export function HistoryChart({
  points,
  description,
}: {
  points: HistoryPoint[];
  description: string;
}) {
  return (
    <div role="img" aria-label={description} className="w-full" style={{ minHeight: CHART_HEIGHT }}>
      <div aria-hidden className="w-full">
        <LineChartView
          data={points.map((p) => ({ ...p }))}
          xKey="label"
          xLabel="Run (due time, UTC)"
          yLabel="0–10"
          series={[
            { key: "score", label: "Relevance score", color: "#4f46e5" },
            { key: "recall", label: "Recall ÷ 10 (4 = 40%)", color: "#059669" },
          ]}
          formatY={(v) => v.toFixed(2)}
          {...SCORE_AXIS}
          height={CHART_HEIGHT}
        />
      </div>
    </div>
  );
}
