"use client";

import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Card, Skeleton } from "@/components/ui/card";
import { CheckboxField, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { LoadError } from "@/components/ui/load-error";
import { requestKeys } from "@/components/requests/keys";
import { apiFetch } from "@/lib/client/api";
import { feeAmount } from "@/lib/requests/fee";
import { updateRequestSettingsSchema, type RequestSettings } from "@/lib/requests/schema";

type Stored = RequestSettings & { version: number };
type Values = { targetDays: string; feeExclTax: string; taxRatePercent: string; retentionMonths: string; publicIntake: boolean };
const valuesOf = (s: Stored): Values => ({
  targetDays: String(s.targetDays),
  feeExclTax: String(s.feeExclTax),
  taxRatePercent: String(s.taxRatePercent),
  retentionMonths: String(s.retentionMonths),
  publicIntake: s.publicIntake,
});
const whole = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : null);

/** Requests from individuals (docs/domain.md §7): the answer target, the policy's fee and tax rate, how long closed requests are kept. */
export function RequestSettingsCard() {
  const t = useTranslations("requests.settings");
  const q = useQuery({ queryKey: requestKeys.settings, queryFn: () => apiFetch<Stored>("/api/v1/settings/requests") });
  return (
    <Card title={t("title")}>
      {q.isPending ? <Skeleton className="h-24 w-full" /> : q.isError && !q.data ? <LoadError onRetry={() => q.refetch()} /> : <RequestSettingsForm stored={q.data} />}
    </Card>
  );
}

function RequestSettingsForm({ stored }: { stored: Stored }) {
  const t = useTranslations("requests.settings");
  const qc = useQueryClient();
  const [saved, setSaved] = useState(false);
  const f = useForm({
    initial: valuesOf(stored),
    record: stored,
    followRecord: true,
    schema: updateRequestSettingsSchema,
    submit: (body) => apiFetch<Stored>("/api/v1/settings/requests", { method: "PUT", json: body }),
    onSaved: (s) => {
      qc.setQueryData(requestKeys.settings, s);
      void qc.invalidateQueries({ queryKey: ["requests"] });
      setSaved(true);
    },
    loadLatest: () => apiFetch<Stored>("/api/v1/settings/requests"),
    compare: { targetDays: t("targetDays"), feeExclTax: t("feeExclTax"), taxRatePercent: t("taxRatePercent"), retentionMonths: t("retentionMonths"), publicIntake: t("publicIntake") },
    toValues: valuesOf,
  });
  const numberField = (name: keyof Values, min: number, max: number) => {
    const field = f.field(name);
    return {
      ...field,
      type: "number",
      inputMode: "numeric" as const,
      min,
      max,
      step: 1,
      onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
        field.onChange(e);
        setSaved(false);
      },
    };
  };
  const fee = whole(f.values.feeExclTax);
  const rate = whole(f.values.taxRatePercent);
  const amount = fee !== null && rate !== null && rate <= 30 ? feeAmount(fee, rate) : null;
  return (
    <Form form={f}>
      <p className="text-sm text-slate-700">{t("description")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("targetDays")} hint={t("targetDaysHint")} className="max-w-32" {...numberField("targetDays", 1, 90)} />
        <TextField label={t("retentionMonths")} hint={t("retentionMonthsHint")} className="max-w-32" {...numberField("retentionMonths", 1, 240)} />
        <TextField label={t("feeExclTax")} hint={t("feeHint")} className="max-w-40" {...numberField("feeExclTax", 0, 100_000)} />
        <TextField label={t("taxRatePercent")} className="max-w-32" {...numberField("taxRatePercent", 0, 30)} />
      </div>
      <p className="text-sm text-slate-700" aria-live="polite">
        {amount ? t("feePreview", { excl: amount.exclTax, tax: amount.tax, incl: amount.inclTax }) : null}
      </p>
      <CheckboxField
        label={t("publicIntake")}
        hint={t("publicIntakeHint", { path: "/request" })}
        checked={f.values.publicIntake}
        onChange={(e) => {
          f.setValue("publicIntake", e.target.checked);
          setSaved(false);
        }}
      />
      {stored.publicIntake ? (
        <p className="text-sm">
          <a href="/request" target="_blank" rel="noopener" className="text-brand-700 underline underline-offset-2">
            {t("openIntake")}
          </a>
        </p>
      ) : null}
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
    </Form>
  );
}
