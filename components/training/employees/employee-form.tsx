"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { EMPLOYMENT_TYPES, createEmployeeSchema, updateEmployeeSchema, type EmployeeDto, type EmploymentType } from "@/lib/training/employees-schema";
import { EnumSelect, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Form, FormDialog, useForm } from "@/components/ui/form";
import { departmentKeys } from "../departments/keys";
import { fetchDepartmentOptions } from "../departments/queries";
import { employeeKeys } from "./keys";
import { fetchEmployee } from "./queries";

function valuesOf(e: EmployeeDto | null) {
  return {
    employeeNumber: e?.employeeNumber ?? "",
    name: e?.name ?? "",
    nameKana: e?.nameKana ?? "",
    email: e?.email ?? "",
    departmentId: e ? String(e.departmentId) : "",
    employmentType: (e?.employmentType ?? "regular") as EmploymentType | "",
    hireDate: e?.hireDate ?? "",
    leaveDate: e?.leaveDate ?? "",
    exemptionReason: e?.exemptionReason ?? "",
  };
}

/** Register (no `employee`) or edit an employee in a dialog. */
export function EmployeeFormDialog({
  open,
  employee,
  onClose,
  onSaved,
}: {
  open: boolean;
  employee: EmployeeDto | null;
  onClose: () => void;
  onSaved: (e: EmployeeDto, created: boolean) => void;
}) {
  const t = useTranslations("employees");
  return (
    <FormDialog open={open} onClose={onClose} title={employee ? t("editTitle") : t("createTitle")} wide recordId={employee?.id}>
      <EmployeeForm employee={employee} onClose={onClose} onSaved={onSaved} />
    </FormDialog>
  );
}

function EmployeeForm({ employee, onClose, onSaved }: { employee: EmployeeDto | null; onClose: () => void; onSaved: (e: EmployeeDto, created: boolean) => void }) {
  const t = useTranslations("employees");
  const tt = useTranslations("employmentTypes");
  const departments = useQuery({ queryKey: departmentKeys.options(), queryFn: fetchDepartmentOptions });
  const f = useForm({
    initial: valuesOf(employee),
    record: employee ?? undefined,
    schema: employee ? updateEmployeeSchema : createEmployeeSchema,
    submit: (body) =>
      employee
        ? apiFetch<EmployeeDto>(`/api/v1/employees/${employee.id}`, { method: "PATCH", json: body })
        : apiFetch<EmployeeDto>("/api/v1/employees", { method: "POST", json: body }),
    invalidate: [employeeKeys.all, departmentKeys.all],
    onSaved: (e) => onSaved(e, !employee),
    loadLatest: employee ? () => fetchEmployee(employee.id) : undefined,
    compare: Object.fromEntries(
      (["employeeNumber", "name", "nameKana", "email", "departmentId", "employmentType", "hireDate", "leaveDate", "exemptionReason"] as const).map((k) => [k, t(`fields.${k}`)]),
    ),
    toValues: valuesOf,
  });
  const v = f.values;

  // Active departments, plus the employee's own one if it has been retired since (so the form still shows it).
  const options = (departments.data ?? []).filter((d) => !d.retiredAt || d.id === employee?.departmentId);

  return (
    <Form form={f} onCancel={onClose}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("fields.employeeNumber")} required autoComplete="off" maxLength={20} {...f.field("employeeNumber")} hint={t("hints.employeeNumber")} />
        <EnumSelect
          label={t("fields.employmentType")}
          required
          values={EMPLOYMENT_TYPES}
          {...f.enumField("employmentType")}
          optionLabel={(type) => tt(type)}
        />
        <TextField label={t("fields.name")} required maxLength={100} autoComplete="off" {...f.field("name")} />
        <TextField label={t("fields.nameKana")} maxLength={100} autoComplete="off" {...f.field("nameKana")} hint={t("hints.nameKana")} />
        <TextField label={t("fields.email")} type="email" maxLength={200} autoComplete="off" {...f.field("email")} />
        <SelectField label={t("fields.departmentId")} required {...f.field("departmentId")} disabled={departments.isPending}>
          <option value="">{t("selectDepartment")}</option>
          {options.map((d) => (
            <option key={d.id} value={d.id}>
              {d.code} {d.retiredAt ? t("retiredDepartment", { name: d.name }) : d.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("fields.hireDate")} type="date" required {...f.field("hireDate")} />
        <TextField label={t("fields.leaveDate")} type="date" min={v.hireDate || undefined} {...f.field("leaveDate")} hint={t("hints.leaveDate")} />
      </div>
      <TextAreaField label={t("fields.exemptionReason")} rows={2} maxLength={200} {...f.field("exemptionReason")} hint={t("hints.exemptionReason")} />
    </Form>
  );
}
