import { addDays, addMonths } from "@/lib/dates";
import { fiscalYearMonths } from "@/lib/fiscal-year";

/**
 * The days a monthly trend is taken on: the last day of every month of the fiscal year that has
 * begun by `asOf`, the running month taken on `asOf` itself.
 */
export function trendDays(fy: number, startMonth: number, asOf: string): { month: string; asOf: string }[] {
  return fiscalYearMonths(fy, startMonth)
    .map((month) => ({ month, first: `${month}-01`, last: addDays(addMonths(`${month}-01`, 1), -1) }))
    .filter((m) => m.first <= asOf)
    .map((m) => ({ month: m.month, asOf: m.last < asOf ? m.last : asOf }));
}
