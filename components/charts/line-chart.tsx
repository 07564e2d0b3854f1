"use client";

import { CartesianGrid, Line, LineChart as RLineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartDataTable, type ChartTableRow } from "./chart-data-table";
import { useReducedMotion } from "./use-reduced-motion";

export type LineDatum = { key: string; label: string; value: number };

export type LineChartProps = {
  data: LineDatum[];
  /** What the picture says, for screen readers (the chart itself is one image). */
  ariaLabel: string;
  formatValue: (v: number) => string;
  /** Value axis range; automatic when omitted. */
  domain?: [number, number];
  /** Horizontal guide lines (thresholds), each labelled in text. */
  references?: { value: number; label: string; color: string }[];
  color?: string;
  height?: number;
  /** The accessible alternative: a table of the same numbers. */
  table: { toggle: string; caption: string; labelHeader: string; valueHeader: string };
};

const AXIS_TEXT = { fontSize: 12, fill: "#334155" };

/** A typed, pure line chart (a value over time): props in, picture out. */
export function LineChart({ data, ariaLabel, formatValue, domain, references = [], color = "var(--chart-1)", height = 240, table }: LineChartProps) {
  const reduced = useReducedMotion();
  const rows: ChartTableRow[] = data.map((d) => ({ key: d.key, label: d.label, value: formatValue(d.value) }));
  return (
    <div>
      <div role="img" aria-label={ariaLabel} style={{ height }}>
        <RLineChart data={data} responsive style={{ width: "100%", height: "100%" }} accessibilityLayer={false} margin={{ top: 16, right: 16, bottom: 4, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ ...AXIS_TEXT, fontSize: 11 }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} />
          <YAxis domain={domain ?? ["auto", "auto"]} width={40} tick={AXIS_TEXT} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} tickFormatter={(v: number) => String(v)} />
          {references.map((r) => (
            <ReferenceLine
              key={r.label}
              y={r.value}
              stroke={r.color}
              strokeDasharray="4 4"
              label={{ value: r.label, position: "insideTopLeft", fontSize: 11, fill: r.color }}
            />
          ))}
          <Tooltip formatter={(v) => [formatValue(Number(v)), table.valueHeader]} isAnimationActive={!reduced} />
          <Line type="monotone" dataKey="value" name={table.valueHeader} stroke={color} strokeWidth={2} dot={{ r: 4 }} isAnimationActive={!reduced} />
        </RLineChart>
      </div>
      <ChartDataTable {...table} rows={rows} />
    </div>
  );
}
