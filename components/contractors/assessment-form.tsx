"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { ASSESSMENT_TYPES, nextAssessmentDue, type AssessmentType } from "@/lib/contractors/rules";
import { createAssessmentSchema, type AssessmentDto, type TemplateDto } from "@/lib/contractors/schema";
import { resultFor, weightedTotal } from "@/lib/contractors/scoring";
import { formatDate, isDateString } from "@/lib/dates";
import { issuesToFieldErrors } from "@/lib/validation/issues";
import { ResultBadge, contractorKeys, focusFirstError } from "./shared";

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
  const tc = useTranslations("common");
  const tAll = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const qc = useQueryClient();
  const formRef = useRef<HTMLFormElement | null>(null);
  const [type, setType] = useState<AssessmentType>(defaultType);
  const [assessedOn, setAssessedOn] = useState(today);
  const [who, setWho] = useState(assessor);
  const [scores, setScores] = useState<Record<string, number | null>>(Object.fromEntries(template.criteria.map((c) => [c.key, null])));
  const [comments, setComments] = useState<Record<string, string>>({});
  const [conditions, setConditions] = useState("");
  const [nextDueOn, setNextDueOn] = useState("");
  const [evidence, setEvidence] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const total = weightedTotal(
    template.criteria,
    template.criteria.map((c) => ({ key: c.key, score: scores[c.key] })),
    template.maxScore,
  );
  const result = total === null ? null : resultFor(total, template);
  const months = contractor.reassessmentMonths ?? 12;
  const defaultDue = isDateString(assessedOn) ? nextAssessmentDue(assessedOn, contractor.reassessmentMonths) : null;
  const totalWeight = template.criteria.reduce((n, c) => n + c.weight, 0);

  const save = useMutation({
    mutationFn: (body: unknown) => apiFetch<AssessmentDto>(`/api/v1/contractors/${contractor.id}/assessments`, { method: "POST", json: body }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: contractorKeys.all });
      router.push(`/contractors/${contractor.id}?assessed=1`);
      router.refresh();
    },
    onError: (err) => {
      if (err instanceof ApiProblem) {
        setErrors(mapScoreErrors(err.fieldErrors));
        setProblem(err.detail ?? err.title);
      } else setProblem(tc("errorBody"));
      focusFirstError(formRef.current);
    },
  });

  /** scores.3.score → the criterion's key, so the message sits beside the right group. */
  function mapScoreErrors(fields: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields)) {
      const m = /^scores\.(\d+)\./.exec(k);
      const m2 = /^scores\.([a-z][a-z0-9_]*)$/.exec(k);
      if (m) out[`score:${template.criteria[Number(m[1])]?.key ?? k}`] ??= v;
      else if (m2) out[`score:${m2[1]}`] ??= v;
      else out[k] ??= v;
    }
    return out;
  }

  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    formRef.current = e.currentTarget;
    setProblem(null);
    const missing: Record<string, string> = {};
    for (const c of template.criteria) if (scores[c.key] === null) missing[`score:${c.key}`] = tAll("validation.required");
    const body = {
      templateId: template.id,
      type,
      assessedOn,
      assessor: who,
      scores: template.criteria.map((c) => ({ key: c.key, score: scores[c.key], comment: comments[c.key] ?? "" })),
      conditions,
      nextDueOn,
      evidence,
    };
    const parsed = createAssessmentSchema.safeParse(body);
    const found: Record<string, string> = { ...missing };
    if (!parsed.success) for (const fe of issuesToFieldErrors(parsed.error.issues)) found[fe.field] ??= tAll(fe.messageKey, fe.values);
    if (assessedOn > today) found.assessedOn ??= t("errors.assessedInFuture");
    const mapped = mapScoreErrors(found);
    if (Object.keys(mapped).length) {
      setErrors(mapped);
      setProblem(tAll("problems.validation"));
      focusFirstError(formRef.current);
      return;
    }
    save.mutate(body);
  };

  const name = (c: TemplateDto["criteria"][number]) => (locale === "en" ? c.labelEn : c.labelJa);
  const guidance = (c: TemplateDto["criteria"][number]) => (locale === "en" ? c.guidanceEn : c.guidanceJa);

  return (
    <div className="space-y-4">
      <PageHeader title={t("newTitle", { name: contractor.name })} description={t("newDescription")} />
      <form onSubmit={submit} noValidate className="space-y-4">
        {problem ? <Alert tone="error">{problem}</Alert> : null}
        <Card>
          <div className="grid gap-4 md:grid-cols-3">
            <SelectField label={t("fields.type")} required value={type} onChange={(e) => setType(e.target.value as AssessmentType)} error={errors.type}>
              {ASSESSMENT_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`type.${x}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t("fields.assessedOn")} type="date" required max={today} value={assessedOn} onChange={(e) => setAssessedOn(e.target.value)} error={errors.assessedOn} />
            <TextField label={t("fields.assessor")} required value={who} onChange={(e) => setWho(e.target.value)} error={errors.assessor} maxLength={100} />
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
                    <div className="mt-2 flex flex-wrap gap-1" role="radiogroup" aria-label={t("fields.scoreOf", { label: name(c), max: template.maxScore })}>
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
                              setScores((cur) => ({ ...cur, [c.key]: s }));
                              setErrors((cur) => {
                                const next = { ...cur };
                                delete next[`score:${c.key}`];
                                return next;
                              });
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
                        onChange={(e) => setComments((cur) => ({ ...cur, [c.key]: e.target.value }))}
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
                value={conditions}
                onChange={(e) => setConditions(e.target.value)}
                error={errors.conditions}
                rows={3}
              />
            </div>
            <TextField
              label={t("fields.nextDueOn")}
              type="date"
              value={nextDueOn}
              onChange={(e) => setNextDueOn(e.target.value)}
              error={errors.nextDueOn}
              hint={defaultDue ? t("fields.nextDueHint", { months, date: formatDate(defaultDue) }) : undefined}
            />
            <TextField label={t("fields.evidence")} value={evidence} onChange={(e) => setEvidence(e.target.value)} error={errors.evidence} maxLength={1000} />
          </div>
        </Card>

        <div className="flex flex-wrap justify-end gap-2">
          <ButtonLink href={`/contractors/${contractor.id}`}>{tc("cancel")}</ButtonLink>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? tc("saving") : tc("save")}
          </Button>
        </div>
      </form>
    </div>
  );
}
