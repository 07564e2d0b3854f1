"use client";

import { barChartHeight, ChartFrame, chartTableRows, type ChartTable } from "./chart-frame";
import { BarChartFigure } from "./bar-chart-figure";

export type BarDatum = { key: string; label: string; value: number; href?: string };

export type BarChartProps = {
  data: BarDatum[];
  /** What the picture says, for screen readers (the chart itself is one image). */
  ariaLabel: string;
  /** "column": vertical bars, categories along the bottom; "row": horizontal bars, categories down the side. */
  direction?: "column" | "row";
  formatValue: (v: number) => string;
  /** Axis ticks, when they want a shorter form than the values (e.g. "50%" rather than "50.0%"). */
  formatTick?: (v: number) => string;
  /** Upper end of the value axis (1 for rates); automatic when omitted. */
  maxValue?: number;
  /** A CSS colour, e.g. "var(--chart-1)". */
  color?: string;
  height?: number;
  /** A click on a bar selects it. */
  onSelect?: (d: BarDatum) => void;
  /** The accessible alternative: a table of the same numbers with links. */
  table: ChartTable;
};

/** A typed, pure bar chart: props in, picture out. Colours come from CSS variables. */
export function BarChart(props: BarChartProps) {
  const { data, ariaLabel, direction, height, formatValue, table } = props;
  return (
    <ChartFrame ariaLabel={ariaLabel} height={barChartHeight({ height, direction, rows: data.length })} table={table} rows={chartTableRows(data, formatValue)}>
      <BarChartFigure {...props} />
    </ChartFrame>
  );
}
