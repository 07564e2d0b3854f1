import type { TrainingStatus } from "@/lib/training/status";

export type UiLocale = "ja" | "en";
export const uiLocale = (l: string): UiLocale => (l === "en" ? "en" : "ja");

/** 0.825 → "82.5%", 0.66 → "66.0%" (one decimal always, so figures line up); null (nothing required) → "—". */
export function formatRate(rate: number | null, locale: UiLocale): string {
  if (rate === null) return "—";
  return new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

export function formatCount(n: number, locale: UiLocale): string {
  return new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US").format(n);
}

/** "2026-06" → "6月" / "Jun". */
export function monthLabel(month: string, locale: UiLocale): string {
  return new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", { month: "short", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
}

export const STATUS_COLOR: Record<TrainingStatus, string> = {
  compliant: "var(--status-compliant)",
  due_soon: "var(--status-due-soon)",
  overdue: "var(--status-overdue)",
  exempt: "var(--status-exempt)",
};
