"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Card, Skeleton } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { ActionMessage, Form, useForm } from "@/components/ui/form";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";
import { POSSIBLE_SCORES, levelOfScore } from "@/lib/register/risk";
import { updateRiskThresholdSchema, type RiskThreshold } from "@/lib/register/risk-schema";
import { riskKeys } from "./keys";

type Threshold = RiskThreshold & { version: number };

/** The high-risk threshold: shown to everyone, changed by the privacy manager (a keyed setting). */
export function ThresholdCard({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("registerRisks");
  const q = useQuery({ queryKey: riskKeys.threshold, queryFn: () => apiFetch<Threshold>("/api/v1/register/risks/threshold") });
  return (
    <Card title={t("threshold.title")}>
      <p className="mb-3 text-sm text-slate-700">{t("threshold.description")}</p>
      {q.isPending ? (
        <Skeleton className="h-10 w-48" />
      ) : q.isError ? (
        <LoadError onRetry={() => q.refetch()} />
      ) : canEdit ? (
        <ThresholdForm record={q.data} />
      ) : (
        <p className="text-sm font-medium text-slate-900">{t("threshold.current", { score: q.data.highThreshold })}</p>
      )}
    </Card>
  );
}

function ThresholdForm({ record }: { record: Threshold }) {
  const t = useTranslations("registerRisks");
  const tc = useTranslations("common");
  const toValues = (r: Threshold) => ({ highThreshold: String(r.highThreshold) });
  const f = useForm({
    initial: toValues(record),
    record,
    schema: updateRiskThresholdSchema,
    submit: (body) => apiFetch<Threshold>("/api/v1/register/risks/threshold", { method: "PUT", json: body }),
    invalidate: [riskKeys.all],
    loadLatest: () => apiFetch<Threshold>("/api/v1/register/risks/threshold"),
    compare: { highThreshold: t("threshold.label") },
    toValues,
    followRecord: true,
  });
  return (
    <Form form={f} className="flex flex-wrap items-end gap-3">
      <div className="w-64">
        <SelectField label={t("threshold.label")} {...f.field("highThreshold")}>
          {POSSIBLE_SCORES.map((s) => (
            <option key={s} value={s}>
              {s}
              {tc("inParens", { text: t(`level.${levelOfScore(s)}`) })}
            </option>
          ))}
        </SelectField>
      </div>
      {f.saved && !f.problem ? <ActionMessage message={{ tone: "success", text: t("threshold.saved") }} /> : null}
    </Form>
  );
}
