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
import { createContext, memo, useContext, useMemo, useRef } from "react";
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
  /** Fixed y ticks, so charts of different data read on one scale. */
  yTicks?: number[];
  height?: number;
  /** The row drawn emphasised (a larger point with a ring), e.g. the one hovered in a table beside it. */
  highlightIndex?: number;
  /** Rows drawn with a marker ring, e.g. sizes already exported. */
  markedIndexes?: ReadonlySet<number>;
  /** The pointer moved over a row's column, or left the chart (undefined). */
  onHoverRow?: (index: number | undefined) => void;
  /** A row's column was clicked. */
  onClickRow?: (index: number) => void;
}

const indexOf = (state: { activeTooltipIndex?: unknown } | undefined): number | undefined => {
  const raw = state?.activeTooltipIndex;
  const index = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : NaN;
  return Number.isInteger(index) ? index : undefined;
};

const AXIS_TICK = { fill: "#475569", fontSize: 12 };
const MARGIN = { top: 12, right: 16, bottom: 28, left: 20 };
const X_AXIS_LINE = { stroke: "#cbd5e1" };
const TOOLTIP_CURSOR = { stroke: "#94a3b8", strokeDasharray: "3 3" };
const ACTIVE_DOT = { r: 6 };
const DEFAULT_Y_DOMAIN: LineChartViewProps["yDomain"] = [0, "auto"];
const plain = (v: number) => String(v);

/** What the points show besides their place, read by each point (`ChartPoint`). */
interface PointMarks {
  highlightIndex?: number;
  markedIndexes?: ReadonlySet<number>;
}
const PointMarksContext = createContext<PointMarks>({});

/**
 * One row's point: larger with a halo when highlighted, ringed when marked.
 * It reads those from `PointMarksContext`, so pointing at another row redraws
 * the points alone, not the chart (recharts works out its scales and axes
 * again whenever it renders).
 */
function ChartPoint({
  cx,
  cy,
  index,
  color,
  onClickRow,
}: {
  cx: number;
  cy: number;
  index: number;
  color: string;
  onClickRow?: (index: number) => void;
}) {
  const { highlightIndex, markedIndexes } = useContext(PointMarksContext);
  const highlighted = index === highlightIndex;
  const marked = markedIndexes?.has(index) ?? false;
  return (
    <g
      data-chart-point={index}
      data-highlighted={highlighted || undefined}
      data-marked={marked || undefined}
      onClick={
        onClickRow
          ? (event) => {
              // The point itself is the surest target: the chart's own state lags the pointer.
              event.stopPropagation();
              onClickRow(index);
            }
          : undefined
      }
    >
      {marked && (
        <circle
          cx={cx}
          cy={cy}
          r={highlighted ? 11 : 9}
          fill="none"
          stroke="#059669"
          strokeWidth={2.5}
        />
      )}
      {highlighted && <circle cx={cx} cy={cy} r={9} fill={color} opacity={0.2} />}
      <circle
        cx={cx}
        cy={cy}
        r={highlighted ? 6.5 : 4.5}
        fill={color}
        stroke="#fff"
        strokeWidth={1.5}
      />
    </g>
  );
}

export default function LineChartView({
  highlightIndex,
  markedIndexes,
  ...chart
}: LineChartViewProps) {
  const marks = useMemo(() => ({ highlightIndex, markedIndexes }), [highlightIndex, markedIndexes]);
  return (
    <PointMarksContext.Provider value={marks}>
      <Chart {...chart} />
    </PointMarksContext.Provider>
  );
}

/**
 * The chart without its points' marks. Memoized, and each object it gives
 * recharts is the same while its props are, so a feature that passes stable
 * props (the same `data` while the rows are) does not make recharts work
 * its scales and axes out again.
 */
const Chart = memo(function Chart({
  data,
  xKey,
  xLabel,
  yLabel,
  series,
  formatY = plain,
  formatYTick = formatY,
  yDomain = DEFAULT_Y_DOMAIN,
  yTicks,
  height = 280,
  onHoverRow,
  onClickRow,
}: Omit<LineChartViewProps, "highlightIndex" | "markedIndexes">) {
  const hovered = useRef<number | undefined>(undefined);
  const style = useMemo(
    () => ({ width: "100%", height, cursor: onClickRow ? "pointer" : undefined }),
    [height, onClickRow],
  );
  const xAxisLabel = useMemo(
    () => ({
      value: xLabel,
      position: "insideBottom" as const,
      offset: -18,
      fill: "#334155",
      fontSize: 12,
    }),
    [xLabel],
  );
  const yAxisLabel = useMemo(
    () => ({
      value: yLabel,
      angle: -90,
      position: "left" as const,
      offset: 6,
      fill: "#334155",
      fontSize: 12,
      style: { textAnchor: "middle" as const },
    }),
    [yLabel],
  );
  return (
    <LineChart
      responsive
      accessibilityLayer={false}
      data={data}
      margin={MARGIN}
      style={style}
      onMouseMove={(state) => {
        hovered.current = indexOf(state);
        onHoverRow?.(hovered.current);
      }}
      onMouseLeave={() => {
        hovered.current = undefined;
        onHoverRow?.(undefined);
      }}
      onClick={
        onClickRow
          ? (state) => {
              // A click's own state may not carry the hovered column; the last pointer move does.
              const index = indexOf(state) ?? hovered.current;
              if (index !== undefined) onClickRow(index);
            }
          : undefined
      }
    >
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis
        dataKey={xKey}
        type="category"
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={X_AXIS_LINE}
        interval="preserveStartEnd"
        label={xAxisLabel}
      />
      <YAxis
        domain={yDomain}
        ticks={yTicks}
        allowDataOverflow={yTicks !== undefined}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={false}
        tickFormatter={formatYTick}
        width={40}
        label={yAxisLabel}
      />
      <Tooltip
        cursor={TOOLTIP_CURSOR}
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
          // Straight segments: the values exist at the rows only, nothing between them.
          type="linear"
          dataKey={s.key}
          name={s.label}
          stroke={s.color}
          strokeWidth={2.5}
          dot={(props: { cx?: number; cy?: number; index?: number }) => {
            const { cx, cy, index = -1 } = props;
            const key = `dot-${s.key}-${index}`;
            if (cx === undefined || cy === undefined) return <g key={key} />;
            return (
              <ChartPoint
                key={key}
                cx={cx}
                cy={cy}
                index={index}
                color={s.color}
                onClickRow={onClickRow}
              />
            );
          }}
          activeDot={ACTIVE_DOT}
          connectNulls
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
});
