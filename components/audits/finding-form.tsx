"use client";

import { useTranslations } from "next-intl";
import { EnumSelect, IdSelect, TextAreaField, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { FINDING_GRADES } from "@/lib/audits/rules";
import { createFindingSchema, updateFindingSchema, type AuditDetail, type FindingDto } from "@/lib/audits/schema";
import { apiFetch } from "@/lib/client/api";
import type { Dept, Person } from "./labels";

/** The statuses a form may set; "verified" is the auditor's verification, not an edit. */
const EDITABLE_STATUSES = ["open", "action_planned", "done"] as const;

const valuesOf = (f?: FindingDto) => ({
  grade: f?.grade ?? "minor_nc",
  clauseRef: f?.clauseRef ?? "",
  departmentId: f?.departmentId ? String(f.departmentId) : "",
  description: f?.description ?? "",
  correctiveAction: f?.correctiveAction ?? "",
  ownerUserId: f?.ownerUserId ? String(f.ownerUserId) : "",
  ownerName: f?.ownerName ?? "",
  dueDate: f?.dueDate ?? "",
  status: EDITABLE_STATUSES.find((s) => s === f?.status) ?? "open",
  doneOn: f?.doneOn ?? "",
});

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
  const f = useForm({
    initial: valuesOf(finding),
    record: finding,
    schema: finding ? updateFindingSchema : createFindingSchema,
    toInput: ({ status, doneOn, ...base }) => (finding ? { ...base, status, doneOn } : { ...base, auditId }),
    submit: (body) =>
      finding
        ? apiFetch<FindingDto>(`/api/v1/findings/${finding.id}`, { method: "PATCH", json: body })
        : apiFetch<FindingDto>("/api/v1/findings", { method: "POST", json: body }),
    onSaved: onDone,
    invalidate: [["audits"]],
    // The finding as the server holds it now comes with its audit.
    loadLatest: finding
      ? async () => {
          const latest = (await apiFetch<AuditDetail>(`/api/v1/audits/${auditId}`)).findings.find((x) => x.id === finding.id);
          if (!latest) throw new Error("finding gone");
          return latest;
        }
      : undefined,
    compare: {
      grade: t("fields.grade"),
      clauseRef: t("fields.clauseRef"),
      departmentId: t("fields.departmentId"),
      description: t("fields.description"),
      correctiveAction: t("fields.correctiveAction"),
      ownerUserId: t("fields.ownerUserId"),
      ownerName: t("fields.ownerName"),
      dueDate: t("fields.dueDate"),
      status: t("fields.status"),
      doneOn: t("fields.doneOn"),
    },
    toValues: valuesOf,
  });

  return (
    <Form form={f} onCancel={onCancel} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <EnumSelect
          {...f.enumField("grade")}
          label={t("fields.grade")}
          required
          values={FINDING_GRADES}
          optionLabel={(x) => t(`grade.${x}`)}
        />
        <TextField label={t("fields.clauseRef")} {...f.field("clauseRef")} />
        <IdSelect
          label={t("fields.departmentId")}
          {...f.idField("departmentId")}
          options={departments.map((d) => ({ id: d.id, label: d.name }))}
          empty={t("fields.departmentNone")}
        />
      </div>
      <TextAreaField rows={3} label={t("fields.description")} required {...f.field("description")} />
      <TextAreaField rows={3} label={t("fields.correctiveAction")} hint={t("fields.correctiveActionHint")} {...f.field("correctiveAction")} />
      <div className="grid gap-3 sm:grid-cols-3">
        <IdSelect
          label={t("fields.ownerUserId")}
          {...f.idField("ownerUserId")}
          options={people.map((p) => ({ id: p.id, label: p.name }))}
          empty={t("fields.ownerNone")}
        />
        <TextField label={t("fields.ownerName")} {...f.field("ownerName")} />
        <TextField type="date" label={t("fields.dueDate")} {...f.field("dueDate")} />
      </div>
      {finding ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <EnumSelect
            {...f.enumField("status")}
            label={t("fields.status")}
            values={EDITABLE_STATUSES}
            optionLabel={(x) => t(`status.${x}`)}
          />
          <TextField type="date" label={t("fields.doneOn")} {...f.field("doneOn")} />
        </div>
      ) : null}
    </Form>
  );
}
