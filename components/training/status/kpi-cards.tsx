"use client";

import Link from "@/components/ui/link";
import { useLocale, useTranslations } from "next-intl";
import type { TrainingStatus } from "@/lib/training/status";
import type { StatusCounts } from "@/lib/training/status-summary";
import { STATUS_COLOR, formatRate, uiLocale } from "./format";

const ORDER: { status: TrainingStatus; key: "compliant" | "dueSoon" | "overdue" | "exempt" }[] = [
  { status: "overdue", key: "overdue" },
  { status: "due_soon", key: "dueSoon" },
  { status: "compliant", key: "compliant" },
  { status: "exempt", key: "exempt" },
];

/** The five figures an executive reads first; each opens the list behind it. */
export function KpiCards({ counts, hrefFor, listHref }: { counts: StatusCounts; hrefFor: (s: TrainingStatus) => string; listHref: string }) {
  const t = useTranslations("trainingStatus");
  const ts = useTranslations("statuses");
  const locale = uiLocale(useLocale());
  return (
    <section aria-label={t("kpi.label")} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      <Link
        href={listHref}
        className="col-span-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 sm:col-span-3 lg:col-span-1"
      >
        <p className="text-sm font-medium text-slate-600">{t("kpi.rate")}</p>
        <p className="mt-1 text-4xl font-bold tabular-nums text-brand-800">{formatRate(counts.rate, locale)}</p>
        <p className="mt-1 text-xs text-slate-600">
          {counts.required === 0 ? t("kpi.rateNone") : t("kpi.rateDetail", { required: counts.required, compliant: counts.compliant })}
        </p>
        <div className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
          <div className="h-full rounded-full" style={{ width: `${Math.round((counts.rate ?? 0) * 100)}%`, background: "var(--status-compliant)" }} />
        </div>
      </Link>
      {ORDER.map(({ status, key }) => {
        const n = counts[key];
        return (
          <Link
            key={status}
            href={hrefFor(status)}
            aria-label={t("kpi.openList", { status: ts(status), count: n })}
            className="rounded-lg border border-l-4 border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
            style={{ borderLeftColor: STATUS_COLOR[status] }}
          >
            <p className="text-sm font-medium text-slate-700">{ts(status)}</p>
            <p className={`mt-1 text-3xl font-bold tabular-nums ${status === "overdue" && n > 0 ? "text-red-800" : "text-slate-900"}`}>
              {t("count", { count: n })}
            </p>
          </Link>
        );
      })}
    </section>
  );
}
