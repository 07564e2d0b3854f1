import { addDays, addMonths, daysBetween } from "@/lib/dates";
import { onOrNextBusinessDay } from "@/lib/business-days";
import { RENEWAL_CLOSES_MONTHS_BEFORE, RENEWAL_OPENS_MONTHS_BEFORE, type RenewalState, type RenewalWindow } from "./rules";

/**
 * The P-mark renewal window (docs/domain.md §5; the rule and its constants in ./rules.ts). Apart from
 * rules.ts because it reads the Japanese holidays (lib/business-days.ts): client components import
 * rules.ts for its constants, and the holiday data set has no business in their bundles.
 */

/**
 * The first and last day of the renewal application of a certificate valid through `expiresOn`. The
 * date N months before is the same day of the month N months earlier, or that month's last day when it
 * has no such day (expiry 2027-10-31 → 8 months before is 2027-02-28, so the window opens 2027-03-01).
 * Expiry 2024-12-01 → 2024-04-02 .. 2024-08-01; a last day of Saturday 2024-09-14 (Monday the 16th a
 * holiday) → Tuesday 2024-09-17.
 */
export function renewalWindowDates(expiresOn: string): { opensOn: string; closesOn: string } {
  return {
    opensOn: addDays(addMonths(expiresOn, -RENEWAL_OPENS_MONTHS_BEFORE), 1),
    closesOn: onOrNextBusinessDay(addMonths(expiresOn, -RENEWAL_CLOSES_MONTHS_BEFORE)),
  };
}

/** The renewal window of a certificate valid through `expiresOn` on `today`. Both ends are inclusive. */
export function renewalWindow(expiresOn: string, today: string): RenewalWindow {
  const { opensOn, closesOn } = renewalWindowDates(expiresOn);
  const daysUntilOpens = daysBetween(today, opensOn);
  const daysUntilCloses = daysBetween(today, closesOn);
  const daysUntilExpiry = daysBetween(today, expiresOn);
  let state: RenewalState;
  let daysLeft: number;
  if (daysUntilOpens > 0) {
    state = "before_window";
    daysLeft = daysUntilOpens;
  } else if (daysUntilCloses >= 0) {
    state = "window_open";
    daysLeft = daysUntilCloses;
  } else if (daysUntilExpiry >= 0) {
    state = "window_closed_not_expired";
    daysLeft = daysUntilExpiry;
  } else {
    state = "expired";
    daysLeft = -daysUntilExpiry;
  }
  const span = daysBetween(opensOn, closesOn);
  const progress = daysUntilOpens > 0 ? 0 : daysUntilCloses < 0 ? 1 : span <= 0 ? 1 : daysBetween(opensOn, today) / span;
  return { expiresOn, opensOn, closesOn, state, daysUntilOpens, daysUntilCloses, daysUntilExpiry, daysLeft, progress: Math.round(progress * 1000) / 1000 };
}
