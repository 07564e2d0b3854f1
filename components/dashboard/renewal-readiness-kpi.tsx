"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";
import type { ReadinessDto } from "@/lib/renewal/readiness-schema";
import { Kpi } from "./kpi";

/**
 * The renewal readiness card (from 10 months before the certificate expires): the checks not met, in
 * progress and met. It loads GET /api/v1/renewal/readiness on its own, after the dashboard: judging three
 * fiscal years of training, audits and reports is heavier than every other figure of the summary together,
 * so the summary only says whether the card is due (docs/domain.md, "Renewal readiness").
 */
export function RenewalReadinessKpi({ href }: { href: string }) {
  const t = useTranslations("renewal.card");
  const td = useTranslations("dashboard");
  const q = useQuery({ queryKey: ["renewal", "readiness"], queryFn: () => apiFetch<ReadinessDto>("/api/v1/renewal/readiness") });
  if (q.isError && !q.data) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="kpi-renewal-readiness">
        <h3 className="text-sm font-medium text-slate-700">{t("title")}</h3>
        <LoadError onRetry={() => q.refetch()}>{td("loadError")}</LoadError>
      </div>
    );
  }
  if (!q.data) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="kpi-renewal-readiness" aria-busy="true">
        <h3 className="text-sm font-medium text-slate-700">{t("title")}</h3>
        <Skeleton className="mt-2 h-9 w-24" />
        <Skeleton className="mt-2 h-3 w-40" />
      </div>
    );
  }
  const c = q.data.counts;
  return (
    <Kpi
      id="renewal-readiness"
      label={t("title")}
      value={c.failing ? t("value", { count: c.failing }) : t("allMet")}
      href={href}
      tone={c.failing ? "critical" : c.open ? "attention" : "good"}
      detail={t("detail", { open: c.open, passing: c.passing })}
    />
  );
}
