"use client";

import { Text } from "recharts";

/** Axis text: slate-700 on white (10:1). */
export const AXIS_TICK = { fontSize: 12, fill: "#334155" } as const;

type LegendEntry = { value?: unknown; color?: string; type?: string; inactive?: boolean };

/**
 * A legend for Recharts' <Legend content={ChartLegend} />: the text in slate-800 (AA on white) with a
 * swatch of the series colour beside it. Recharts' own legend writes the text in the series colour,
 * which for the lighter series is 2–3:1.
 */
export function ChartLegend({ payload }: { payload?: readonly LegendEntry[] }) {
  if (!payload?.length) return null;
  return (
    <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 pt-1 text-xs text-slate-800">
      {payload.map((p) => (
        <li key={String(p.value)} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: p.color }} />
          {String(p.value)}
        </li>
      ))}
    </ul>
  );
}

/** Room under a category axis for labels wrapped onto two lines (WrappedTick). */
export const WRAPPED_AXIS_HEIGHT = 36;

/**
 * A category axis label that wraps at spaces ("Major / nonconformity") instead of running into its
 * neighbour: <XAxis tick={WrappedTick} interval={0} height={WRAPPED_AXIS_HEIGHT} />.
 */
export function WrappedTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  return (
    <Text x={Number(x)} y={Number(y) + 2} width={72} maxLines={2} textAnchor="middle" verticalAnchor="start" fontSize={11} fill={AXIS_TICK.fill}>
      {String(payload?.value ?? "")}
    </Text>
  );
}
