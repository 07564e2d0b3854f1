import "server-only";
import { sql } from "drizzle-orm";
import { currentFiscalYear, fiscalYearRange } from "@/lib/fiscal-year";
import { statusAsOfForFiscalYear } from "@/lib/training/status";
import { fiscalYearChoices } from "@/lib/training/status-summary";
import { getFiscalYearStartMonth } from "../settings";
import { query, type Db } from "./sql";

/** The fiscal year the dashboard shows, and the day its figures are taken on. */

export type DashboardScope = {
  today: string;
  fiscalYear: number;
  startMonth: number;
  currentFiscalYear: number;
  isCurrentFiscalYear: boolean;
  /** The day FY figures are taken on: today in the current FY, its last day for a past FY, its first for a future one. */
  asOf: string;
  start: string;
  end: string;
};

export async function scopeOf(fiscalYear: number | undefined, today: string): Promise<DashboardScope> {
  const startMonth = await getFiscalYearStartMonth();
  const currentFy = currentFiscalYear(today, startMonth);
  const fy = fiscalYear ?? currentFy;
  const { start, end } = fiscalYearRange(fy, startMonth);
  return { today, fiscalYear: fy, startMonth, currentFiscalYear: currentFy, isCurrentFiscalYear: fy === currentFy, asOf: statusAsOfForFiscalYear(fy, today, startMonth), start, end };
}

/** The fiscal years the year picker offers (fiscalYearChoices): those of the live training records and the current one, newest first. */
export async function fiscalYearsOffered(db: Db, s: DashboardScope): Promise<number[]> {
  const [r] = await query<{ earliest: string | null; latest: string | null }>(
    db,
    sql`select to_char(min(completed_on), 'YYYY-MM-DD') as earliest, to_char(max(completed_on), 'YYYY-MM-DD') as latest from training_records where retired_at is null`,
  );
  return fiscalYearChoices(s.currentFiscalYear, s.startMonth, r?.earliest ?? null, r?.latest ?? null);
}
