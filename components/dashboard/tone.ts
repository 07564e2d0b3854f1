import type { RenewalState } from "@/lib/audits/rules";

/** How a figure reads: good (green, check), attention (amber, triangle), critical (red, cross), info (neutral). */
export type Tone = "good" | "attention" | "critical" | "info";

/** Completion-like rates: 95 % or more is good, 80 % or more needs attention, below is critical. */
export const RATE_GOOD = 0.95;
export const RATE_ATTENTION = 0.8;

export function rateTone(rate: number | null): Tone {
  if (rate === null) return "info";
  return rate >= RATE_GOOD ? "good" : rate >= RATE_ATTENTION ? "attention" : "critical";
}

/** A count of things wrong: none is good; any is `whenAny` (critical for what is late, attention for what is coming). */
export function countTone(n: number, whenAny: Tone = "critical"): Tone {
  return n === 0 ? "good" : whenAny;
}

export function renewalTone(state: RenewalState | null): Tone {
  if (state === null) return "critical";
  return state === "before_window" ? "good" : state === "window_open" ? "attention" : "critical";
}

export function bandTone(band: "good" | "attention" | "critical" | null): Tone {
  return band ?? "info";
}
