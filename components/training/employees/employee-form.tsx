"use client";

import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { EMPLOYMENT_TYPES, createEmployeeSchema, updateEmployeeSchema, type EmployeeDto } from "@/lib/training/employees-schema";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { departmentKeys } from "../departments/keys";
import { fetchDepartmentOptions } from "../departments/queries";
import { saveFailure, useSchemaValidation, type FieldMessages, type SaveFailure } from "../departments/form-errors";
import { employeeKeys } from "./keys";
import { fetchEmployee } from "./queries";

type Values = {
  employeeNumber: string;
  name: string;
  nameKana: string;
  email: string;
  departmentId: string;
  employmentType: string;
  hireDate: string;
  leaveDate: string;
  exemptionReason: string;
};

function toValues(e: EmployeeDto | null): Values {
  return {
    employeeNumber: e?.employeeNumber ?? "",
    name: e?.name ?? "",
    nameKana: e?.nameKana ?? "",
    email: e?.email ?? "",
    departmentId: e ? String(e.departmentId) : "",
    employmentType: e?.employmentType ?? "regular",
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
    <Dialog open={open} onClose={onClose} title={employee ? t("editTitle") : t("createTitle")} wide>
      {open ? <EmployeeForm key={employee ? `${employee.id}-${employee.version}` : "new"} employee={employee} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function EmployeeForm({ employee, onClose, onSaved }: { employee: EmployeeDto | null; onClose: () => void; onSaved: (e: EmployeeDto, created: boolean) => void }) {
  const t = useTranslations("employees");
  const tc = useTranslations("common");
  const tt = useTranslations("employmentTypes");
  const validate = useSchemaValidation();
  const qc = useQueryClient();
  const [base, setBase] = useState(employee);
  const [values, setValues] = useState<Values>(() => toValues(employee));
  const [errors, setErrors] = useState<FieldMessages>({});
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const departments = useQuery({ queryKey: departmentKeys.options(), queryFn: fetchDepartmentOptions });

  // Active departments, plus the employee's own one if it has been retired since (so the form still shows it).
  const options = (departments.data ?? []).filter((d) => !d.retiredAt || d.id === base?.departmentId);

  const save = useMutation({
    mutationFn: (body: unknown) =>
      base
        ? apiFetch<EmployeeDto>(`/api/v1/employees/${base.id}`, { method: "PATCH", json: body })
        : apiFetch<EmployeeDto>("/api/v1/employees", { method: "POST", json: body }),
    onSuccess: (e) => {
      void qc.invalidateQueries({ queryKey: employeeKeys.all });
      void qc.invalidateQueries({ queryKey: departmentKeys.all });
      onSaved(e, !base);
    },
    onError: (err) => {
      const f = saveFailure(err, tc("error"));
      setFailure(f);
      if (f.kind === "fields") setErrors(f.fields);
    },
  });

  const reload = useMutation({
    mutationFn: () => fetchEmployee(base!.id),
    onSuccess: (e) => {
      setBase(e);
      setValues(toValues(e));
      setFailure(null);
      setErrors({});
      void qc.invalidateQueries({ queryKey: employeeKeys.all });
    },
  });

  function submit(ev: FormEvent) {
    ev.preventDefault();
    setFailure(null);
    const input = { ...values, ...(base ? { version: base.version } : {}) };
    const r = validate(base ? updateEmployeeSchema : createEmployeeSchema, input);
    setErrors(r.errors ?? {});
    if (r.data) save.mutate(r.data);
    else {
      // Move focus to the first field in error, so keyboard and screen-reader users land on it.
      const first = Object.keys(r.errors)[0];
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
    }
  }

  const set = (k: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {failure?.kind === "conflict" ? (
        <Alert tone="warning">
          <p>{t("conflict")}</p>
          <Button variant="secondary" className="mt-2" onClick={() => reload.mutate()} disabled={reload.isPending}>
            {t("reload")}
          </Button>
        </Alert>
      ) : failure ? (
        <Alert tone="error">{failure.message}</Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("fields.employeeNumber")}
          name="employeeNumber"
          required
          autoComplete="off"
          maxLength={20}
          value={values.employeeNumber}
          onChange={set("employeeNumber")}
          error={errors.employeeNumber}
          hint={t("hints.employeeNumber")}
        />
        <SelectField label={t("fields.employmentType")} name="employmentType" required value={values.employmentType} onChange={set("employmentType")} error={errors.employmentType}>
          {EMPLOYMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {tt(type)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("fields.name")} name="name" required maxLength={100} autoComplete="off" value={values.name} onChange={set("name")} error={errors.name} />
        <TextField
          label={t("fields.nameKana")}
          name="nameKana"
          maxLength={100}
          autoComplete="off"
          value={values.nameKana}
          onChange={set("nameKana")}
          error={errors.nameKana}
          hint={t("hints.nameKana")}
        />
        <TextField label={t("fields.email")} name="email" type="email" maxLength={200} autoComplete="off" value={values.email} onChange={set("email")} error={errors.email} />
        <SelectField
          label={t("fields.departmentId")}
          name="departmentId"
          required
          value={values.departmentId}
          onChange={set("departmentId")}
          error={errors.departmentId}
          disabled={departments.isPending}
        >
          <option value="">{t("selectDepartment")}</option>
          {options.map((d) => (
            <option key={d.id} value={d.id}>
              {d.code} {d.retiredAt ? t("retiredDepartment", { name: d.name }) : d.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("fields.hireDate")} name="hireDate" type="date" required value={values.hireDate} onChange={set("hireDate")} error={errors.hireDate} />
        <TextField
          label={t("fields.leaveDate")}
          name="leaveDate"
          type="date"
          min={values.hireDate || undefined}
          value={values.leaveDate}
          onChange={set("leaveDate")}
          error={errors.leaveDate}
          hint={t("hints.leaveDate")}
        />
      </div>
      <TextAreaField
        label={t("fields.exemptionReason")}
        name="exemptionReason"
        rows={2}
        maxLength={200}
        value={values.exemptionReason}
        onChange={set("exemptionReason")}
        error={errors.exemptionReason}
        hint={t("hints.exemptionReason")}
      />
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onClose} disabled={save.isPending}>
          {tc("cancel")}
        </Button>
        <Button type="submit" disabled={save.isPending || failure?.kind === "conflict"}>
          {save.isPending ? tc("saving") : tc("save")}
        </Button>
      </div>
    </form>
  );
}
