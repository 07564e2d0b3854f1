"use client";

import { useTranslations } from "next-intl";
import { EnumSelect, IdSelect, TextAreaField, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { AUDIT_TYPES } from "@/lib/audits/rules";
import { createAuditSchema, updateAuditSchema, type AuditDetail, type AuditDto } from "@/lib/audits/schema";
import { apiFetch } from "@/lib/client/api";
import type { Dept, Person } from "./labels";

const valuesOf = (fiscalYear: number, a?: AuditDto) => ({
  fiscalYear: String(a?.fiscalYear ?? fiscalYear),
  type: a?.type ?? "operation",
  title: a?.title ?? "",
  scopeDepartmentIds: a?.scopeDepartmentIds ?? [],
  scopeClauses: a?.scopeClauses.join(" ") ?? "",
  auditee: a?.auditee ?? "",
  plannedStart: a?.plannedStart ?? "",
  plannedEnd: a?.plannedEnd ?? "",
  actualStart: a?.actualStart ?? "",
  actualEnd: a?.actualEnd ?? "",
  leadAuditorId: a?.leadAuditorId ? String(a.leadAuditorId) : "",
  team: a?.team.map((m) => m.id) ?? [],
  summary: a?.summary ?? "",
});

/** Plan an audit, or edit one. The lead and team lists mark people from an audited department (independence). */
export function AuditForm({
  audit,
  fiscalYear,
  people,
  departments,
  onDone,
  onCancel,
}: {
  audit?: AuditDto;
  fiscalYear: number;
  people: Person[];
  departments: Dept[];
  onDone: (a: AuditDto) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("audits");
  const tc = useTranslations("common");
  const f = useForm({
    initial: valuesOf(fiscalYear, audit),
    record: audit,
    schema: audit ? updateAuditSchema : createAuditSchema,
    toInput: (v) => {
      const base = {
        fiscalYear: v.fiscalYear,
        type: v.type,
        title: v.title,
        scopeDepartmentIds: v.scopeDepartmentIds,
        scopeClauses: v.scopeClauses.split(/[\s,、，]+/).filter(Boolean),
        auditee: v.auditee,
        plannedStart: v.plannedStart,
        plannedEnd: v.plannedEnd,
        leadAuditorId: v.leadAuditorId,
        summary: v.summary,
      };
      return audit ? { ...base, actualStart: v.actualStart, actualEnd: v.actualEnd } : { ...base, teamUserIds: v.team };
    },
    submit: (body) =>
      audit ? apiFetch<AuditDto>(`/api/v1/audits/${audit.id}`, { method: "PATCH", json: body }) : apiFetch<AuditDto>("/api/v1/audits", { method: "POST", json: body }),
    onSaved: onDone,
    invalidate: [["audits"]],
    loadLatest: audit ? async () => (await apiFetch<AuditDetail>(`/api/v1/audits/${audit.id}`)).audit : undefined,
    compare: {
      fiscalYear: t("fields.fiscalYear"),
      type: t("fields.type"),
      title: t("fields.title"),
      scopeDepartmentIds: t("fields.scopeDepartmentIds"),
      scopeClauses: t("fields.scopeClauses"),
      auditee: t("fields.auditee"),
      plannedStart: t("fields.plannedStart"),
      plannedEnd: t("fields.plannedEnd"),
      actualStart: t("fields.actualStart"),
      actualEnd: t("fields.actualEnd"),
      leadAuditorId: t("fields.leadAuditorId"),
      summary: t("fields.summary"),
    },
    toValues: (a) => valuesOf(fiscalYear, a),
    // "scopeClauses.2" is said beside the clauses, "teamUserIds.0" beside the team.
    errorField: (field) => (field.startsWith("teamUserIds") ? "team" : field.split(".")[0]),
  });
  const v = f.values;
  const inScope = (p: Person) => p.departmentId !== null && v.scopeDepartmentIds.includes(p.departmentId);
  const toggle = (list: number[], id: number, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

  return (
    <Form form={f} onCancel={onCancel} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField type="number" label={t("fields.fiscalYear")} required {...f.field("fiscalYear")} />
        <EnumSelect
          {...f.enumField("type")}
          label={t("fields.type")}
          required
          values={AUDIT_TYPES}
          optionLabel={(x) => t(`type.${x}`)}
        />
      </div>
      <TextField label={t("fields.title")} required {...f.field("title")} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("fields.scopeDepartmentIds")}</legend>
        <div className="grid grid-cols-2 gap-1 sm:grid-cols-3">
          {departments.map((d) => (
            <label key={d.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={v.scopeDepartmentIds.includes(d.id)}
                onChange={(e) => f.setValue("scopeDepartmentIds", toggle(v.scopeDepartmentIds, d.id, e.target.checked))}
              />
              {d.name}
            </label>
          ))}
        </div>
        {f.errors.scopeDepartmentIds ? <p role="alert" className="text-xs font-medium text-red-700">{f.errors.scopeDepartmentIds}</p> : null}
      </fieldset>
      <TextField label={t("fields.scopeClauses")} hint={t("fields.scopeClausesHint")} {...f.field("scopeClauses")} />
      <TextField label={t("fields.auditee")} hint={t("fields.auditeeHint")} {...f.field("auditee")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField type="date" label={t("fields.plannedStart")} required {...f.field("plannedStart")} />
        <TextField type="date" label={t("fields.plannedEnd")} required {...f.field("plannedEnd")} />
        {audit ? (
          <>
            <TextField type="date" label={t("fields.actualStart")} {...f.field("actualStart")} />
            <TextField type="date" label={t("fields.actualEnd")} {...f.field("actualEnd")} />
          </>
        ) : null}
      </div>
      <IdSelect
        label={t("fields.leadAuditorId")}
        hint={t("independence.note")}
        {...f.idField("leadAuditorId")}
        options={people.map((p) => ({ id: p.id, label: `${p.name}${inScope(p) ? tc("inParens", { text: t("independence.own") }) : ""}` }))}
        empty={t("fields.leadNone")}
      />
      {!audit ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">{t("fields.team")}</legend>
          <p className="text-xs text-slate-600">{t("fields.teamHint")}</p>
          <div className="grid grid-cols-2 gap-1">
            {people
              .filter((p) => String(p.id) !== v.leadAuditorId)
              .map((p) => (
                <label key={p.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={v.team.includes(p.id)} onChange={(e) => f.setValue("team", toggle(v.team, p.id, e.target.checked))} />
                  {p.name}
                  {inScope(p) ? <span className="text-xs text-red-700">{tc("inParens", { text: t("independence.own") })}</span> : null}
                </label>
              ))}
          </div>
          {f.errors.team ? <p role="alert" className="text-xs font-medium text-red-700">{f.errors.team}</p> : null}
        </fieldset>
      ) : null}
      <TextAreaField rows={3} label={t("fields.summary")} hint={t("fields.summaryHint")} {...f.field("summary")} />
    </Form>
  );
}
