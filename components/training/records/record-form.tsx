"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { isPassing } from "@/lib/training/status";
import {
  TRAINING_METHOD_VALUES,
  createRecordSchema,
  recordRuleErrors,
  updateRecordSchema,
  type RecordDto,
} from "@/lib/training/records-schema";
import { issuesToFieldErrors } from "@/lib/validation/issues";
import { EmployeePicker, employeeLabel, type PickedEmployee } from "./employee-picker";
import { queryKeys, type CourseOption, type DepartmentOption } from "./types";

type Errors = Record<string, string>;

/** Single entry (create) or correction (edit) of a training record, in a dialog. */
export function RecordFormDialog({
  open,
  onClose,
  record,
  courses,
  departments,
  today,
  onSaved,
  onConflictReload,
}: {
  open: boolean;
  onClose: () => void;
  /** Present: edit this record. */
  record?: RecordDto;
  courses: CourseOption[];
  departments: DepartmentOption[];
  today: string;
  onSaved: (r: RecordDto) => void;
  onConflictReload?: () => void;
}) {
  const t = useTranslations("records");
  return (
    <Dialog open={open} onClose={onClose} title={record ? t("form.editTitle") : t("form.createTitle")} wide>
      {open ? (
        <RecordForm
          key={record ? `${record.id}-${record.version}` : "new"}
          record={record}
          courses={courses}
          departments={departments}
          today={today}
          onCancel={onClose}
          onSaved={onSaved}
          onConflictReload={onConflictReload}
        />
      ) : null}
    </Dialog>
  );
}

