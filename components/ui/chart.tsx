"use client";

/**
 * The one chart wrapper: a feature chart declares its series, labels and
 * colours, and this file draws them, as plain SVG. It was recharts, 114 KiB
 * compressed on the job page for one line chart (README, "Page weight"); what
 * the pages draw (category x axis, fixed or automatic y scale, straight lines
 * through each row's value, a tooltip, rows pointed at and clicked) is the
 * little below. Load it where a chart is drawn through `next/dynamic` (with
 * `ssr: false` and a skeleton of the same height), as `relevance-chart.tsx`
 * does: it needs the width it is drawn at, and stays in that page's chunk.
 *
 * The chart itself is hidden from assistive technology: the feature wraps it
 * in `role="img"` with an aria-label and shows the same numbers in a table.
 * Specs find its parts by `data-chart`, `data-chart-tick`, `data-chart-point`
 * and `data-chart-tooltip`.
 */
import { useLayoutEffect, useRef, useState, type MouseEvent } from "react";

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

const AXIS_TEXT = { fill: "#475569", fontSize: 12 };
const LABEL_TEXT = { fill: "#334155", fontSize: 12 };
const MARGIN = { top: 12, right: 16, bottom: 28, left: 20 };
const Y_AXIS_WIDTH = 40;
const X_AXIS_HEIGHT = 30;

type Bound = number | "auto" | "dataMin" | "dataMax";

function bounds(values: number[], [lo, hi]: [Bound, Bound]): [number, number] {
  const min = values.length > 0 ? Math.min(...values) : 0;
  const max = values.length > 0 ? Math.max(...values) : 1;
  const low = typeof lo === "number" ? lo : min;
  const high = typeof hi === "number" ? hi : max;
  return high > low ? [low, high] : [low, low + 1];
}

const firstValue = (row: ChartRow, series: ChartSeries[]) =>
  series.map((s) => row[s.key]).find((v): v is number => typeof v === "number");

