"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useFormErrors } from "@/components/regulations/form-utils";
import { AUDIT_TYPES } from "@/lib/audits/rules";
import { createAuditSchema, updateAuditSchema, type AuditDto } from "@/lib/audits/schema";
import { apiFetch } from "@/lib/client/api";
import type { Dept, Person } from "./labels";

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
  const { errors, problem, clear, validate, fromError } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [scope, setScope] = useState<number[]>(audit?.scopeDepartmentIds ?? []);
  const [team, setTeam] = useState<number[]>(audit?.team.map((m) => m.id) ?? []);
  const [leadId, setLeadId] = useState<string>(audit?.leadAuditorId ? String(audit.leadAuditorId) : "");
  const inScope = (p: Person) => p.departmentId !== null && scope.includes(p.departmentId);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const base = {
      fiscalYear: fd.get("fiscalYear"),
      type: fd.get("type"),
      title: fd.get("title"),
      scopeDepartmentIds: scope,
      scopeClauses: String(fd.get("scopeClauses") ?? "")
        .split(/[\s,、，]+/)
        .filter(Boolean),
      auditee: fd.get("auditee"),
      plannedStart: fd.get("plannedStart"),
      plannedEnd: fd.get("plannedEnd"),
      leadAuditorId: leadId,
      summary: fd.get("summary"),
    };
    const input = audit
      ? validate(updateAuditSchema, { ...base, actualStart: fd.get("actualStart"), actualEnd: fd.get("actualEnd"), version: audit.version })
      : validate(createAuditSchema, { ...base, teamUserIds: team });
    if (!input) return;
    setBusy(true);
    try {
      const res = audit
        ? await apiFetch<AuditDto>(`/api/v1/audits/${audit.id}`, { method: "PATCH", json: input })
        : await apiFetch<AuditDto>("/api/v1/audits", { method: "POST", json: input });
      onDone(res);
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {problem ? (
        <Alert tone={problem.conflict ? "warning" : "error"}>
          {problem.conflict ? t("form.conflict") : problem.message}{" "}
          {problem.conflict ? (
            <Button type="button" variant="ghost" onClick={() => window.location.reload()}>
              {t("form.reload")}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="fiscalYear" type="number" label={t("fields.fiscalYear")} required defaultValue={audit?.fiscalYear ?? fiscalYear} error={errors.fiscalYear} onChange={() => clear("fiscalYear")} />
        <SelectField name="type" label={t("fields.type")} required defaultValue={audit?.type ?? "operation"} error={errors.type}>
          {AUDIT_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`type.${v}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField name="title" label={t("fields.title")} required defaultValue={audit?.title ?? ""} error={errors.title} onChange={() => clear("title")} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("fields.scopeDepartmentIds")}</legend>
        <div className="grid grid-cols-2 gap-1 sm:grid-cols-3">
          {departments.map((d) => (
            <label key={d.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={scope.includes(d.id)}
                onChange={(e) => setScope((s) => (e.target.checked ? [...s, d.id] : s.filter((x) => x !== d.id)))}
              />
              {d.name}
            </label>
          ))}
        </div>
        {errors.scopeDepartmentIds ? <p role="alert" className="text-xs font-medium text-red-700">{errors.scopeDepartmentIds}</p> : null}
      </fieldset>
      <TextField
        name="scopeClauses"
        label={t("fields.scopeClauses")}
        hint={t("fields.scopeClausesHint")}
        defaultValue={audit?.scopeClauses.join(" ") ?? ""}
        error={errors.scopeClauses ?? Object.entries(errors).find(([k]) => k.startsWith("scopeClauses."))?.[1]}
      />
      <TextField name="auditee" label={t("fields.auditee")} hint={t("fields.auditeeHint")} defaultValue={audit?.auditee ?? ""} error={errors.auditee} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="plannedStart" type="date" label={t("fields.plannedStart")} required defaultValue={audit?.plannedStart ?? ""} error={errors.plannedStart} onChange={() => clear("plannedStart")} />
        <TextField name="plannedEnd" type="date" label={t("fields.plannedEnd")} required defaultValue={audit?.plannedEnd ?? ""} error={errors.plannedEnd} onChange={() => clear("plannedEnd")} />
        {audit ? (
          <>
            <TextField name="actualStart" type="date" label={t("fields.actualStart")} defaultValue={audit.actualStart ?? ""} error={errors.actualStart} />
            <TextField name="actualEnd" type="date" label={t("fields.actualEnd")} defaultValue={audit.actualEnd ?? ""} error={errors.actualEnd} />
          </>
        ) : null}
      </div>
      <SelectField name="leadAuditorId" label={t("fields.leadAuditorId")} hint={t("independence.note")} value={leadId} onChange={(e) => (setLeadId(e.target.value), clear("leadAuditorId"))} error={errors.leadAuditorId}>
        <option value="">{t("fields.leadNone")}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {inScope(p) ? `（${t("independence.own")}）` : ""}
          </option>
        ))}
      </SelectField>
      {!audit ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">{t("fields.team")}</legend>
          <p className="text-xs text-slate-600">{t("fields.teamHint")}</p>
          <div className="grid grid-cols-2 gap-1">
            {people
              .filter((p) => String(p.id) !== leadId)
              .map((p) => (
                <label key={p.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={team.includes(p.id)} onChange={(e) => setTeam((s) => (e.target.checked ? [...s, p.id] : s.filter((x) => x !== p.id)))} />
                  {p.name}
                  {inScope(p) ? <span className="text-xs text-red-700">（{t("independence.own")}）</span> : null}
                </label>
              ))}
          </div>
          {errors.team ? <p role="alert" className="text-xs font-medium text-red-700">{errors.team}</p> : null}
        </fieldset>
      ) : null}
      <TextAreaField name="summary" rows={3} label={t("fields.summary")} hint={t("fields.summaryHint")} defaultValue={audit?.summary ?? ""} error={errors.summary} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {tc("cancel")}
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? tc("saving") : tc("save")}
        </Button>
      </div>
    </form>
  );
}