function RecordForm({
  record,
  courses,
  departments,
  today,
  onCancel,
  onSaved,
  onConflictReload,
}: {
  record?: RecordDto;
  courses: CourseOption[];
  departments: DepartmentOption[];
  today: string;
  onCancel: () => void;
  onSaved: (r: RecordDto) => void;
  onConflictReload?: () => void;
}) {
  const t = useTranslations("records");
  const tm = useTranslations("methods");
  const tc = useTranslations("common");
  const tAll = useTranslations();
  const qc = useQueryClient();

  const [employee, setEmployee] = useState<PickedEmployee | null>(
    record ? { id: record.employeeId, label: employeeLabel({ employeeNumber: record.employeeNumber, name: record.employeeName, departmentName: record.departmentName }) } : null,
  );
  const [courseId, setCourseId] = useState(record ? String(record.courseId) : "");
  const [completedOn, setCompletedOn] = useState(record?.completedOn ?? today);
  const [score, setScore] = useState(record?.score === null || record?.score === undefined ? "" : String(record.score));
  const [method, setMethod] = useState<string>(record?.method ?? "e_learning");
  const [evidence, setEvidence] = useState(record?.evidence ?? "");
  const [note, setNote] = useState(record?.note ?? "");
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<{ message: string; conflict: boolean } | null>(null);
  /** A field's error goes as soon as the user changes that field. */
  const changed = (...fields: string[]) =>
    setErrors((cur) => {
      if (!fields.some((f) => f in cur)) return cur;
      const next = { ...cur };
      for (const f of fields) delete next[f];
      return next;
    });

  // A record's own course stays choosable in a correction even if it has been retired since.
  const courseOptions =
    record && !courses.some((c) => c.id === record.courseId)
      ? [...courses, { id: record.courseId, code: record.courseCode, title: record.courseTitle, passMark: record.coursePassMark, retired: true }]
      : courses;
  const course = courseOptions.find((c) => String(c.id) === courseId);
  const scoreNumber = score.trim() === "" || Number.isNaN(Number(score)) ? null : Number(score);

  const save = useMutation({
    mutationFn: (body: unknown) =>
      record
        ? apiFetch<RecordDto>(`/api/v1/training-records/${record.id}`, { method: "PATCH", json: body })
        : apiFetch<RecordDto>("/api/v1/training-records", { method: "POST", json: body }),
    onSuccess: async (saved) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.records }),
        qc.invalidateQueries({ queryKey: queryKeys.record(saved.id) }),
        qc.invalidateQueries({ queryKey: queryKeys.employeeOptions }),
      ]);
      onSaved(saved);
    },
    onError: (err) => {
      if (err instanceof ApiProblem) {
        setErrors(err.fieldErrors);
        const hasFields = Object.keys(err.fieldErrors).length > 0;
        const conflict = err.status === 409 && !hasFields;
        // A duplicate (409 on a field) is said beside the field; a stale version needs the banner.
        setProblem(err.status === 409 && hasFields ? null : { message: err.detail ?? err.title, conflict });
      } else setProblem({ message: tc("errorBody"), conflict: false });
    },
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setProblem(null);
    const input = {
      employeeId: employee?.id ?? null,
      courseId: courseId || null,
      completedOn,
      score,
      method,
      evidence,
      note,
      ...(record ? { version: record.version } : {}),
    };
    const parsed = (record ? updateRecordSchema : createRecordSchema).safeParse(input);
    const found: Errors = {};
    const put = (field: string, messageKey: string, values?: Record<string, string | number>) => {
      found[field] ??= tAll(messageKey, values);
    };
    if (!parsed.success) for (const fe of issuesToFieldErrors(parsed.error.issues)) put(fe.field, fe.messageKey, fe.values);
    else
      for (const fe of recordRuleErrors(parsed.data, { passMark: course?.passMark ?? null }, today, { checkDate: !record || completedOn !== record.completedOn }))
        put(fe.field, fe.messageKey, fe.values);
    setErrors(found);
    if (!parsed.success || Object.keys(found).length) return;
    save.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {problem ? (
        <Alert tone={problem.conflict ? "warning" : "error"}>
          <p>{problem.conflict ? t("form.conflict") : problem.message}</p>
          {problem.conflict && onConflictReload ? (
            <Button variant="secondary" className="mt-2" onClick={onConflictReload}>
              {t("reload")}
            </Button>
          ) : null}
        </Alert>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("fields.completedOn")}
          type="date"
          required
          max={today}
          value={completedOn}
          onChange={(e) => {
            setCompletedOn(e.target.value);
            changed("completedOn", "employeeId");
          }}
          error={errors.completedOn}
          hint={t("form.completedOnHint")}
        />
        <SelectField label={t("fields.courseId")} required value={courseId} onChange={(e) => {
            setCourseId(e.target.value);
            changed("courseId", "score");
          }} error={errors.courseId}>
          <option value="">{t("form.chooseCourse")}</option>
          {courseOptions.map((c) => (
            <option key={c.id} value={c.id}>
              {c.retired ? t("filters.retiredCourse", { title: `${c.code} ${c.title}` }) : `${c.code} ${c.title}`}
            </option>
          ))}
        </SelectField>
      </div>

      <EmployeePicker
        label={t("fields.employeeId")}
        required
        value={employee}
        onChange={(v) => {
          setEmployee(v);
          changed("employeeId", "completedOn");
        }}
        date={completedOn}
        courseId={course?.id ?? null}
        departments={departments}
        error={errors.employeeId}
      />

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <TextField
            label={t("fields.score")}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            required={course?.passMark !== null && course?.passMark !== undefined}
            value={score}
            onChange={(e) => {
              setScore(e.target.value);
              changed("score");
            }}
            error={errors.score}
            hint={
              course
                ? course.passMark !== null
                  ? t("form.scoreHintRequired", { passMark: course.passMark })
                  : t("form.scoreHintOptional")
                : undefined
            }
          />
          {course && course.passMark !== null && scoreNumber !== null && scoreNumber >= 0 && scoreNumber <= 100 ? (
            <p className="mt-1 text-sm" role="status">
              {t("form.passPreview", { result: isPassing(scoreNumber, course.passMark) ? t("result.passed") : t("result.failed") })}
            </p>
          ) : null}
        </div>
        <SelectField label={t("fields.method")} required value={method} onChange={(e) => {
            setMethod(e.target.value);
            changed("method");
          }} error={errors.method}>
          {TRAINING_METHOD_VALUES.map((m) => (
            <option key={m} value={m}>
              {tm(m)}
            </option>
          ))}
        </SelectField>
      </div>

      <TextField label={t("fields.evidence")} value={evidence} onChange={(e) => {
        setEvidence(e.target.value);
        changed("evidence");
      }} error={errors.evidence} hint={t("form.evidenceHint")} maxLength={500} />
      <TextAreaField label={t("fields.note")} value={note} onChange={(e) => {
        setNote(e.target.value);
        changed("note");
      }} error={errors.note} rows={2} maxLength={2000} />

      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={save.isPending}>
          {tc("cancel")}
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? tc("saving") : record ? t("form.submitEdit") : t("form.submitCreate")}
        </Button>
      </div>
    </form>
  );
}