/** The width the chart is drawn at: its container's, followed as it resizes. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    // Not in every environment (jsdom): the width read above then stays.
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export default function LineChartView({
  data,
  xKey,
  xLabel,
  yLabel,
  series,
  formatY = (v) => String(v),
  formatYTick = formatY,
  yDomain = [0, "auto"],
  yTicks,
  height = 280,
  highlightIndex,
  markedIndexes,
  onHoverRow,
  onClickRow,
}: LineChartViewProps) {
  const [ref, width] = useWidth();
  const [hovered, setHovered] = useState<number | undefined>(undefined);

  const values = data.flatMap((row) =>
    series.flatMap((s) => (typeof row[s.key] === "number" ? [row[s.key] as number] : [])),
  );
  const [yMin, yMax] = bounds(values, yDomain);
  const ticks = yTicks ?? [0, 1, 2, 3, 4].map((i) => yMin + ((yMax - yMin) * i) / 4);
  const left = MARGIN.left + Y_AXIS_WIDTH;
  const right = Math.max(left + 1, width - MARGIN.right);
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom - X_AXIS_HEIGHT;
  const band = (right - left) / Math.max(1, data.length);
  const xOf = (i: number) => left + band * (i + 0.5);
  const yOf = (v: number) =>
    bottom - ((Math.min(yMax, Math.max(yMin, v)) - yMin) / (yMax - yMin)) * (bottom - top);
  // Every category's label when they fit, else every n-th one, always the first and the last.
  const widest = Math.max(1, ...data.map((row) => String(row[xKey] ?? "").length)) * 7 + 8;
  const every = Math.max(1, Math.ceil(widest / band));
  const showTick = (i: number) => i % every === 0 || i === data.length - 1;

  const indexAt = (event: MouseEvent<SVGSVGElement>) => {
    const x = event.clientX - event.currentTarget.getBoundingClientRect().left;
    const index = Math.floor((x - left) / band);
    return index >= 0 && index < data.length ? index : undefined;
  };
  const hover = (index: number | undefined) => {
    if (index === hovered) return;
    setHovered(index);
    onHoverRow?.(index);
  };

  const tipRow = hovered === undefined ? undefined : data[hovered];
  return (
    <div ref={ref} data-chart="" className="relative w-full" style={{ height }}>
      {width > 0 && (
        <svg
          width={width}
          height={height}
          className="block"
          style={{ cursor: onClickRow ? "pointer" : undefined }}
          onPointerMove={(event) => hover(indexAt(event))}
          onPointerLeave={() => hover(undefined)}
          onClick={
            onClickRow
              ? (event) => {
                  const index = indexAt(event);
                  if (index !== undefined) onClickRow(index);
                }
              : undefined
          }
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={left} x2={right} y1={yOf(tick)} y2={yOf(tick)} stroke="#e2e8f0" />
              <text
                data-chart-tick=""
                x={left - 8}
                y={yOf(tick)}
                textAnchor="end"
                dominantBaseline="middle"
                {...AXIS_TEXT}
              >
                {formatYTick(tick)}
              </text>
            </g>
          ))}
          <line x1={left} x2={right} y1={bottom} y2={bottom} stroke="#cbd5e1" />
          {data.map((row, i) =>
            showTick(i) ? (
              <text
                key={i}
                data-chart-tick=""
                x={xOf(i)}
                y={bottom + 16}
                textAnchor="middle"
                {...AXIS_TEXT}
              >
                {String(row[xKey] ?? "")}
              </text>
            ) : null,
          )}
          <text x={(left + right) / 2} y={height - 4} textAnchor="middle" {...LABEL_TEXT}>
            {xLabel}
          </text>
          <text
            x={MARGIN.left - 6}
            y={(top + bottom) / 2}
            textAnchor="middle"
            transform={`rotate(-90 ${MARGIN.left - 6} ${(top + bottom) / 2})`}
            {...LABEL_TEXT}
          >
            {yLabel}
          </text>
          {hovered !== undefined && (
            <line
              x1={xOf(hovered)}
              x2={xOf(hovered)}
              y1={top}
              y2={bottom}
              stroke="#94a3b8"
              strokeDasharray="3 3"
            />
          )}
          {series.map((s) => {
            const points = data.flatMap((row, i) =>
              typeof row[s.key] === "number"
                ? [{ i, x: xOf(i), y: yOf(row[s.key] as number) }]
                : [],
            );
            return (
              <g key={s.key}>
                {/* Straight segments: the values exist at the rows only, nothing between them. */}
                <polyline
                  points={points.map((p) => `${p.x},${p.y}`).join(" ")}
                  fill="none"
                  stroke={s.color}
                  strokeWidth={2.5}
                />
                {points.map(({ i, x, y }) => {
                  const highlighted = i === highlightIndex;
                  const marked = markedIndexes?.has(i) ?? false;
                  return (
                    <g
                      key={i}
                      data-chart-point={i}
                      data-highlighted={highlighted || undefined}
                      data-marked={marked || undefined}
                      onClick={
                        onClickRow
                          ? (event) => {
                              // The point itself is the surest target.
                              event.stopPropagation();
                              onClickRow(i);
                            }
                          : undefined
                      }
                    >
                      {marked && (
                        <circle
                          cx={x}
                          cy={y}
                          r={highlighted ? 11 : 9}
                          fill="none"
                          stroke="#059669"
                          strokeWidth={2.5}
                        />
                      )}
                      {highlighted && <circle cx={x} cy={y} r={9} fill={s.color} opacity={0.2} />}
                      <circle
                        cx={x}
                        cy={y}
                        r={highlighted ? 6.5 : 4.5}
                        fill={s.color}
                        stroke="#fff"
                        strokeWidth={1.5}
                      />
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      )}
      {tipRow && hovered !== undefined && (
        <div
          data-chart-tooltip=""
          className="pointer-events-none absolute rounded-md border border-slate-200 bg-white px-3 py-2 text-xs whitespace-nowrap shadow-md"
          style={{
            // Beside the hovered column, in the half of the plot its first value is not in.
            top:
              yOf(firstValue(tipRow, series) ?? yMax) < (top + bottom) / 2
                ? (top + bottom) / 2
                : top + 8,
            ...(xOf(hovered) > width / 2
              ? { right: width - xOf(hovered) + 12 }
              : { left: xOf(hovered) + 12 }),
          }}
        >
          <p className="font-medium text-slate-900">
            {xLabel}: {String(tipRow[xKey] ?? "")}
          </p>
          {series.map((s) => {
            const value = tipRow[s.key];
            return (
              <p key={s.key} className="text-slate-700">
                {s.label}: {typeof value === "number" ? formatY(value) : "—"}
              </p>
            );
          })}
        </div>
      )}
    </div>
  );
}
