/**
 * Calendar dates for the domain: plain strings "YYYY-MM-DD", meaning a day in Asia/Tokyo.
 *
 * Arithmetic is done on the string's own year/month/day through UTC, never through the machine's
 * local time zone, so the result is the same on a server in UTC and a laptop in Tokyo.
 * Asia/Tokyo has been UTC+9 all year round since 1951 (no daylight saving), so converting a
 * timestamp to a Tokyo calendar date is a fixed shift of nine hours.
 */

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (n: number) => String(n).padStart(2, "0");
const pad4 = (n: number) => String(n).padStart(4, "0");

/*
 * Day arithmetic is integer arithmetic on the proleptic Gregorian calendar (the calendar of JavaScript's
 * Date): a date is turned into its day number (days since 1970-01-01) and back, with no Date object
 * made. Date objects are slow to make inside `next start`, which wraps the Date constructor, and the
 * lists judge dates by the thousand (docs/architecture.md, "Dates"). lib/dates.test.ts checks every
 * function against the Date-based computation over three centuries.
 */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/** Days since 1970-01-01 of a calendar date (negative before it). */
function dayNumber(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar date of a day number (the inverse of dayNumber). */
function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return fromParts(yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** True when `s` is a real calendar date written "YYYY-MM-DD" (2026-02-30 is not). */
export function isDateString(s: unknown): s is string {
  return typeof s === "string" && partsOf(s) !== null;
}

/** Year, month and day of a "YYYY-MM-DD" that is a real calendar date; null otherwise. */
function partsOf(s: string): { y: number; m: number; d: number } | null {
  const match = DATE_RE.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? { y, m, d } : null;
}

function parts(date: string): { y: number; m: number; d: number } {
  const p = typeof date === "string" ? partsOf(date) : null;
  if (!p) throw new RangeError(`Not a calendar date "YYYY-MM-DD": ${JSON.stringify(date)}`);
  return p;
}

function fromParts(y: number, m: number, d: number): string {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

function dayNumberOf(date: string): number {
  const { y, m, d } = parts(date);
  return dayNumber(y, m, d);
}

/** Milliseconds of UTC midnight of the date. */
function utcMidnight(date: string): number {
  return dayNumberOf(date) * DAY_MS;
}

function fromUtcMs(ms: number): string {
  return fromDayNumber(Math.floor(ms / DAY_MS));
}

/** A timestamp seen on a Tokyo wall clock, as UTC fields of a shifted Date. */
function tokyoWallClock(value: Date): Date {
  return new Date(value.getTime() + TOKYO_OFFSET_MS);
}

/** The calendar date in Asia/Tokyo: 2026-11-24T15:30Z is 2026-11-25 there. */
export function todayInTokyo(now: Date = new Date()): string {
  if (Number.isNaN(now.getTime())) throw new RangeError("Invalid Date");
  return fromUtcMs(tokyoWallClock(now).getTime());
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(dayNumberOf(date) + Math.trunc(n));
}

/** Adds calendar months, clamping to the month's end: 2024-01-31 + 1 → 2024-02-29; 2024-02-29 + 12 → 2025-02-28. */
export function addMonths(date: string, n: number): string {
  const { y, m, d } = parts(date);
  const total = y * 12 + (m - 1) + Math.trunc(n);
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return fromParts(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** `to` minus `from`, in whole days; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** "YYYY-MM" of a date. */
export function monthKey(date: string): string {
  parts(date);
  return date.slice(0, 7);
}

/** -1, 0 or 1, like a sort comparator. "YYYY-MM-DD" strings order as text. */
export function compareDates(a: string, b: string): number {
  parts(a);
  parts(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function present(dates: (string | null | undefined)[]): string[] {
  return dates.filter((d): d is string => typeof d === "string" && d !== "").map((d) => (parts(d), d));
}

/** The latest of the given dates, ignoring null/undefined/""; null when none is given. */
export function maxDate(...dates: (string | null | undefined)[]): string | null {
  const ds = present(dates);
  return ds.length === 0 ? null : ds.reduce((a, b) => (b > a ? b : a));
}

/** The earliest of the given dates, ignoring null/undefined/""; null when none is given. */
export function minDate(...dates: (string | null | undefined)[]): string | null {
  const ds = present(dates);
  return ds.length === 0 ? null : ds.reduce((a, b) => (b < a ? b : a));
}

/**
 * Reads a value for display: a calendar-date string is taken as written (it is already a Tokyo date);
 * any other string is a timestamp (ISO 8601 with zone, as JSON carries a Date); a Date is a timestamp.
 * Returns the Tokyo wall clock as UTC fields, or null when the value is empty or unreadable.
 */
function toTokyoWallClock(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") {
    if (isDateString(value)) return new Date(utcMidnight(value));
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : tokyoWallClock(new Date(ms));
  }
  return Number.isNaN(value.getTime()) ? null : tokyoWallClock(value);
}

/** "yyyy/MM/dd" in Asia/Tokyo; "" for null, undefined or an unreadable value. */
export function formatDate(value: string | Date | null | undefined): string {
  // A calendar date reads as written: "2026-04-01" → "2026/04/01".
  if (typeof value === "string" && isDateString(value)) return value.replaceAll("-", "/");
  const t = toTokyoWallClock(value);
  if (!t) return "";
  return `${pad4(t.getUTCFullYear())}/${pad2(t.getUTCMonth() + 1)}/${pad2(t.getUTCDate())}`;
}

/** "yyyy/MM/dd HH:mm" in Asia/Tokyo; "" for null, undefined or an unreadable value. A bare date reads as 00:00. */
export function formatDateTime(value: Date | string | null | undefined): string {
  const t = toTokyoWallClock(value);
  if (!t) return "";
  return `${formatDate(fromUtcMs(t.getTime()))} ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}`;
}
