import holidayJp from "@holiday-jp/holiday_jp";
import { addDays, isDateString } from "@/lib/dates";

/**
 * Japanese national holidays and business days, for deadlines that move off a day an office is closed
 * (docs/domain.md §5, the P-mark renewal window). The holidays come from @holiday-jp/holiday_jp, a
 * maintained data set of the Cabinet Office's list (国民の祝日に関する法律): the fixed and Happy-Monday
 * holidays, the equinoxes, substitute holidays (振替休日) and the "citizens' holiday" between two
 * holidays (国民の休日), from 1970 through the data set's last year. A new law (a moved or added holiday)
 * arrives with a new release of the package, not with an edit here.
 */

type HolidayEntry = { readonly date: string; readonly name: string; readonly name_en: string };
const HOLIDAYS = holidayJp.holidays as Readonly<Record<string, HolidayEntry | undefined>>;

const HOLIDAY_DATES = Object.keys(HOLIDAYS).sort();
/** The first and last year the data set lists; outside them only weekends are known. */
export const HOLIDAY_YEARS = { first: Number(HOLIDAY_DATES[0].slice(0, 4)), last: Number(HOLIDAY_DATES[HOLIDAY_DATES.length - 1].slice(0, 4)) };

function assertDate(date: string): void {
  if (!isDateString(date)) throw new RangeError(`Not a calendar date "YYYY-MM-DD": ${JSON.stringify(date)}`);
}

/** The holiday's Japanese name on `date` ("敬老の日", "秋分の日 振替休日", "休日"), or null. */
export function japaneseHoliday(date: string): string | null {
  assertDate(date);
  return HOLIDAYS[date]?.name ?? null;
}

/** Saturday or Sunday (a calendar date, so the weekday of its own year/month/day, whatever the machine's zone). */
export function isWeekend(date: string): boolean {
  assertDate(date);
  const [y, m, d] = date.split("-").map(Number);
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  const weekday = dt.getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** A day offices are closed: Saturday, Sunday or a national holiday (substitute and citizens' holidays included). */
export function isClosedDay(date: string): boolean {
  return isWeekend(date) || japaneseHoliday(date) !== null;
}

/** `date` itself when it is a business day, else the next business day after it. */
export function onOrNextBusinessDay(date: string): string {
  let d = date;
  // At most a few days (the longest run of closed days is Golden Week's five); the bound only guards a bad data set.
  for (let i = 0; i < 14 && isClosedDay(d); i++) d = addDays(d, 1);
  return d;
}
