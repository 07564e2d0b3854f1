"use client";

import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { createDepartmentSchema, updateDepartmentSchema, type DepartmentDto } from "@/lib/training/departments-schema";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { departmentKeys } from "./keys";
import { saveFailure, useSchemaValidation, type FieldMessages, type SaveFailure } from "./form-errors";

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
    <Dialog open={open} onClose={onClose} title={department ? t("editTitle") : t("createTitle")}>
      {open ? <DepartmentForm key={department ? `${department.id}-${department.version}` : "new"} department={department} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function DepartmentForm({ department, onClose, onSaved }: { department: DepartmentDto | null; onClose: () => void; onSaved: (d: DepartmentDto, created: boolean) => void }) {
  const t = useTranslations("departments");
  const tc = useTranslations("common");
  const validate = useSchemaValidation();
  const qc = useQueryClient();
  const [base, setBase] = useState(department);
  const [values, setValues] = useState({ code: department?.code ?? "", name: department?.name ?? "" });
  const [errors, setErrors] = useState<FieldMessages>({});
  const [failure, setFailure] = useState<SaveFailure | null>(null);

  const save = useMutation({
    mutationFn: (body: unknown) =>
      base
        ? apiFetch<DepartmentDto>(`/api/v1/departments/${base.id}`, { method: "PATCH", json: body })
        : apiFetch<DepartmentDto>("/api/v1/departments", { method: "POST", json: body }),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: departmentKeys.all });
      onSaved(d, !base);
    },
    onError: (err) => {
      const f = saveFailure(err, tc("error"));
      setFailure(f);
      if (f.kind === "fields") setErrors(f.fields);
    },
  });

  const reload = useMutation({
    mutationFn: () => apiFetch<DepartmentDto>(`/api/v1/departments/${base!.id}`),
    onSuccess: (d) => {
      setBase(d);
      setValues({ code: d.code, name: d.name });
      setFailure(null);
      setErrors({});
      void qc.invalidateQueries({ queryKey: departmentKeys.all });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const input = base ? { ...values, version: base.version } : values;
    const r = validate(base ? updateDepartmentSchema : createDepartmentSchema, input);
    setErrors(r.errors ?? {});
    if (r.data) save.mutate(r.data);
  }

  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

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
      <TextField
        label={t("fields.code")}
        name="code"
        required
        autoComplete="off"
        maxLength={20}
        value={values.code}
        onChange={set("code")}
        error={errors.code}
        hint={t("hints.code")}
      />
      <TextField label={t("fields.name")} name="name" required maxLength={100} value={values.name} onChange={set("name")} error={errors.name} />
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
