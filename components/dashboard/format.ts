/** Display helpers shared by the dashboard's widgets (locale-aware, no hard-coded format). */
export function formatPercent(v: number | null, locale: string): string {
  if (v === null) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(v);
}

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** "2026-04" → "4月" (ja) / "Apr" (en). */
export function monthLabel(month: string, locale: string): string {
  const m = Number(month.slice(5, 7));
  if (locale === "ja") return `${m}月`;
  return new Intl.DateTimeFormat("en", { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2000, m - 1, 1)));
}
