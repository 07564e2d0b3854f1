"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { DEFAULT_FY_START_MONTH, currentFiscalYear, fiscalYearLabel, fiscalYearRange } from "@/lib/fiscal-year";
import { formatDate } from "@/lib/dates";
import { updateSettingsSchema, type Settings } from "@/lib/settings/schema";
import { Alert, Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";

type Stored = Settings & { version: number };
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const SETTINGS_KEY = ["settings"] as const;
const valuesOf = (s: Stored) => ({ fiscalYearStartMonth: String(s.fiscalYearStartMonth) });

export function FiscalYearSettings({ initial, today }: { initial: Stored; today: string }) {
  const t = useTranslations("settings");
  const locale = useLocale() === "en" ? "en" : "ja";
  const router = useRouter();
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => apiFetch<Stored>("/api/v1/settings"), initialData: initial });
  const stored = settings.data;
  const [notice, setNotice] = useState<string | null>(null);
  const f = useForm({
    initial: valuesOf(stored),
    record: stored,
    followRecord: true,
    schema: updateSettingsSchema,
    submit: (body) => apiFetch<Stored>("/api/v1/settings", { method: "PUT", json: body }),
    onSaved: (s) => {
      qc.setQueryData(SETTINGS_KEY, s);
      setNotice(t("saved"));
      // Every "this year" elsewhere depends on this setting: refetch whatever is cached.
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SETTINGS_KEY[0] });
      router.refresh();
    },
    loadLatest: () => apiFetch<Stored>("/api/v1/settings"),
    compare: { fiscalYearStartMonth: t("fiscalYear.startMonth") },
    toValues: valuesOf,
  });
  const month = f.values.fiscalYearStartMonth;

  const m = Number(month);
  const valid = Number.isInteger(m) && m >= 1 && m <= 12;
  const fy = valid ? currentFiscalYear(today, m) : null;
  const range = fy !== null ? fiscalYearRange(fy, m) : null;
  const label = fy !== null ? fiscalYearLabel(fy, locale) : "";
  const monthField = f.field("fiscalYearStartMonth");

  return (
    <Card title={t("fiscalYear.title")}>
      <Form
        form={{
          ...f,
          onSubmit: (e) => {
            e?.preventDefault();
            setNotice(null);
            // Saving the month it already has changes nothing (a first save of the default does store it).
            if (Number(month) === stored.fiscalYearStartMonth && stored.version > 0) setNotice(t("unchanged"));
            else f.save();
          },
        }}
      >
        <p className="text-sm text-slate-700">{t("fiscalYear.help")}</p>
        <div className="max-w-xs">
          <SelectField
            label={t("fiscalYear.startMonth")}
            required
            {...monthField}
            onChange={(e) => {
              monthField.onChange(e);
              setNotice(null);
            }}
          >
            {MONTHS.map((n) => (
              <option key={n} value={String(n)}>
                {t(`months.${n}`)}
                {n === DEFAULT_FY_START_MONTH ? ` ${t("fiscalYear.default")}` : ""}
              </option>
            ))}
          </SelectField>
        </div>
        {range ? (
          <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm" aria-live="polite">
            <p className="font-medium text-slate-900" data-testid="fiscal-year-example">
              {t.rich("fiscalYear.example", {
                label,
                start: formatDate(range.start),
                end: formatDate(range.end),
                nowrap: (chunks) => <span className="whitespace-nowrap">{chunks}</span>,
              })}
            </p>
            <p className="text-slate-700">{t("fiscalYear.today", { today: formatDate(today), label })}</p>
          </div>
        ) : null}
        <p className="text-xs text-slate-600">{t("fiscalYear.changeNote")}</p>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
      </Form>
    </Card>
  );
}
