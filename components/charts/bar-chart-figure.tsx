"use client";

import { Bar, BarChart as RBarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import type { BarChartProps } from "./bar-chart";
import { useReducedMotion } from "./use-reduced-motion";

const AXIS_TEXT = { fontSize: 12, fill: "#334155" };

/** The picture alone (Recharts), filling its frame; the frame and the table are the caller's. */
export function BarChartFigure({ data, direction = "column", formatValue, formatTick = formatValue, maxValue, color = "var(--chart-1)", onSelect, table }: BarChartProps) {
  const reduced = useReducedMotion();
  const row = direction === "row";
  // Long Japanese department names need room; a phone still keeps most of the width for bars.
  const labelWidth = Math.min(140, Math.max(48, Math.max(0, ...data.map((d) => [...d.label].length)) * 12 + 8));
  return (
    <RBarChart
      data={data}
      layout={row ? "vertical" : "horizontal"}
      responsive
      style={{ width: "100%", height: "100%" }}
      accessibilityLayer={false}
      margin={{ top: row ? 4 : 20, right: row ? 52 : 8, bottom: 4, left: row ? 0 : -8 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={!row} vertical={row} />
      <XAxis
        type={row ? "number" : "category"}
        dataKey={row ? undefined : "label"}
        domain={row ? [0, maxValue ?? "auto"] : undefined}
        tickFormatter={row ? (v: number) => formatTick(v) : undefined}
        interval={row ? undefined : 0}
        tick={{ ...AXIS_TEXT, fontSize: row ? 12 : 11 }}
        tickLine={false}
        axisLine={{ stroke: "#cbd5e1" }}
      />
      <YAxis
        type={row ? "category" : "number"}
        dataKey={row ? "label" : undefined}
        width={row ? labelWidth : 36}
        domain={row ? undefined : [0, maxValue ?? "auto"]}
        allowDecimals={false}
        interval={row ? 0 : undefined}
        tick={AXIS_TEXT}
        tickLine={false}
        axisLine={{ stroke: "#cbd5e1" }}
      />
      <Tooltip cursor={{ fill: "rgba(29, 95, 191, 0.08)" }} formatter={(v) => [formatValue(Number(v)), table.valueHeader]} isAnimationActive={!reduced} />
      <Bar
        dataKey="value"
        name={table.valueHeader}
        fill={color}
        isAnimationActive={!reduced}
        className={onSelect ? "cursor-pointer" : undefined}
        onClick={(_, i) => {
          if (onSelect && data[i]) onSelect(data[i]);
        }}
        maxBarSize={row ? 22 : 36}
        radius={row ? [0, 3, 3, 0] : [3, 3, 0, 0]}
      >
        <LabelList
          dataKey="value"
          position={row ? "right" : "top"}
          formatter={(v) => (row || Number(v) !== 0 ? formatValue(Number(v)) : "")}
          style={{ fontSize: 12, fill: "#1e293b", fontWeight: 600 }}
        />
      </Bar>
    </RBarChart>
  );
}
