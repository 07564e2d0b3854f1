"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert, Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { updateTemplateSchema, type TemplateDto } from "@/lib/contractors/schema";
import { formatDateTime } from "@/lib/dates";
import { contractorKeys } from "./shared";
import { ScrollArea } from "@/components/ui/data-table";

type Criterion = TemplateDto["criteria"][number];
type Draft = { nameJa: string; nameEn: string; maxScore: string; approvedMin: string; conditionalMin: string; criteria: (Omit<Criterion, "weight"> & { weight: string })[] };

/** The assessment criteria: read by everyone; the privacy manager revises them (each save is a new version). */
export function TemplateEditor({ initial, canEdit }: { initial: TemplateDto[]; canEdit: boolean }) {
  const t = useTranslations("assessments.templates");
  const locale = useLocale();
  const q = useQuery({
    queryKey: [...contractorKeys.templates, "all"],
    queryFn: async () => (await apiFetch<{ items: TemplateDto[] }>("/api/v1/assessment-templates?all=true")).items,
    initialData: initial,
  });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const current = q.data.find((x) => x.current) ?? null;
  const older = q.data.filter((x) => !x.current);

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canEdit && current && !editing ? (
            <Button
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
            >
              {t("edit")}
            </Button>
          ) : undefined
        }
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {!current ? (
        <EmptyState>{t("noTemplate")}</EmptyState>
      ) : editing ? (
        <TemplateForm
          template={current}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setNotice(t("saved", { version: saved.version }));
          }}
        />
      ) : (
        <TemplateView template={current} locale={locale} />
      )}
      {older.length ? (
        <Card title={t("versions")}>
          <ul className="space-y-2 text-sm">
            {older.map((o) => (
              <li key={o.id}>
                <details>
                  <summary className="cursor-pointer">
                    {t("version", { version: o.version })} · {locale === "en" ? o.nameEn : o.nameJa} · {formatDateTime(o.createdAt)}
                  </summary>
                  <div className="mt-2">
                    <TemplateView template={o} locale={locale} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

function TemplateView({ template, locale }: { template: TemplateDto; locale: string }) {
  const t = useTranslations("assessments.templates");
  const tf = useTranslations("assessments.fields");
  const total = template.criteria.reduce((n, c) => n + c.weight, 0);
  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          {locale === "en" ? template.nameEn : template.nameJa} <Badge tone="blue">{t("version", { version: template.version })}</Badge>
          {template.current ? <Badge tone="green">{t("current")}</Badge> : null}
        </span>
      }
    >
      <p className="mb-3 text-sm text-slate-700">
        {t("thresholds")}: {t("thresholdsLine", { approved: template.approvedMin, conditional: template.conditionalMin, max: template.maxScore })}
      </p>
      <ScrollArea label={t("criteria")}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("criteria")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-600">
              <th scope="col" className="py-2 pr-3 font-medium">#</th>
              <th scope="col" className="py-2 pr-3 font-medium">{tf("criterion")}</th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">{tf("weight")}</th>
              <th scope="col" className="py-2 font-medium">{locale === "en" ? t("guidanceEn") : t("guidanceJa")}</th>
            </tr>
          </thead>
          <tbody>
            {template.criteria.map((c, i) => (
              <tr key={c.key} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-3">{i + 1}</td>
                <td className="py-2 pr-3 font-medium">
                  {/* A readable width on a phone: the table scrolls in its card rather than stand a criterion a character a line. */}
                  <div className="min-w-[8rem] lg:min-w-0">{locale === "en" ? c.labelEn : c.labelJa}</div>
                </td>
                <td className="py-2 pr-3 text-right whitespace-nowrap">
                  {c.weight} <span className="text-xs text-slate-600">({t("weightShare", { share: Math.round((c.weight / total) * 1000) / 10 })})</span>
                </td>
                <td className="py-2 text-slate-700">
                  <div className="min-w-[12rem] lg:min-w-0">{(locale === "en" ? c.guidanceEn : c.guidanceJa) ?? ""}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </Card>
  );
}

function TemplateForm({ template, onCancel, onSaved }: { template: TemplateDto; onCancel: () => void; onSaved: (t: TemplateDto) => void }) {
  const t = useTranslations("assessments.templates");
  const tAll = useTranslations();
  const f = useForm({
    initial: {
      nameJa: template.nameJa,
      nameEn: template.nameEn,
      maxScore: String(template.maxScore),
      approvedMin: String(template.approvedMin),
      conditionalMin: String(template.conditionalMin),
      criteria: template.criteria.map((c) => ({ ...c, weight: String(c.weight), guidanceJa: c.guidanceJa ?? "", guidanceEn: c.guidanceEn ?? "" })) as Draft["criteria"],
    },
    record: template,
    schema: updateTemplateSchema,
    fields: (k) => ["nameJa", "nameEn", "maxScore", "approvedMin", "conditionalMin", "criteria"].includes(k) || k.startsWith("criteria."),
    submit: (body) => apiFetch<TemplateDto>(`/api/v1/assessment-templates/${template.id}`, { method: "PUT", json: body }),
    invalidate: [contractorKeys.templates],
    onSaved,
  });
  const d = f.values;
  const setCriteria = (criteria: Draft["criteria"]) => f.setValue("criteria", criteria);
  const setCrit = (i: number, patch: Partial<Draft["criteria"][number]>) => setCriteria(d.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const move = (i: number, by: number) => {
    const xs = [...d.criteria];
    const j = i + by;
    if (j < 0 || j >= xs.length) return;
    [xs[i], xs[j]] = [xs[j], xs[i]];
    setCriteria(xs);
  };
  const e = (k: string) => f.errors[k];
  return (
    // A conflict means someone saved a newer version: "load the latest" closes the editor on the refreshed list.
    <Form form={f} onCancel={onCancel} onReload={onCancel}>
      <h2 className="text-lg font-semibold">{t("editTitle")}</h2>
      <Card>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField label={t("nameJa")} required {...f.field("nameJa")} />
          <TextField label={t("nameEn")} required {...f.field("nameEn")} />
          <TextField label={t("approvedMin")} required inputMode="numeric" {...f.field("approvedMin")} />
          <TextField
            label={t("conditionalMin")}
            required
            inputMode="numeric"
            {...f.field("conditionalMin")}
          />
          <TextField label={t("maxScore")} required inputMode="numeric" {...f.field("maxScore")} />
        </div>
      </Card>
      <Card title={t("criteria")}>
        {e("criteria") ? <p className="mb-2 text-xs font-medium text-red-700" role="alert">{e("criteria")}</p> : null}
        <ol className="space-y-3">
          {d.criteria.map((c, i) => (
            <li key={i} className="rounded-md border border-slate-200 p-3">
              <fieldset>
                <legend className="text-sm font-semibold">{t("criterionN", { n: i + 1 })}</legend>
                <div className="mt-2 grid gap-3 md:grid-cols-3">
                  <TextField label={t("key")} required value={c.key} onChange={(ev) => setCrit(i, { key: ev.target.value })} error={e(`criteria.${i}.key`)} className="font-mono" />
                  <TextField label={t("labelJa")} required value={c.labelJa} onChange={(ev) => setCrit(i, { labelJa: ev.target.value })} error={e(`criteria.${i}.labelJa`)} />
                  <TextField label={t("labelEn")} required value={c.labelEn} onChange={(ev) => setCrit(i, { labelEn: ev.target.value })} error={e(`criteria.${i}.labelEn`)} />
                  <TextField label={tAll("assessments.fields.weight")} required inputMode="numeric" value={c.weight} onChange={(ev) => setCrit(i, { weight: ev.target.value })} error={e(`criteria.${i}.weight`)} />
                  <TextField label={t("guidanceJa")} value={c.guidanceJa ?? ""} onChange={(ev) => setCrit(i, { guidanceJa: ev.target.value })} error={e(`criteria.${i}.guidanceJa`)} />
                  <TextField label={t("guidanceEn")} value={c.guidanceEn ?? ""} onChange={(ev) => setCrit(i, { guidanceEn: ev.target.value })} error={e(`criteria.${i}.guidanceEn`)} />
                </div>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button variant="ghost" onClick={() => move(i, -1)} disabled={i === 0}>
                    {t("moveUp")}
                  </Button>
                  <Button variant="ghost" onClick={() => move(i, 1)} disabled={i === d.criteria.length - 1}>
                    {t("moveDown")}
                  </Button>
                  <Button variant="danger" onClick={() => setCriteria(d.criteria.filter((_, j) => j !== i))} disabled={d.criteria.length <= 1}>
                    {t("removeCriterion")}
                  </Button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          className="mt-3"
          onClick={() => setCriteria([...d.criteria, { key: "", labelJa: "", labelEn: "", weight: "10", guidanceJa: "", guidanceEn: "" }])}
        >
          {t("addCriterion")}
        </Button>
      </Card>
</Form>
  );
}
