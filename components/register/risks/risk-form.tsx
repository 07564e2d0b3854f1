"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EnumSelect, IdSelect, TextAreaField } from "@/components/ui/field";
import { Form, FormDialog, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import type { Page } from "@/lib/list/page";
import { LIFECYCLE_STAGES, RISK_THREATS, SAFEGUARD_KINDS, type LifecycleStage, type RiskThreat, type SafeguardKind } from "@/lib/register/enums";
import { MAX_COUNTERMEASURES, createRiskSchema, updateRiskSchema, type RiskDetail, type RiskDto } from "@/lib/register/risk-schema";
import type { RegulationDto } from "@/lib/regulations/schema";
import { riskKeys } from "./keys";

const SCALE = ["1", "2", "3", "4", "5"] as const;
type Point = (typeof SCALE)[number];
type MeasureRow = { safeguard: SafeguardKind; description: string; regulationId: string };

const FIELDS = ["stage", "threat", "description", "likelihood", "impact", "residualLikelihood", "residualImpact"] as const;

const valuesOf = (r: RiskDto | undefined, stage: LifecycleStage) => ({
  stage: r?.stage ?? stage,
  threat: (r?.threat ?? "leak") as RiskThreat,
  description: r?.description ?? "",
  likelihood: String(r?.likelihood ?? 3) as Point,
  impact: String(r?.impact ?? 3) as Point,
  residualLikelihood: String(r?.residualLikelihood ?? 2) as Point,
  residualImpact: String(r?.residualImpact ?? 3) as Point,
  measures: (r?.countermeasures ?? []).map((c): MeasureRow => ({ safeguard: c.safeguard, description: c.description, regulationId: c.regulationId == null ? "" : String(c.regulationId) })),
});

/** The regulations a countermeasure can cite (the register of rules, live ones). */
function useRegulationOptions() {
  const q = useQuery({
    queryKey: ["regulations", "options"],
    queryFn: () => apiFetch<Page<RegulationDto>>("/api/v1/regulations?pageSize=200&sort=code"),
    staleTime: 60_000,
  });
  return (q.data?.items ?? []).filter((r) => r.status !== "retired").map((r) => ({ id: r.id, label: `${r.code} ${r.title}` }));
}

/** Add a risk to an item at a stage, or edit one: the same zod schema as the API, server errors beside the fields. */
export function RiskFormDialog({
  open,
  onClose,
  itemId,
  stage,
  risk,
}: {
  open: boolean;
  onClose: () => void;
  itemId: number;
  stage: LifecycleStage;
  risk?: RiskDto;
}) {
  const t = useTranslations("registerRisks");
  return (
    <FormDialog open={open} onClose={onClose} wide recordId={risk?.id} title={risk ? t("editTitle") : t("newTitle", { stage: t(`stage.${stage}`) })}>
      <RiskForm itemId={itemId} stage={stage} risk={risk} onDone={onClose} />
    </FormDialog>
  );
}

function RiskForm({ itemId, stage, risk, onDone }: { itemId: number; stage: LifecycleStage; risk?: RiskDto; onDone: () => void }) {
  const t = useTranslations("registerRisks");
  const regulations = useRegulationOptions();
  const f = useForm({
    initial: valuesOf(risk, stage),
    record: risk,
    schema: risk ? updateRiskSchema : createRiskSchema,
    toInput: ({ measures, ...v }) => ({
      ...(risk ? {} : { itemId }),
      ...v,
      countermeasures: measures.map((m) => ({ safeguard: m.safeguard, description: m.description, regulationId: m.regulationId })),
    }),
    fields: (field) => (FIELDS as readonly string[]).includes(field) || field.startsWith("countermeasures."),
    submit: (body) =>
      risk
        ? apiFetch<RiskDto>(`/api/v1/register/risks/${risk.id}`, { method: "PATCH", json: body })
        : apiFetch<RiskDto>("/api/v1/register/risks", { method: "POST", json: body }),
    invalidate: [riskKeys.all],
    onSaved: onDone,
    loadLatest: risk ? () => apiFetch<RiskDetail>(`/api/v1/register/risks/${risk.id}`).then((d) => d.risk) : undefined,
    compare: {
      stage: t("fields.stage"),
      threat: t("fields.threat"),
      description: t("fields.description"),
      likelihood: t("fields.likelihood"),
      impact: t("fields.impact"),
      countermeasures: t("fields.countermeasures"),
      residualLikelihood: t("fields.residualLikelihood"),
      residualImpact: t("fields.residualImpact"),
      acceptedOn: t("fields.acceptance"),
    },
    toValues: (latest) => valuesOf(latest, stage),
  });
  const measures = f.values.measures;
  const setMeasures = (next: (ms: MeasureRow[]) => MeasureRow[]) => f.setValue("measures", next(measures));
  const likelihoodLabel = (p: Point) => `${p} ${t(`likelihoodScale.${p}`)}`;
  const impactLabel = (p: Point) => `${p} ${t(`impactScale.${p}`)}`;

  return (
    <Form form={f} onCancel={onDone}>
      <div className="grid gap-4 md:grid-cols-2">
        <EnumSelect label={t("fields.stage")} required values={LIFECYCLE_STAGES} optionLabel={(s) => t(`stage.${s}`)} {...f.enumField("stage")} />
        <EnumSelect label={t("fields.threat")} required values={RISK_THREATS} optionLabel={(s) => t(`threat.${s}`)} {...f.enumField("threat")} />
        <div className="md:col-span-2">
          <TextAreaField label={t("fields.description")} required rows={2} maxLength={2000} {...f.field("description")} />
        </div>
        <EnumSelect label={t("fields.likelihood")} required values={SCALE} optionLabel={likelihoodLabel} {...f.enumField("likelihood")} />
        <EnumSelect label={t("fields.impact")} required values={SCALE} optionLabel={impactLabel} {...f.enumField("impact")} />
      </div>

      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{t("fields.countermeasures")}</legend>
        {measures.length === 0 ? <p className="text-sm text-slate-600">{t("noCountermeasures")}</p> : null}
        <ol className="space-y-3">
          {measures.map((m, i) => (
            <li key={i} className="grid items-end gap-3 rounded-md bg-slate-50 p-3 md:grid-cols-[12rem_1fr]" aria-label={t("countermeasureN", { n: i + 1 })}>
              <EnumSelect
                label={t("fields.safeguard")}
                values={SAFEGUARD_KINDS}
                value={m.safeguard}
                error={f.errors[`countermeasures.${i}.safeguard`]}
                onValueChange={(safeguard) => safeguard && setMeasures((ms) => ms.map((x, j) => (j === i ? { ...x, safeguard } : x)))}
                optionLabel={(k) => t(`safeguard.${k}`)}
              />
              <TextAreaField
                label={t("fields.measure")}
                required
                rows={2}
                maxLength={1000}
                value={m.description}
                error={f.errors[`countermeasures.${i}.description`]}
                onChange={(e) => setMeasures((ms) => ms.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)))}
              />
              <IdSelect
                label={t("fields.regulation")}
                options={regulations}
                empty={t("noRegulation")}
                value={m.regulationId ? Number(m.regulationId) : undefined}
                error={f.errors[`countermeasures.${i}.regulationId`]}
                onValueChange={(id) => setMeasures((ms) => ms.map((x, j) => (j === i ? { ...x, regulationId: id === undefined ? "" : String(id) } : x)))}
              />
              <div className="flex md:justify-end">
                <Button type="button" variant="secondary" onClick={() => setMeasures((ms) => ms.filter((_, j) => j !== i))}>
                  {t("removeCountermeasure")}
                </Button>
              </div>
            </li>
          ))}
        </ol>
        {measures.length < MAX_COUNTERMEASURES ? (
          <Button type="button" variant="secondary" onClick={() => setMeasures((ms) => [...ms, { safeguard: "organizational", description: "", regulationId: "" }])}>
            {t("addCountermeasure")}
          </Button>
        ) : null}
      </fieldset>

      <div className="grid gap-4 md:grid-cols-2">
        <EnumSelect label={t("fields.residualLikelihood")} required values={SCALE} optionLabel={likelihoodLabel} {...f.enumField("residualLikelihood")} />
        <EnumSelect label={t("fields.residualImpact")} required values={SCALE} optionLabel={impactLabel} {...f.enumField("residualImpact")} />
      </div>
    </Form>
  );
}
