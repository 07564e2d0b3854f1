import type { useTranslations } from "next-intl";
import { SCORE_BANDS } from "@/lib/dashboard/score";
import type { ComplianceScoreDto } from "@/lib/dashboard/schema";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import { monthLabel } from "./format";

/** The lowest scores of the "good" and "attention" bands (lib/dashboard/score.ts). */
export const SCORE_GOOD = SCORE_BANDS.find((b) => b.band === "good")!.min;
export const SCORE_ATTENTION = SCORE_BANDS.find((b) => b.band === "attention")!.min;

/**
 * The props of the score trend chart, the same on the dashboard and the score page: the months with
 * a score on a 0–100 axis, the band limits as reference lines, and its table.
 */
export function scoreTrendChart(data: ComplianceScoreDto, t: ReturnType<typeof useTranslations<"dashboard">>, locale: string) {
  return {
    data: data.months.filter((m) => m.score !== null).map((m) => ({ key: m.month, label: monthLabel(m.month, locale), value: m.score! })),
    ariaLabel: `${t("score.trend")} ${fiscalYearLabel(data.fiscalYear, locale as "ja" | "en")}`,
    formatValue: (v: number) => String(v),
    domain: [0, 100] as [number, number],
    references: [
      { value: SCORE_GOOD, label: t("score.band.good"), color: "#15803d" },
      { value: SCORE_ATTENTION, label: t("score.band.attention"), color: "#b45309" },
    ],
    table: { toggle: t("charts.showTable"), caption: t("score.trend"), labelHeader: t("charts.month"), valueHeader: t("charts.score") },
  };
}
