"use client";

import dynamic from "next/dynamic";
import { useCallback, useMemo } from "react";

import { Skeleton } from "@/components/ui/skeleton";
import { sizeLabel } from "@/lib/format";
import {
  chartDescription,
  formatScore,
  sizeAxisLabel,
  sizeTypeOf,
  type RelevancePoint,
} from "@/lib/metrics";
import { SCORE_AXIS } from "@/lib/relevance";

import { sizeKey, useSizeSelection } from "./size-selection";

const CHART_HEIGHT = 280;
const SERIES = [{ key: "score", label: "Relevance score", color: "#4f46e5" }];
const formatY = (v: number) => formatScore(v);

// recharts loads here only, in its own chunk, after the page is interactive.
const LineChartView = dynamic(() => import("@/components/ui/chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-[280px] w-full" />,
});

/**
 * Relevance score against audience size: a point at each of the model's sizes
 * (a category axis), joined by straight segments, on the fixed 0–10 scale.
 * Pointing at a size highlights it in the table; clicking chooses it for
 * export. Sizes with an export carry a ring. The same facts are in the table.
 */
export function RelevanceChart({ points }: { points: RelevancePoint[] }) {
  const type = sizeTypeOf(points);
  const selection = useSizeSelection();
  const { highlight, choose, exported } = selection;
  // The chart's props stay the same objects while the points do: choosing or pointing at a size
  // redraws the points only, not the whole chart (its scales and axes are worked out again
  // for new data).
  const keys = useMemo(() => points.map(sizeKey), [points]);
  const data = useMemo(
    () => points.map((p) => ({ size: sizeLabel(p), score: p.score ?? null })),
    [points],
  );
  const highlightIndex = keys.indexOf(selection.highlighted ?? selection.chosen ?? "");
  const marked = useMemo(
    () => new Set(keys.flatMap((k, i) => (exported.has(k) ? [i] : []))),
    [keys, exported],
  );
  const onHoverRow = useCallback(
    (i: number | undefined) => highlight(i === undefined ? undefined : keys[i]),
    [highlight, keys],
  );
  const onClickRow = useCallback(
    (i: number) => {
      const key = keys[i];
      if (key) choose(key, "chart");
    },
    [choose, keys],
  );
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
          series={SERIES}
          formatY={formatY}
          {...SCORE_AXIS}
          height={CHART_HEIGHT}
          highlightIndex={highlightIndex >= 0 ? highlightIndex : undefined}
          markedIndexes={marked}
          onHoverRow={onHoverRow}
          onClickRow={onClickRow}
        />
      </div>
      {marked.size > 0 && (
        <p aria-hidden className="mt-1 text-xs text-slate-500">
          <span className="mr-1 inline-block size-2.5 rounded-full border-2 border-emerald-600 align-middle" />
          Ringed points: sizes already exported (their status is in the table).
        </p>
      )}
    </div>
  );
}
