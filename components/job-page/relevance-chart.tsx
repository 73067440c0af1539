"use client";

import dynamic from "next/dynamic";

import { Skeleton } from "@/components/ui/skeleton";

import {
  chartDescription,
  formatScore,
  sizeAxisLabel,
  sizeTypeOf,
  type RelevancePoint,
} from "./metrics";
import { sizeLabel } from "@/lib/format";

const CHART_HEIGHT = 280;

// recharts loads here only, in its own chunk, after the page is interactive.
const LineChartView = dynamic(() => import("@/components/ui/chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-[280px] w-full" />,
});

/** Relevance score against audience size, sizes in order. The same numbers are in the table beside it. */
export function RelevanceChart({ points }: { points: RelevancePoint[] }) {
  const type = sizeTypeOf(points);
  const data = points.map((p) => ({ size: sizeLabel(p), score: p.score ?? null }));
  return (
    <div
      role="img"
      aria-label={chartDescription(points)}
      className="w-full"
      style={{ minHeight: CHART_HEIGHT }}
    >
      <div aria-hidden className="w-full">
        <LineChartView
          data={data}
          xKey="size"
          xLabel={sizeAxisLabel(type)}
          yLabel="Relevance score"
          series={[{ key: "score", label: "Relevance score", color: "#4f46e5" }]}
          formatY={(v) => formatScore(v)}
          formatYTick={(v) => String(Number(v.toFixed(2)))}
          height={CHART_HEIGHT}
        />
      </div>
    </div>
  );
}
