import { addDays, addMonths, daysBetween, isDateString } from "@/lib/dates";
import { fiscalYearMonths, fiscalYearOf, fiscalYearRange } from "@/lib/fiscal-year";

/**
 * The calendar's shapes: a month grid (weeks starting on Sunday, as Japanese wall calendars do) and
 * a fiscal year of twelve months. Pure, over "YYYY-MM-DD" strings.
 */

export type MonthKey = string; // "YYYY-MM"
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(s: unknown): s is MonthKey {
  return typeof s === "string" && MONTH_RE.test(s) && s >= "1900-01" && s <= "2999-12";
}

export function monthOf(date: string): MonthKey {
  return date.slice(0, 7);
}

export function addMonthKey(month: MonthKey, n: number): MonthKey {
  return addMonths(`${month}-01`, n).slice(0, 7);
}

/** First and last day of the month. */
export function monthRange(month: MonthKey): { start: string; end: string } {
  const start = `${month}-01`;
  return { start, end: addDays(addMonths(start, 1), -1) };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  // 1970-01-04 was a Sunday.
  return (((daysBetween("1970-01-04", date) % 7) + 7) % 7);
}

export type GridDay = { date: string; inMonth: boolean; weekday: number };

/**
 * The weeks shown for a month: from the Sunday on or before the 1st to the Saturday on or after the
 * last day (4 to 6 weeks). Days of the neighbouring months are marked inMonth false.
 */
export function monthGrid(month: MonthKey): GridDay[][] {
  const { start, end } = monthRange(month);
  const first = addDays(start, -weekday(start));
  const last = addDays(end, 6 - weekday(end));
  const weeks: GridDay[][] = [];
  for (let d = first; d <= last; d = addDays(d, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => {
      const date = addDays(d, i);
      return { date, inMonth: date >= start && date <= end, weekday: i };
    }));
  }
  return weeks;
}

/** The dates a month grid covers, first and last (the range to fetch events for). */
export function monthGridRange(month: MonthKey): { start: string; end: string } {
  const weeks = monthGrid(month);
  return { start: weeks[0][0].date, end: weeks[weeks.length - 1][6].date };
}

/** The twelve months of a fiscal year with their ranges, and the year's range. */
export function fiscalYearAgenda(fy: number, startMonth: number): { start: string; end: string; months: { month: MonthKey; start: string; end: string }[] } {
  const range = fiscalYearRange(fy, startMonth);
  return { ...range, months: fiscalYearMonths(fy, startMonth).map((m) => ({ month: m, ...monthRange(m) })) };
}

export function fiscalYearOfMonth(month: MonthKey, startMonth: number): number {
  return fiscalYearOf(`${month}-01`, startMonth);
}

/** Each day the event spans within [from, to] (for placing a multi-day event on a grid). */
export function daysOf(e: { start: string; end: string }, from: string, to: string): string[] {
  const out: string[] = [];
  if (!isDateString(e.start) || !isDateString(e.end)) return out;
  const s = e.start > from ? e.start : from;
  const t = e.end < to ? e.end : to;
  for (let d = s; d <= t; d = addDays(d, 1)) out.push(d);
  return out;
}
