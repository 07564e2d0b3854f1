"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { RiskLevel } from "@/lib/register/risk";

const LEVEL_TONES: Record<RiskLevel, "green" | "amber" | "red" | "blue"> = { low: "green", medium: "blue", high: "amber", critical: "red" };

/** Cell colours of a level (with text in each cell, so never the colour alone). */
export const LEVEL_CELL: Record<RiskLevel, string> = {
  low: "bg-green-50 text-green-900",
  medium: "bg-sky-50 text-sky-900",
  high: "bg-amber-100 text-amber-900",
  critical: "bg-red-100 text-red-900",
};

/** A rating as "4 × 3 = 12" with its level as a word, read out in full by screen readers. */
export function Rating({ likelihood, impact, score, level }: { likelihood: number; impact: number; score: number; level: RiskLevel }) {
  const t = useTranslations("registerRisks");
  return (
    <span className="inline-flex flex-wrap items-center gap-1 whitespace-nowrap">
      <span aria-hidden="true" className="font-mono text-xs">
        {t("rating", { likelihood, impact, score })}
      </span>
      <span className="sr-only">{t("ratingLabel", { likelihood, impact, score, level: t(`level.${level}`) })}</span>
      <span aria-hidden="true">
        <Badge tone={LEVEL_TONES[level]}>{t(`level.${level}`)}</Badge>
      </span>
    </span>
  );
}
