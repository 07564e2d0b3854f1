"use client";

import { databaseAnswered, databaseUnavailable } from "./database-status";
import { toLoginAfterSessionEnded } from "./session-expired";

/** The problem+json the API answers with, as a throwable error for forms and queries. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly fieldErrors: Record<string, string>,
    /** The problem's type, e.g. "/problems/unavailable". */
    readonly type?: string,
    /** The Retry-After header of a 429 or 503, in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail ?? title);
  }
}

/** The database could not be reached (503): worth trying again in a few seconds (docs/security.md, "Database outages"). */
export function isUnavailable(err: unknown): err is ApiProblem {
  return err instanceof ApiProblem && err.status === 503;
}

/** Retry-After as seconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export async function apiFetch<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  const res = await fetch(url, {
    ...rest,
    headers: { ...(json !== undefined ? { "content-type": "application/json" } : {}), accept: "application/json", ...rest.headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (res.status === 401) toLoginAfterSessionEnded();
  if (!res.ok) {
    let body: { type?: string; title?: string; detail?: string; errors?: { field: string; message: string }[] } = {};
    try {
      body = await res.json();
    } catch {
      /* not JSON */
    }
    const fields: Record<string, string> = {};
    for (const e of body.errors ?? []) fields[e.field] ??= e.message;
    const problem = new ApiProblem(res.status, body.title ?? res.statusText, body.detail, fields, body.type, parseRetryAfter(res.headers.get("retry-after")));
    // The app-wide notice (components/layout/database-notice.tsx) says so and retries.
    if (isUnavailable(problem)) databaseUnavailable(problem.retryAfterSeconds);
    throw problem;
  }
  databaseAnswered();
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
