"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Card, PageHeader } from "@/components/ui/card";
import { EnumSelect, TextAreaField, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { ASSESSMENT_TYPES, nextAssessmentDue, type AssessmentType } from "@/lib/contractors/rules";
import { createAssessmentSchema, type AssessmentDto, type TemplateDto } from "@/lib/contractors/schema";
import { resultFor, weightedTotal } from "@/lib/contractors/scoring";
import { formatDate, isDateString } from "@/lib/dates";
import { ResultBadge, contractorKeys } from "./shared";

const FIELDS = ["type", "assessedOn", "assessor", "conditions", "nextDueOn", "evidence"];

/** Score the contractor with the current template; total and result update as you go (the server computes them again). */
export function AssessmentForm({
  contractor,
  template,
  defaultType,
  assessor,
  today,
}: {
  contractor: { id: number; name: string; reassessmentMonths: number | null };
  template: TemplateDto;
  defaultType: AssessmentType;
  assessor: string;
  today: string;
}) {
  const t = useTranslations("assessments");
  const locale = useLocale();
  const router = useRouter();
  const f = useForm({
    initial: {
      type: defaultType as AssessmentType | "",
      assessedOn: today,
      assessor,
      scores: Object.fromEntries(template.criteria.map((c) => [c.key, null])) as Record<string, number | null>,
      comments: {} as Record<string, string>,
      conditions: "",
      nextDueOn: "",
      evidence: "",
    },
    schema: createAssessmentSchema,
    toInput: (v) => ({
      templateId: template.id,
      type: v.type,
      assessedOn: v.assessedOn,
      assessor: v.assessor,
      scores: template.criteria.map((c) => ({ key: c.key, score: v.scores[c.key], comment: v.comments[c.key] ?? "" })),
      conditions: v.conditions,
      nextDueOn: v.nextDueOn,
      evidence: v.evidence,
    }),
    // Every criterion needs a score; an assessment is not dated in the future (the server says so too).
    rules: (_parsed, v) => [
      ...template.criteria.filter((c) => v.scores[c.key] === null).map((c) => ({ field: `score:${c.key}`, messageKey: "validation.required" })),
      ...(v.assessedOn > today ? [{ field: "assessedOn", messageKey: "assessments.errors.assessedInFuture" }] : []),
    ],
    // scores.3.score → the criterion's key, so the message sits beside the right group.
    errorField: (k) => {
      const m = /^scores\.(\d+)\./.exec(k);
      const m2 = /^scores\.([a-z][a-z0-9_]*)$/.exec(k);
      return m ? `score:${template.criteria[Number(m[1])]?.key ?? k}` : m2 ? `score:${m2[1]}` : k;
    },
    fields: (k) => FIELDS.includes(k) || k.startsWith("score:"),
    submit: (body) => apiFetch<AssessmentDto>(`/api/v1/contractors/${contractor.id}/assessments`, { method: "POST", json: body }),
    invalidate: [contractorKeys.all],
    onSaved: () => {
      router.push(`/contractors/${contractor.id}?assessed=1`);
      router.refresh();
    },
  });
  const { scores, comments, assessedOn } = f.values;
  const errors = f.errors;

  const total = weightedTotal(
    template.criteria,
    template.criteria.map((c) => ({ key: c.key, score: scores[c.key] })),
    template.maxScore,
  );
  const result = total === null ? null : resultFor(total, template);
  const months = contractor.reassessmentMonths ?? 12;
  const defaultDue = isDateString(assessedOn) ? nextAssessmentDue(assessedOn, contractor.reassessmentMonths) : null;
  const totalWeight = template.criteria.reduce((n, c) => n + c.weight, 0);

  const name = (c: TemplateDto["criteria"][number]) => (locale === "en" ? c.labelEn : c.labelJa);
  const guidance = (c: TemplateDto["criteria"][number]) => (locale === "en" ? c.guidanceEn : c.guidanceJa);

  return (
    <div className="space-y-4">
      <PageHeader title={t("newTitle", { name: contractor.name })} description={t("newDescription")} />
      <Form form={f} onCancel={() => router.push(`/contractors/${contractor.id}`)}>
        <Card>
          <div className="grid gap-4 md:grid-cols-3">
            <EnumSelect
              label={t("fields.type")}
              required
              values={ASSESSMENT_TYPES}
              {...f.enumField("type")}
              optionLabel={(x) => t(`type.${x}`)}
            />
            <TextField label={t("fields.assessedOn")} type="date" required max={today} {...f.field("assessedOn")} />
            <TextField label={t("fields.assessor")} required {...f.field("assessor")} maxLength={100} />
          </div>
          <p className="mt-3 text-sm text-slate-700">
            {t("fields.template")}: {t("templateVersion", { name: locale === "en" ? template.nameEn : template.nameJa, version: template.version })}
          </p>
        </Card>

        <Card title={t("fields.score")}>
          <ol className="space-y-4">
            {template.criteria.map((c, i) => {
              const err = errors[`score:${c.key}`];
              return (
                <li key={c.key} className="rounded-md border border-slate-200 p-3">
                  <fieldset aria-describedby={err ? `err-${c.key}` : undefined}>
                    <legend className="text-sm font-semibold text-slate-900">
                      {i + 1}. {name(c)}{" "}
                      <span className="font-normal text-slate-600">{t("fields.weightShare", { weight: c.weight, share: Math.round((c.weight / totalWeight) * 1000) / 10 })}</span>
                    </legend>
                    {guidance(c) ? <p className="text-xs text-slate-600">{guidance(c)}</p> : null}
                    <div
                      className="mt-2 flex flex-wrap gap-1"
                      role="radiogroup"
                      aria-label={t("fields.scoreOf", { label: name(c), max: template.maxScore })}
                      // Unscored after a save: marked, and the first such group's first score gets the focus (focusFirstError).
                      aria-invalid={err ? true : undefined}
                    >
                      {Array.from({ length: template.maxScore + 1 }, (_, s) => (
                        <label
                          key={s}
                          className={`inline-flex min-h-9 min-w-10 cursor-pointer items-center justify-center rounded-md border px-3 text-sm font-medium focus-within:ring-2 focus-within:ring-brand-600 ${
                            scores[c.key] === s ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
                          }`}
                        >
                          <input
                            type="radio"
                            className="sr-only"
                            name={`score-${c.key}`}
                            value={s}
                            checked={scores[c.key] === s}
                            onChange={() => {
                              f.setValue("scores", { ...scores, [c.key]: s });
                              f.clearError(`score:${c.key}`);
                            }}
                          />
                          {s}
                        </label>
                      ))}
                    </div>
                    {err ? (
                      <p id={`err-${c.key}`} role="alert" className="mt-1 text-xs font-medium text-red-700">
                        {err}
                      </p>
                    ) : null}
                    <div className="mt-2">
                      <TextField
                        label={t("fields.commentFor", { label: name(c) })}
                        value={comments[c.key] ?? ""}
                        onChange={(e) => f.setValue("comments", { ...comments, [c.key]: e.target.value })}
                        maxLength={2000}
                      />
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
        </Card>

        <div className="sticky bottom-0 z-10 rounded-lg border border-slate-300 bg-white p-4 shadow-md" aria-live="polite">
          {total === null ? (
            <p className="text-sm text-slate-700">{t("live.pending")}</p>
          ) : (
            <p className="flex flex-wrap items-center gap-3 text-base font-semibold">
              <span data-testid="live-total">{t("live.total", { total })}</span>
              <span className="flex items-center gap-2">
                {t("fields.result")}: <ResultBadge result={result!} />
              </span>
            </p>
          )}
          <p className="mt-1 text-xs text-slate-600">{t("live.thresholds", { approved: template.approvedMin, conditional: template.conditionalMin })}</p>
        </div>

        <Card>
          <div className="grid gap-4 md:grid-cols-2">
            <div className="md:col-span-2">
              <TextAreaField
                label={t("fields.conditions")}
                hint={t("fields.conditionsHint")}
                {...f.field("conditions")}
                rows={3}
              />
            </div>
            <TextField
              label={t("fields.nextDueOn")}
              type="date"
              {...f.field("nextDueOn")}
              hint={defaultDue ? t("fields.nextDueHint", { months, date: formatDate(defaultDue) }) : undefined}
            />
            <TextField label={t("fields.evidence")} {...f.field("evidence")} maxLength={1000} />
          </div>
        </Card>

</Form>
    </div>
  );
}
