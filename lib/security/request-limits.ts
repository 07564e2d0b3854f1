import { TIME_ZONE } from "@/lib/i18n/config";

/**
 * Per-user limits on writes any role can make (docs/security.md, "Request limits"). Counted in
 * `request_counters` by db/queries/rate-limits.ts: one row per (scope, key) holding a fixed window
 * that opens with the first request and lasts `windowSeconds`; within it at most `limit` requests
 * pass, later ones are refused (429 with Retry-After) and change nothing.
 */
export type RequestLimit = { scope: string; key: string; limit: number; windowSeconds: number };

/** Incident reports: PMS_INCIDENT_REPORTS_PER_HOUR per user and hour, whatever the role. */
export function incidentReportLimit(userId: number, perHour: number): RequestLimit {
  return { scope: "incident-report", key: String(userId), limit: perHour, windowSeconds: 3600 };
}

/** The public intake page of requests from individuals: PUBLIC_REQUESTS_PER_HOUR per client address and hour. */
export const PUBLIC_REQUESTS_PER_HOUR = 5;
export function publicRequestLimit(address: string): RequestLimit {
  return { scope: "public-request", key: address, limit: PUBLIC_REQUESTS_PER_HOUR, windowSeconds: 3600 };
}

export function windowEnd(windowStartedAt: Date, windowSeconds: number): Date {
  return new Date(windowStartedAt.getTime() + windowSeconds * 1000);
}

/** Whole seconds until the window ends (at least 1: a Retry-After of 0 invites an immediate retry). */
export function retryAfterSeconds(windowEndsAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((windowEndsAt.getTime() - now.getTime()) / 1000));
}

/** The values of a "try again from {time} (in about {minutes} min)" message; the time is Japan time, HH:mm. */
export function retryMessageValues(limit: number, windowEndsAt: Date, now: Date): { limit: number; time: string; minutes: number } {
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    // Rounded up to the minute, so "from 14:05" is never a minute early.
    new Date(Math.ceil(windowEndsAt.getTime() / 60_000) * 60_000),
  );
  return { limit, time, minutes: Math.max(1, Math.ceil(retryAfterSeconds(windowEndsAt, now) / 60)) };
}
