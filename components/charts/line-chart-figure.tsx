"use client";

import { CartesianGrid, Line, LineChart as RLineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { LineChartProps } from "./line-chart";
import { useReducedMotion } from "./use-reduced-motion";

const AXIS_TEXT = { fontSize: 12, fill: "#334155" };

/** The picture alone (Recharts), filling its frame; the frame and the table are the caller's. */
export function LineChartFigure({ data, formatValue, domain, references = [], color = "var(--chart-1)", table }: LineChartProps) {
  const reduced = useReducedMotion();
  return (
    <RLineChart data={data} responsive style={{ width: "100%", height: "100%" }} accessibilityLayer={false} margin={{ top: 16, right: 16, bottom: 4, left: -8 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="label" tick={{ ...AXIS_TEXT, fontSize: 11 }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} />
      <YAxis domain={domain ?? ["auto", "auto"]} width={40} tick={AXIS_TEXT} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} tickFormatter={(v: number) => String(v)} />
      {/* The label in slate-700 (AA on white); the dashed line carries the colour. */}
      {references.map((r) => (
        <ReferenceLine key={r.label} y={r.value} stroke={r.color} strokeDasharray="4 4" label={{ value: r.label, position: "insideTopLeft", fontSize: 11, fill: AXIS_TEXT.fill }} />
      ))}
      <Tooltip formatter={(v) => [formatValue(Number(v)), table.valueHeader]} isAnimationActive={!reduced} />
      <Line type="monotone" dataKey="value" name={table.valueHeader} stroke={color} strokeWidth={2} dot={{ r: 4 }} isAnimationActive={!reduced} />
    </RLineChart>
  );
}
