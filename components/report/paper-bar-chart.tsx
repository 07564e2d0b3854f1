"use client";

import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";

export type PaperSeries = { key: string; name: string; fill: string; stroke: string };
export type PaperRow = { key: string; label: string } & Record<string, number | string>;

export type PaperBarChartProps = {
  rows: PaperRow[];
  series: PaperSeries[];
  /** What the picture says, for screen readers (the numbers are in the table beside it). */
  ariaLabel: string;
  legendLabel: string;
  /** "row": horizontal bars, categories down the side; "column": vertical bars. */
  direction: "row" | "column";
  /** "percent": values are rates 0..1; "count": whole numbers. (A string: this is drawn from a server component.) */
  format: "percent" | "count";
  maxValue?: number;
  /** Stack the series into one bar (row direction). */
  stacked?: boolean;
};

const TEXT = { fontSize: 12, fill: "#0f172a" };

/**
 * A bar chart for paper: drawn once at a fixed size (no animation, no tooltip, no resize
 * observer) and scaled to the width of the page by its viewBox, so printing never catches it
 * mid-animation nor wider than the sheet. Every bar carries its number in text; the legend names
 * the series in words, and the fills differ in lightness and outline so black-and-white prints
 * still tell them apart. Two drawings: a narrow one for phones, a wide one for screens and paper.
 */
export function PaperBarChart(props: PaperBarChartProps) {
  return (
    <figure className="paper-chart">
      {/* The drawing keeps its proportions and takes the width it is given (its viewBox scales it). */}
      <div role="img" aria-label={props.ariaLabel} className="[&_.recharts-surface]:h-auto [&_.recharts-surface]:w-full [&_.recharts-wrapper]:h-auto! [&_.recharts-wrapper]:w-full!">
        <div className="sm:hidden print:hidden">
          <Drawing {...props} width={360} />
        </div>
        <div className="hidden sm:block print:block">
          <Drawing {...props} width={680} />
        </div>
      </div>
      {props.series.length > 1 ? (
        <ul aria-label={props.legendLabel} className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-800">
          {props.series.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-3 w-5 border" style={{ background: s.fill, borderColor: s.stroke }} />
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}

const formatters = {
  percent: (v: number) => `${(v * 100).toFixed(1)}%`,
  count: (v: number) => String(v),
};

function Drawing({ rows, series, direction, format, maxValue, stacked, width }: PaperBarChartProps & { width: number }) {
  const formatValue = formatters[format];
  const row = direction === "row";
  const narrow = width < 500;
  const longest = Math.max(0, ...rows.map((r) => [...r.label].length));
  const fontSize = narrow || (row && rows.length > 36) ? 10 : 12;
  const labelWidth = row ? Math.min(narrow ? 120 : 210, Math.max(48, longest * (fontSize + 0.5) + 8)) : 0;
  // Up to 60 departments still fit one sheet: the rows get thinner as they get more.
  const band = row ? Math.max(14, Math.min(28, Math.floor(720 / Math.max(1, rows.length)))) * (stacked || series.length === 1 ? 1 : 1.6) : 0;
  const height = row ? Math.round(rows.length * band + 36) : 240;
  return (
    <BarChart
      width={width}
      height={height}
      data={rows}
      layout={row ? "vertical" : "horizontal"}
      accessibilityLayer={false}
      barCategoryGap={row ? "18%" : "20%"}
      margin={{ top: row ? 4 : 18, right: row ? 56 : 8, bottom: 4, left: row ? 0 : -12 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" horizontal={!row} vertical={row} />
      <XAxis
        type={row ? "number" : "category"}
        dataKey={row ? undefined : "label"}
        domain={row ? [0, maxValue ?? "auto"] : undefined}
        allowDecimals={format === "percent"}
        ticks={row && format === "percent" ? [0, 0.25, 0.5, 0.75, 1] : undefined}
        tickFormatter={row ? (v: number) => (format === "percent" ? `${Math.round(v * 100)}%` : String(v)) : undefined}
        interval={row ? undefined : 0}
        tick={{ ...TEXT, fontSize: 11 }}
        tickLine={false}
        axisLine={{ stroke: "#64748b" }}
      />
      <YAxis
        type={row ? "category" : "number"}
        dataKey={row ? "label" : undefined}
        width={row ? labelWidth : 40}
        domain={row ? undefined : [0, maxValue ?? "auto"]}
        allowDecimals={false}
        interval={row ? 0 : undefined}
        tick={{ ...TEXT, fontSize }}
        tickLine={false}
        axisLine={{ stroke: "#64748b" }}
      />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.fill} stroke={s.stroke} strokeWidth={1} isAnimationActive={false} stackId={stacked ? "a" : undefined}>
          <LabelList
            dataKey={s.key}
            position={stacked ? "inside" : row ? "right" : "top"}
            formatter={(v) => (Number(v) === 0 && (stacked || !row) ? "" : formatValue(Number(v)))}
            style={{ fontSize: fontSize - 1, fill: stacked && s.fill !== "#ffffff" ? "#ffffff" : "#0f172a", fontWeight: 600 }}
          />
        </Bar>
      ))}
    </BarChart>
  );
}
