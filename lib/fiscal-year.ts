import { addDays, addMonths, isDateString } from "@/lib/dates";

/**
 * Fiscal years. The first month is a setting (default April, as most Japanese companies run).
 * A fiscal year is named by the calendar year it starts in: with April, FY2026 = 2026-04-01 .. 2027-03-31,
 * so January–March belong to the previous year's FY. With a start month of 1, FY = calendar year.
 */

export const DEFAULT_FY_START_MONTH = 4;

function checkStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`Fiscal year start month must be an integer 1..12, got ${startMonth}`);
  }
}

function checkYear(fy: number): void {
  if (!Number.isInteger(fy) || fy < 1 || fy > 9998) throw new RangeError(`Not a fiscal year: ${fy}`);
}

export function fiscalYearOf(date: string, startMonth: number = DEFAULT_FY_START_MONTH): number {
  checkStartMonth(startMonth);
  if (!isDateString(date)) throw new RangeError(`Not a calendar date "YYYY-MM-DD": ${JSON.stringify(date)}`);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m >= startMonth ? y : y - 1;
}

/** First and last day (inclusive) of the fiscal year. */
export function fiscalYearRange(fy: number, startMonth: number = DEFAULT_FY_START_MONTH): { start: string; end: string } {
  checkStartMonth(startMonth);
  checkYear(fy);
  const start = `${String(fy).padStart(4, "0")}-${String(startMonth).padStart(2, "0")}-01`;
  // The day before the next FY starts: with March, FY2027 ends on 2028-02-29.
  return { start, end: addDays(addMonths(start, 12), -1) };
}

/** The twelve "YYYY-MM" keys of the fiscal year, in order. */
export function fiscalYearMonths(fy: number, startMonth: number = DEFAULT_FY_START_MONTH): string[] {
  const { start } = fiscalYearRange(fy, startMonth);
  return Array.from({ length: 12 }, (_, i) => addMonths(start, i).slice(0, 7));
}

/** ja: "2026年度", en: "FY2026". */
export function fiscalYearLabel(fy: number, locale: "ja" | "en"): string {
  return locale === "ja" ? `${fy}年度` : `FY${fy}`;
}

export function currentFiscalYear(today: string, startMonth: number = DEFAULT_FY_START_MONTH): number {
  return fiscalYearOf(today, startMonth);
}
