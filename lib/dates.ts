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

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** True when `s` is a real calendar date written "YYYY-MM-DD" (2026-02-30 is not). */
export function isDateString(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(date: string): { y: number; m: number; d: number } {
  if (!isDateString(date)) throw new RangeError(`Not a calendar date "YYYY-MM-DD": ${JSON.stringify(date)}`);
  const [y, m, d] = date.split("-").map(Number);
  return { y, m, d };
}

function fromParts(y: number, m: number, d: number): string {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

/** Milliseconds of UTC midnight of the date (setUTCFullYear, unlike Date.UTC, keeps years < 100 as written). */
function utcMidnight(date: string): number {
  const { y, m, d } = parts(date);
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return dt.getTime();
}

function fromUtcMs(ms: number): string {
  const dt = new Date(ms);
  return fromParts(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
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
  return fromUtcMs(utcMidnight(date) + Math.trunc(n) * DAY_MS);
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
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
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
