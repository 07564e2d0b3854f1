"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { fiscalYearLabel } from "@/lib/fiscal-year";

/** The fiscal year the dashboard shows; a change loads /dashboard?fy=… */
export function FiscalYearPicker({ value, years }: { value: number; years: number[] }) {
  const t = useTranslations("dashboard");
  const locale = useLocale() as "ja" | "en";
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
      {t("fiscalYear")}
      <select className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm" value={value} onChange={(e) => router.push(`/dashboard?fy=${e.target.value}`)}>
        {years.map((y) => (
          <option key={y} value={y}>
            {fiscalYearLabel(y, locale)}
          </option>
        ))}
      </select>
    </label>
  );
}
