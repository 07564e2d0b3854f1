import { DUE_SOON_DAYS } from "@/lib/calendar/events";
import { addDays, daysBetween } from "@/lib/dates";

/**
 * An evidence's expiry as the list, the calendar and the dashboard show it (docs/domain.md,
 * "Evidence files"): expired once the day has passed, expiring within the calendar's "due soon"
 * window (30 days), otherwise valid; no expiry date, no state.
 */
export type ExpiryState = "expired" | "expiring" | "valid";

export function expiryState(expiresOn: string | null, today: string): ExpiryState | null {
  if (!expiresOn) return null;
  if (expiresOn < today) return "expired";
  return expiresOn <= addDays(today, DUE_SOON_DAYS) ? "expiring" : "valid";
}

/** Days until the expiry (negative once past). */
export function daysToExpiry(expiresOn: string, today: string): number {
  return daysBetween(today, expiresOn);
}
