"use client";

import { parseRetryAfter } from "./api";

export type ProbeResult = { ok: true } | { ok: false; retryAfterSeconds: number | undefined };

/** Asks GET /api/v1/health whether the database answers; no answer at all counts as "not yet". */
export async function probeDatabase(): Promise<ProbeResult> {
  try {
    const res = await fetch("/api/v1/health", { cache: "no-store", headers: { accept: "application/json" } });
    if (res.ok) return { ok: true };
    return { ok: false, retryAfterSeconds: parseRetryAfter(res.headers.get("retry-after")) };
  } catch {
    return { ok: false, retryAfterSeconds: undefined };
  }
}
