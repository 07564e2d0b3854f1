"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useFormErrors } from "@/components/regulations/form-utils";
import { FINDING_GRADES } from "@/lib/audits/rules";
import { createFindingSchema, updateFindingSchema, type FindingDto } from "@/lib/audits/schema";
import { apiFetch } from "@/lib/client/api";
import type { Dept, Person } from "./labels";

/** Record a finding, or update it with its corrective action and status. */
export function FindingForm({
  auditId,
  finding,
  people,
  departments,
  onDone,
  onCancel,
}: {
  auditId: number;
  finding?: FindingDto;
  people: Person[];
  departments: Dept[];
  onDone: (f: FindingDto) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("findings");
  const ta = useTranslations("audits");
  const tc = useTranslations("common");
  const { errors, problem, clear, validate, fromError } = useFormErrors();
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const base = {
      clauseRef: fd.get("clauseRef"),
      grade: fd.get("grade"),
      departmentId: fd.get("departmentId"),
      description: fd.get("description"),
      correctiveAction: fd.get("correctiveAction"),
      ownerUserId: fd.get("ownerUserId"),
      ownerName: fd.get("ownerName"),
      dueDate: fd.get("dueDate"),
    };
    const input = finding
      ? validate(updateFindingSchema, { ...base, status: fd.get("status"), doneOn: fd.get("doneOn"), version: finding.version })
      : validate(createFindingSchema, { ...base, auditId });
    if (!input) return;
    setBusy(true);
    try {
      const res = finding
        ? await apiFetch<FindingDto>(`/api/v1/findings/${finding.id}`, { method: "PATCH", json: input })
        : await apiFetch<FindingDto>("/api/v1/findings", { method: "POST", json: input });
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
              {ta("form.reload")}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField name="grade" label={t("fields.grade")} required defaultValue={finding?.grade ?? "minor_nc"} error={errors.grade}>
          {FINDING_GRADES.map((g) => (
            <option key={g} value={g}>
              {t(`grade.${g}`)}
            </option>
          ))}
        </SelectField>
        <TextField name="clauseRef" label={t("fields.clauseRef")} defaultValue={finding?.clauseRef ?? ""} error={errors.clauseRef} onChange={() => clear("clauseRef")} />
        <SelectField name="departmentId" label={t("fields.departmentId")} defaultValue={finding?.departmentId ?? ""} error={errors.departmentId}>
          <option value="">{t("fields.departmentNone")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField name="description" rows={3} label={t("fields.description")} required defaultValue={finding?.description ?? ""} error={errors.description} onChange={() => clear("description")} />
      <TextAreaField
        name="correctiveAction"
        rows={3}
        label={t("fields.correctiveAction")}
        hint={t("fields.correctiveActionHint")}
        defaultValue={finding?.correctiveAction ?? ""}
        error={errors.correctiveAction}
        onChange={() => clear("correctiveAction")}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField name="ownerUserId" label={t("fields.ownerUserId")} defaultValue={finding?.ownerUserId ?? ""} error={errors.ownerUserId}>
          <option value="">{t("fields.ownerNone")}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextField name="ownerName" label={t("fields.ownerName")} defaultValue={finding?.ownerName ?? ""} error={errors.ownerName} />
        <TextField name="dueDate" type="date" label={t("fields.dueDate")} defaultValue={finding?.dueDate ?? ""} error={errors.dueDate} />
      </div>
      {finding ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField name="status" label={t("fields.status")} defaultValue={finding.status} error={errors.status}>
            {(["open", "action_planned", "done"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextField name="doneOn" type="date" label={t("fields.doneOn")} defaultValue={finding.doneOn ?? ""} error={errors.doneOn} />
        </div>
      ) : null}
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
