import type { ReactNode } from "react";
import { ChartDataTable, type ChartTableRow } from "./chart-data-table";

export type ChartTable = { toggle: string; caption: string; labelHeader: string; valueHeader: string };

/**
 * What every chart is around its picture: one image of a fixed height with its accessible name, and
 * the table of the same numbers behind a disclosure. No Recharts here: the lazy charts draw this
 * frame at once (so nothing moves when the picture arrives) and load the picture later.
 */
export function ChartFrame({ ariaLabel, height, table, rows, children }: { ariaLabel: string; height: number; table: ChartTable; rows: ChartTableRow[]; children: ReactNode }) {
  return (
    <div>
      <div role="img" aria-label={ariaLabel} style={{ height }}>
        {children}
      </div>
      <ChartDataTable {...table} rows={rows} />
    </div>
  );
}

/** The bar chart's height: given, or one band per row (horizontal bars), or 260 px. */
export function barChartHeight({ height, direction = "column", rows }: { height?: number; direction?: "column" | "row"; rows: number }): number {
  return height ?? (direction === "row" ? Math.max(140, rows * 34 + 40) : 260);
}

export const LINE_CHART_HEIGHT = 240;

/** The table's rows: each point's label (a link where a click on the picture would go) and its value in words. */
export function chartTableRows(data: { key: string; label: string; value: number; href?: string }[], formatValue: (v: number) => string): ChartTableRow[] {
  return data.map((d) => ({ key: d.key, label: d.label, value: formatValue(d.value), href: d.href }));
}
