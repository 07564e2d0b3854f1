"use client";

/**
 * Whether the API last said "the database is unavailable" (503) or answered: the state behind the
 * app-wide notice (components/layout/database-notice.tsx). A module-level store for
 * useSyncExternalStore; apiFetch writes it, nothing else needs to.
 */
export type DatabaseStatus = { unavailable: false } | { unavailable: true; retryAfterSeconds: number | undefined };

const AVAILABLE: DatabaseStatus = { unavailable: false };
let status: DatabaseStatus = AVAILABLE;
const listeners = new Set<() => void>();

function set(next: DatabaseStatus) {
  status = next;
  for (const l of listeners) l();
}

export function databaseUnavailable(retryAfterSeconds?: number) {
  if (!status.unavailable) set({ unavailable: true, retryAfterSeconds });
}

export function databaseAnswered() {
  if (status.unavailable) set(AVAILABLE);
}

export function subscribeDatabaseStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getDatabaseStatus = (): DatabaseStatus => status;
export const getServerDatabaseStatus = (): DatabaseStatus => AVAILABLE;
