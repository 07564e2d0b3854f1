"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";
import { CheckboxField, TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { SettingsCard, useSettingsForm } from "./settings-form";
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
    <SettingsCard title={t("title")} query={q}>
      {(stored) => <RequestSettingsForm stored={stored} />}
    </SettingsCard>
  );
}

function RequestSettingsForm({ stored }: { stored: Stored }) {
  const t = useTranslations("requests.settings");
  const qc = useQueryClient();
  const { f, saved, setSaved, bind } = useSettingsForm({
    url: "/api/v1/settings/requests",
    queryKey: requestKeys.settings,
    stored,
    valuesOf,
    schema: updateRequestSettingsSchema,
    compare: { targetDays: t("targetDays"), feeExclTax: t("feeExclTax"), taxRatePercent: t("taxRatePercent"), retentionMonths: t("retentionMonths"), publicIntake: t("publicIntake") },
    onSaved: () => void qc.invalidateQueries({ queryKey: ["requests"] }),
  });
  const numberField = (name: "targetDays" | "feeExclTax" | "taxRatePercent" | "retentionMonths", min: number, max: number) => ({
    ...bind(name),
    type: "number",
    inputMode: "numeric" as const,
    min,
    max,
    step: 1,
  });
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
