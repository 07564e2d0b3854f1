"use client";

import { Text, usePlotArea } from "recharts";

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

/** Room under a category axis for labels wrapped onto up to three lines (WrappedTick). */
export const WRAPPED_AXIS_HEIGHT = 44;

/**
 * A category axis label that wraps at spaces ("Major / nonconformity") within its own category's
 * width instead of running into its neighbour:
 * <XAxis tick={<WrappedTick />} interval={0} height={WRAPPED_AXIS_HEIGHT} />.
 */
export function WrappedTick({ x, y, payload, visibleTicksCount }: { x?: number | string; y?: number | string; payload?: { value?: unknown }; visibleTicksCount?: number }) {
  const plot = usePlotArea();
  const room = plot && visibleTicksCount ? Math.max(36, plot.width / visibleTicksCount - 6) : 72;
  const text = String(payload?.value ?? "");
  // A word longer than its slot ("nonconformity" on a phone) gets a smaller font, down to 9 px, rather than
  // running into the next label (about 0.6 em a Latin letter, 1 em a Japanese character).
  const longest = Math.max(1, ...text.split(/\s+/).map((w) => [...w].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.6), 0)));
  const fontSize = Math.max(9, Math.min(11, Math.floor(room / longest)));
  return (
    <Text x={Number(x)} y={Number(y) + 2} width={room} textAnchor="middle" verticalAnchor="start" fontSize={fontSize} style={{ fontSize }} fill={AXIS_TICK.fill}>
      {text}
    </Text>
  );
}
