import { ApiProblem, isUnavailable } from "./api";

/**
 * When the browser tries a request again by itself (docs/security.md, "Database outages"). Queries:
 * a 503 (the database is unavailable) up to MAX_UNAVAILABLE_RETRIES times, waiting at least its
 * Retry-After and backing off to 30 s; a request that got no answer at all (network) twice; any other
 * answer never — a 4xx, 500 or 504 would come back the same. Mutations are never retried: a user's
 * write that failed is shown as failed, with the form as it was, and the user decides.
 */
export const MAX_UNAVAILABLE_RETRIES = 10;
const MAX_DELAY_MS = 30_000;

/** TanStack Query's `retry`: `failureCount` is 0 after the first failure. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (isUnavailable(error)) return failureCount < MAX_UNAVAILABLE_RETRIES;
  if (error instanceof ApiProblem) return false;
  return failureCount < 2;
}

/** TanStack Query's `retryDelay`, in ms: 1, 2, 4… s up to 30 s, never less than Retry-After, plus up to 20 % jitter. */
export function queryRetryDelay(failureCount: number, error: unknown, random: () => number = Math.random): number {
  const backoff = Math.min(1000 * 2 ** failureCount, MAX_DELAY_MS);
  const floor = isUnavailable(error) && error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : 0;
  return Math.round(Math.min(Math.max(floor, backoff), MAX_DELAY_MS) * (1 + 0.2 * random()));
}

/**
 * Seconds until the notice asks /api/v1/health again after `failedProbes` failed probes: the
 * server's Retry-After (5 s) at first, then half as long again each time, at most 30 s.
 */
export function nextProbeDelaySeconds(failedProbes: number, retryAfterSeconds: number | undefined): number {
  const base = Math.max(1, retryAfterSeconds ?? 5);
  return Math.min(30, Math.ceil(base * 1.5 ** Math.max(0, failedProbes - 1)));
}
