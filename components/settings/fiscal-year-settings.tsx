"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { DEFAULT_FY_START_MONTH, currentFiscalYear, fiscalYearLabel, fiscalYearRange } from "@/lib/fiscal-year";
import { formatDate } from "@/lib/dates";
import { updateSettingsSchema, type Settings } from "@/lib/settings/schema";
import { issuesToFieldErrors } from "@/lib/validation/issues";
import { Alert, Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

type Stored = Settings & { version: number };
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const SETTINGS_KEY = ["settings"] as const;

export function FiscalYearSettings({ initial, today }: { initial: Stored; today: string }) {
  const t = useTranslations("settings");
  const tAll = useTranslations() as unknown as (key: string, values?: Record<string, string | number>) => string;
  const locale = useLocale() === "en" ? "en" : "ja";
  const router = useRouter();
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => apiFetch<Stored>("/api/v1/settings"), initialData: initial });
  const stored = settings.data;
  const [month, setMonth] = useState(String(stored.fiscalYearStartMonth));
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (body: Stored) => apiFetch<Stored>("/api/v1/settings", { method: "PUT", json: body }),
    onSuccess: (s) => {
      qc.setQueryData(SETTINGS_KEY, s);
      setMonth(String(s.fiscalYearStartMonth));
      setNotice(t("saved"));
      // Every "this year" elsewhere depends on this setting: refetch whatever is cached.
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SETTINGS_KEY[0] });
      router.refresh();
    },
    onError: (err) => setError(err instanceof ApiProblem ? err.fieldErrors.fiscalYearStartMonth : undefined),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    const r = updateSettingsSchema.safeParse({ fiscalYearStartMonth: month, version: stored.version });
    if (!r.success) {
      const first = issuesToFieldErrors(r.error.issues)[0];
      setError(tAll(first.messageKey, first.values));
      return;
    }
    setError(undefined);
    if (r.data.fiscalYearStartMonth === stored.fiscalYearStartMonth && stored.version > 0) {
      setNotice(t("unchanged"));
      return;
    }
    save.mutate(r.data);
  }

  async function reload() {
    save.reset();
    const fresh = await settings.refetch();
    if (fresh.data) setMonth(String(fresh.data.fiscalYearStartMonth));
  }

  const m = Number(month);
  const valid = Number.isInteger(m) && m >= 1 && m <= 12;
  const fy = valid ? currentFiscalYear(today, m) : null;
  const range = fy !== null ? fiscalYearRange(fy, m) : null;
  const label = fy !== null ? fiscalYearLabel(fy, locale) : "";
  const conflict = save.error instanceof ApiProblem && save.error.status === 409 ? save.error : null;

  return (
    <Card title={t("fiscalYear.title")}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <p className="text-sm text-slate-700">{t("fiscalYear.help")}</p>
        <div className="max-w-xs">
          <SelectField
            label={t("fiscalYear.startMonth")}
            required
            name="fiscalYearStartMonth"
            value={month}
            error={error}
            onChange={(e) => {
              setMonth(e.target.value);
              setNotice(null);
              setError(undefined);
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
        {conflict ? (
          <Alert tone="error">
            <span className="block">{conflict.detail ?? conflict.title}</span>
            <Button variant="secondary" className="mt-2" onClick={() => void reload()}>
              {t("reload")}
            </Button>
          </Alert>
        ) : save.isError && !error ? (
          <Alert tone="error">{save.error instanceof ApiProblem && save.error.status < 500 && save.error.detail ? save.error.detail : t("failed")}</Alert>
        ) : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t("saving") : t("save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
