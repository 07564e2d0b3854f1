"use client";

import { useTranslations } from "next-intl";
import { EnumSelect, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Form, FormDialog, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { isPassing } from "@/lib/training/status";
import {
  TRAINING_METHOD_VALUES,
  createRecordSchema,
  recordRuleErrors,
  updateRecordSchema,
  type RecordDetail,
  type RecordDto,
  type TrainingMethodValue,
} from "@/lib/training/records-schema";
import { employeeLabel, type PickedEmployee } from "@/components/ui/employee-picker";
import { RecordEmployeePicker } from "./employee-picker";
import { queryKeys, type CourseOption, type DepartmentOption } from "./types";

/** Single entry (create) or correction (edit) of a training record, in a dialog. */
export function RecordFormDialog({
  open,
  onClose,
  record,
  courses,
  departments,
  today,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  /** Present: edit this record. */
  record?: RecordDto;
  courses: CourseOption[];
  departments: DepartmentOption[];
  today: string;
  onSaved: (r: RecordDto) => void;
}) {
  const t = useTranslations("records");
  return (
    <FormDialog open={open} onClose={onClose} title={record ? t("form.editTitle") : t("form.createTitle")} wide recordId={record?.id}>
      <RecordForm record={record} courses={courses} departments={departments} today={today} onCancel={onClose} onSaved={onSaved} />
    </FormDialog>
  );
}

const valuesOf = (r: RecordDto | undefined, today: string, inParens: (text: string) => string) => ({
  employee: (r ? { id: r.employeeId, label: employeeLabel({ employeeNumber: r.employeeNumber, name: r.employeeName, departmentName: r.departmentName }, inParens) } : null) as PickedEmployee | null,
  courseId: r ? String(r.courseId) : "",
  completedOn: r?.completedOn ?? today,
  score: r?.score === null || r?.score === undefined ? "" : String(r.score),
  method: (r?.method ?? "e_learning") as TrainingMethodValue | "",
  evidence: r?.evidence ?? "",
  note: r?.note ?? "",
});

function RecordForm({
  record,
  courses,
  departments,
  today,
  onCancel,
  onSaved,
}: {
  record?: RecordDto;
  courses: CourseOption[];
  departments: DepartmentOption[];
  today: string;
  onCancel: () => void;
  onSaved: (r: RecordDto) => void;
}) {
  const t = useTranslations("records");
  const tm = useTranslations("methods");
  const tc = useTranslations("common");
  const inParens = (text: string) => tc("inParens", { text });
  const f = useForm({
    initial: valuesOf(record, today, inParens),
    record,
    schema: record ? updateRecordSchema : createRecordSchema,
    toInput: (v) => ({ employeeId: v.employee?.id ?? null, courseId: v.courseId || null, completedOn: v.completedOn, score: v.score, method: v.method, evidence: v.evidence, note: v.note }),
    // The date and pass-mark rules the API applies after the schema.
    rules: (parsed, v) =>
      parsed
        ? recordRuleErrors(parsed, { passMark: courseOf(v.courseId)?.passMark ?? null }, today, { checkDate: !record || v.completedOn !== record.completedOn })
        : [],
    fields: ["employeeId", "courseId", "completedOn", "score", "method", "evidence", "note"],
    submit: (body) =>
      record
        ? apiFetch<RecordDto>(`/api/v1/training-records/${record.id}`, { method: "PATCH", json: body })
        : apiFetch<RecordDto>("/api/v1/training-records", { method: "POST", json: body }),
    invalidate: [queryKeys.records, ...(record ? [queryKeys.record(record.id)] : []), queryKeys.employeeOptions],
    onSaved,
    loadLatest: record ? () => apiFetch<RecordDetail>(`/api/v1/training-records/${record.id}`).then((d) => d.record) : undefined,
    compare: {
      employeeId: t("fields.employeeId"),
      courseId: t("fields.courseId"),
      completedOn: t("fields.completedOn"),
      score: t("fields.score"),
      method: t("fields.method"),
      evidence: t("fields.evidence"),
      note: t("fields.note"),
    },
    toValues: (r) => valuesOf(r, today, inParens),
  });
  const v = f.values;
  /** Changing one of two related fields clears the other's error too (the rule joined them). */
  const set = <K extends keyof typeof v>(name: K, value: (typeof v)[K], also?: string) => {
    f.setValue(name, value);
    if (also) f.clearError(also);
  };

  // A record's own course stays choosable in a correction even if it has been retired since.
  const courseOptions =
    record && !courses.some((c) => c.id === record.courseId)
      ? [...courses, { id: record.courseId, code: record.courseCode, title: record.courseTitle, passMark: record.coursePassMark, retired: true }]
      : courses;
  function courseOf(id: string) {
    return courseOptions.find((c) => String(c.id) === id);
  }
  const course = courseOf(v.courseId);
  const scoreNumber = v.score.trim() === "" || Number.isNaN(Number(v.score)) ? null : Number(v.score);

  return (
    <Form form={f} onCancel={onCancel} submitLabel={record ? t("form.submitEdit") : t("form.submitCreate")}>

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("fields.completedOn")}
          type="date"
          required
          max={today}
          {...f.field("completedOn")}
          onChange={(e) => set("completedOn", e.target.value, "employeeId")}
          hint={t("form.completedOnHint")}
        />
        <SelectField label={t("fields.courseId")} required {...f.field("courseId")} onChange={(e) => set("courseId", e.target.value, "score")}>
          <option value="">{t("form.chooseCourse")}</option>
          {courseOptions.map((c) => (
            <option key={c.id} value={c.id}>
              {c.retired ? t("filters.retiredCourse", { title: `${c.code} ${c.title}` }) : `${c.code} ${c.title}`}
            </option>
          ))}
        </SelectField>
      </div>

      <RecordEmployeePicker
        label={t("fields.employeeId")}
        required
        value={v.employee}
        onChange={(picked) => {
          set("employee", picked, "completedOn");
          f.clearError("employeeId");
        }}
        date={v.completedOn}
        courseId={course?.id ?? null}
        departments={departments}
        error={f.errors.employeeId}
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
            {...f.field("score")}
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
        <EnumSelect
          label={t("fields.method")}
          required
          values={TRAINING_METHOD_VALUES}
          {...f.enumField("method")}
          optionLabel={(m) => tm(m)}
        />
      </div>

      <TextField label={t("fields.evidence")} {...f.field("evidence")} hint={t("form.evidenceHint")} maxLength={500} />
      <TextAreaField label={t("fields.note")} {...f.field("note")} rows={2} maxLength={2000} />

</Form>
  );
}
