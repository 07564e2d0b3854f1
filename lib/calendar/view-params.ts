import { CALENDAR_EVENT_TYPES, type CalendarEventType } from "./events";
import { addMonthKey, fiscalYearOfMonth, isMonthKey, monthOf } from "./grid";

/** The calendar page's state in the URL: ?view=month|year&month=YYYY-MM&fy=2026&types=audit,incident */
export type CalendarView = "month" | "year";
export type CalendarViewState = { view: CalendarView; month: string; fy: number; types: CalendarEventType[] };

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Anything unreadable falls back to today's month, its fiscal year and every type. */
export function parseCalendarSearchParams(sp: Record<string, string | string[] | undefined>, today: string, startMonth: number): CalendarViewState {
  const view: CalendarView = one(sp.view) === "year" ? "year" : "month";
  const m = one(sp.month);
  const month = isMonthKey(m) ? m : monthOf(today);
  const fyRaw = Number(one(sp.fy));
  const fy = Number.isInteger(fyRaw) && fyRaw >= 1900 && fyRaw <= 2998 ? fyRaw : fiscalYearOfMonth(view === "year" ? monthOf(today) : month, startMonth);
  const rawTypes = one(sp.types);
  const asked = rawTypes === undefined ? [...CALENDAR_EVENT_TYPES] : rawTypes.split(",").filter((t): t is CalendarEventType => (CALENDAR_EVENT_TYPES as readonly string[]).includes(t));
  return { view, month, fy, types: rawTypes === "" ? [] : asked };
}

export function calendarSearchString(s: CalendarViewState): string {
  const sp = new URLSearchParams();
  sp.set("view", s.view);
  if (s.view === "month") sp.set("month", s.month);
  else sp.set("fy", String(s.fy));
  if (s.types.length !== CALENDAR_EVENT_TYPES.length) sp.set("types", s.types.join(","));
  return `?${sp.toString()}`;
}

/** Previous / next month or fiscal year. */
export function step(s: CalendarViewState, n: 1 | -1): CalendarViewState {
  return s.view === "month" ? { ...s, month: addMonthKey(s.month, n) } : { ...s, fy: s.fy + n };
}
