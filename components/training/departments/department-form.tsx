"use client";

import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { createDepartmentSchema, updateDepartmentSchema, type DepartmentDto } from "@/lib/training/departments-schema";
import { TextField } from "@/components/ui/field";
import { Form, FormDialog, useForm } from "@/components/ui/form";
import { departmentKeys } from "./keys";

/** Create (no `department`) or edit a department in a dialog. */
export function DepartmentFormDialog({
  open,
  department,
  onClose,
  onSaved,
}: {
  open: boolean;
  department: DepartmentDto | null;
  onClose: () => void;
  onSaved: (d: DepartmentDto, created: boolean) => void;
}) {
  const t = useTranslations("departments");
  return (
    <FormDialog open={open} onClose={onClose} title={department ? t("editTitle") : t("createTitle")} recordId={department?.id}>
      <DepartmentForm department={department} onClose={onClose} onSaved={onSaved} />
    </FormDialog>
  );
}

const valuesOf = (d: DepartmentDto | null) => ({ code: d?.code ?? "", name: d?.name ?? "" });

function DepartmentForm({ department, onClose, onSaved }: { department: DepartmentDto | null; onClose: () => void; onSaved: (d: DepartmentDto, created: boolean) => void }) {
  const t = useTranslations("departments");
  const f = useForm({
    initial: valuesOf(department),
    record: department ?? undefined,
    schema: department ? updateDepartmentSchema : createDepartmentSchema,
    submit: (body) =>
      department
        ? apiFetch<DepartmentDto>(`/api/v1/departments/${department.id}`, { method: "PATCH", json: body })
        : apiFetch<DepartmentDto>("/api/v1/departments", { method: "POST", json: body }),
    invalidate: [departmentKeys.all],
    onSaved: (d) => onSaved(d, !department),
    loadLatest: department ? () => apiFetch<DepartmentDto>(`/api/v1/departments/${department.id}`) : undefined,
    compare: { code: t("fields.code"), name: t("fields.name") },
    toValues: valuesOf,
  });

  return (
    <Form form={f} onCancel={onClose}>
      <TextField label={t("fields.code")} required autoComplete="off" maxLength={20} {...f.field("code")} hint={t("hints.code")} />
      <TextField label={t("fields.name")} required maxLength={100} {...f.field("name")} />
    </Form>
  );
}
