"use client";

/**
 * The one recharts wrapper: a feature chart declares its series, labels and
 * colours, and this file draws them. recharts is heavy, so load this module
 * only where a chart is drawn, through `next/dynamic` (with `ssr: false` and a
 * skeleton of the same height): it then lands in that page's lazy chunk and in
 * no other page's bundle.
 *
 * The chart itself is hidden from assistive technology: the feature wraps it
 * in `role="img"` with an aria-label and shows the same numbers in a table.
 */
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

interface ChartSeries {
  /** Key of the value in each data row. */
  key: string;
  label: string;
  /** Any CSS colour. */
  color: string;
}

type ChartRow = Record<string, string | number | null | undefined>;

interface LineChartViewProps {
  data: ChartRow[];
  /** Key of the category label (already formatted) in each row, drawn in order along the x axis. */
  xKey: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  /** Values in the tooltip. */
  formatY?: (value: number) => string;
  /** Tick labels on the y axis; defaults to `formatY`. */
  formatYTick?: (value: number) => string;
  yDomain?: [number | "auto" | "dataMin" | "dataMax", number | "auto" | "dataMin" | "dataMax"];
  height?: number;
}

const AXIS_TICK = { fill: "#475569", fontSize: 12 };

export default function LineChartView({
  data,
  xKey,
  xLabel,
  yLabel,
  series,
  formatY = (v) => String(v),
  formatYTick = formatY,
  yDomain = [0, "auto"],
  height = 280,
}: LineChartViewProps) {
  return (
    <LineChart
      responsive
      accessibilityLayer={false}
      data={data}
      margin={{ top: 12, right: 16, bottom: 28, left: 20 }}
      style={{ width: "100%", height }}
    >
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis
        dataKey={xKey}
        type="category"
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={{ stroke: "#cbd5e1" }}
        interval="preserveStartEnd"
        label={{
          value: xLabel,
          position: "insideBottom",
          offset: -18,
          fill: "#334155",
          fontSize: 12,
        }}
      />
      <YAxis
        domain={yDomain}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={false}
        tickFormatter={(v: number) => formatYTick(v)}
        width={40}
        label={{
          value: yLabel,
          angle: -90,
          position: "left",
          offset: 6,
          fill: "#334155",
          fontSize: 12,
          style: { textAnchor: "middle" },
        }}
      />
      <Tooltip
        cursor={{ stroke: "#94a3b8", strokeDasharray: "3 3" }}
        content={({ active, payload, label }) =>
          active && payload && payload.length > 0 ? (
            <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
              <p className="font-medium text-slate-900">
                {xLabel}: {String(label)}
              </p>
              {payload.map((item) => (
                <p key={String(item.dataKey)} className="text-slate-700">
                  {item.name}: {typeof item.value === "number" ? formatY(item.value) : "—"}
                </p>
              ))}
            </div>
          ) : null
        }
      />
      {series.map((s) => (
        <Line
          key={s.key}
          type="monotone"
          dataKey={s.key}
          name={s.label}
          stroke={s.color}
          strokeWidth={2.5}
          dot={{ r: 4, fill: s.color, strokeWidth: 0 }}
          activeDot={{ r: 6 }}
          connectNulls
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
