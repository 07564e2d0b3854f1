"use client";

import Link from "@/components/ui/link";
import { Pie, PieChart, Tooltip } from "recharts";
import { useReducedMotion } from "./use-reduced-motion";

export type DonutDatum = { key: string; label: string; value: number; color: string; href?: string };

export type DonutChartProps = {
  data: DonutDatum[];
  ariaLabel: string;
  formatValue: (v: number) => string;
  /** Big figure and caption in the hole, e.g. the completion rate. */
  center?: { value: string; caption: string };
  onSelect?: (d: DonutDatum) => void;
  /** Accessible name of the legend, which lists every slice as a link. */
  legendLabel: string;
  height?: number;
};

/**
 * A donut with a legend of links beside it: the legend (colour, text and number) is the
 * keyboard and screen-reader way in, so colour is never the only carrier of meaning.
 */
export function DonutChart({ data, ariaLabel, formatValue, center, onSelect, legendLabel, height = 200 }: DonutChartProps) {
  const reduced = useReducedMotion();
  const shown = data.filter((d) => d.value > 0);
  return (
    <div className="flex flex-col items-center gap-3">
      <div role="img" aria-label={ariaLabel} className="relative w-full max-w-[220px] shrink-0" style={{ height }}>
        <PieChart responsive style={{ width: "100%", height: "100%" }} accessibilityLayer={false}>
          <Pie
            data={shown.map((d) => ({ ...d, fill: d.color }))}
            dataKey="value"
            nameKey="label"
            innerRadius="62%"
            outerRadius="95%"
            paddingAngle={shown.length > 1 ? 1 : 0}
            stroke="#fff"
            isAnimationActive={!reduced}
            className={onSelect ? "cursor-pointer" : undefined}
            onClick={(_, i) => {
              if (onSelect && shown[i]) onSelect(shown[i]);
            }}
          />
          <Tooltip formatter={(v, name) => [formatValue(Number(v)), String(name)]} isAnimationActive={!reduced} />
        </PieChart>
        {center ? (
          <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center">
            <span className="text-2xl font-bold text-slate-900 tabular-nums">{center.value}</span>
            <span className="text-xs text-slate-600">{center.caption}</span>
          </div>
        ) : null}
      </div>
      <ul aria-label={legendLabel} className="grid w-full grid-cols-1 gap-x-4 gap-y-0.5 text-sm sm:grid-cols-2 lg:grid-cols-1">
        {data.map((d) => {
          const body = (
            <>
              <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-sm" style={{ background: d.color }} />
              <span className="flex-1">{d.label}</span>
              <span className="font-semibold tabular-nums">{formatValue(d.value)}</span>
            </>
          );
          return (
            <li key={d.key}>
              {d.href ? (
                <Link href={d.href} className="flex items-center gap-2 rounded px-1 py-1 text-slate-800 hover:bg-slate-100">
                  {body}
                </Link>
              ) : (
                <span className="flex items-center gap-2 px-1 py-1">{body}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
