/** Pure helpers: percentiles, summaries, ratios and how targets are judged and printed. */

export type Summary = { n: number; min: number; p50: number; p95: number; p99: number; max: number; mean: number };

/** Nearest-rank percentile (p in 0–100) of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => round(percentile(sorted, p));
  const mean = sorted.length ? sorted.reduce((s, x) => s + x, 0) / sorted.length : Number.NaN;
  return { n: sorted.length, min: round(sorted[0] ?? Number.NaN), p50: at(50), p95: at(95), p99: at(99), max: round(sorted[sorted.length - 1] ?? Number.NaN), mean: round(mean) };
}

export function round(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** a / b, or null when either is missing or b is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return round(a / b, 2);
}

export function fmtMs(x: number | null | undefined): string {
  if (x == null || !Number.isFinite(x)) return "—";
  return x >= 100 ? `${Math.round(x)} ms` : `${round(x, 1)} ms`;
}

export function fmtRatio(x: number | null | undefined): string {
  return x == null || !Number.isFinite(x) ? "—" : `${round(x, 2)}×`;
}

export function fmtNum(x: number | null | undefined): string {
  return x == null || !Number.isFinite(x) ? "—" : String(round(x, 1));
}

/** A target: met when the value is at most (or at least) the limit; unknown when the value is missing. */
export type Target = { op: "<=" | ">=" | "=="; limit: number; label: string };

export function meets(value: number | null | undefined, t: Target): boolean | null {
  if (value == null || !Number.isFinite(value)) return null;
  if (t.op === "<=") return value <= t.limit;
  if (t.op === ">=") return value >= t.limit;
  return value === t.limit;
}

export function fmtMet(m: boolean | null): string {
  return m === null ? "n/a" : m ? "yes" : "NO";
}

/** Nanosecond timer in milliseconds. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
