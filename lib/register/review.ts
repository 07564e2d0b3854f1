import { addMonths, compareDates, daysBetween } from "@/lib/dates";

/**
 * The yearly review of the personal information register (docs/domain.md §6), pure: when an item is
 * next due for review and whether it is overdue on a Tokyo calendar date. No clock: `today` is passed in.
 */

/** JIS Q 15001 asks for a review at least once a year: the interval is 1..12 months, 12 by default. */
export const DEFAULT_REGISTER_REVIEW_MONTHS = 12;
export const MAX_REGISTER_REVIEW_MONTHS = 12;
/** A review due within this many days (today included) is "due soon". */
export const REGISTER_DUE_SOON_DAYS = 30;

export const REGISTER_DUE_STATES = ["overdue", "due_soon", "on_time", "none"] as const;
export type RegisterDueState = (typeof REGISTER_DUE_STATES)[number];

/**
 * Next review due = the last review's date (or the date the item was registered, when it was never
 * reviewed) + the interval in months, clamped to the month's end (2026-01-31 + 1 month → 2026-02-28).
 */
export function nextRegisterReviewDue(facts: { lastReviewedOn: string | null; registeredOn: string; reviewIntervalMonths?: number | null }): string {
  const months = facts.reviewIntervalMonths ?? DEFAULT_REGISTER_REVIEW_MONTHS;
  if (!Number.isInteger(months) || months < 1 || months > MAX_REGISTER_REVIEW_MONTHS) throw new RangeError(`review interval must be 1..12 months, got ${months}`);
  return addMonths(facts.lastReviewedOn ?? facts.registeredOn, months);
}

/** Overdue from the day after the due date (a review due today is still on time today). A retired item is never overdue. */
export function isRegisterReviewOverdue(dueOn: string, today: string, retired = false): boolean {
  return !retired && compareDates(dueOn, today) < 0;
}

/** overdue / due soon (due today or within 30 days) / on time; none for a retired item. */
export function registerDueState(dueOn: string, today: string, retired = false): RegisterDueState {
  if (retired) return "none";
  if (isRegisterReviewOverdue(dueOn, today)) return "overdue";
  return daysBetween(today, dueOn) <= REGISTER_DUE_SOON_DAYS ? "due_soon" : "on_time";
}

/**
 * The item's last review after a review dated `reviewedOn`: a review entered late (dated before the
 * one already recorded) does not move the date back.
 */
export function lastReviewAfter(current: string | null, reviewedOn: string): string {
  return current && compareDates(current, reviewedOn) > 0 ? current : reviewedOn;
}

/** A review cannot be dated after today (Tokyo). */
export function reviewDateProblem(reviewedOn: string, today: string): string | null {
  return compareDates(reviewedOn, today) > 0 ? "register.errors.reviewInFuture" : null;
}
