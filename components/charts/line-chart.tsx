"use client";

import { ChartFrame, chartTableRows, LINE_CHART_HEIGHT, type ChartTable } from "./chart-frame";
import { LineChartFigure } from "./line-chart-figure";

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
  table: ChartTable;
};

/** A typed, pure line chart (a value over time): props in, picture out. */
export function LineChart(props: LineChartProps) {
  return (
    <ChartFrame ariaLabel={props.ariaLabel} height={props.height ?? LINE_CHART_HEIGHT} table={props.table} rows={chartTableRows(props.data, props.formatValue)}>
      <LineChartFigure {...props} />
    </ChartFrame>
  );
}
