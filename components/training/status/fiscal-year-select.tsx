"use client";

import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import { uiLocale } from "./format";

/** 2026年度 / FY2026, newest first. */
export function FiscalYearSelect({ value, years, onChange, className = "" }: { value: number; years: number[]; onChange: (fy: number) => void; className?: string }) {
  const t = useTranslations("trainingStatus");
  const locale = uiLocale(useLocale());
  const id = useId();
  const options = years.includes(value) ? years : [value, ...years].sort((a, b) => b - a);
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {t("fiscalYear")}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        className="min-h-9 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      >
        {options.map((fy) => (
          <option key={fy} value={fy}>
            {fiscalYearLabel(fy, locale)}
          </option>
        ))}
      </select>
    </div>
  );
}
