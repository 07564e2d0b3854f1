"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Form, FormDialog, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import {
  DEFAULT_NEW_HIRE_DUE_DAYS,
  DEFAULT_RECURRENCE_MONTHS,
  EMPLOYMENT_TYPE_VALUES,
  MAX_RECURRENCE_MONTHS,
  createCourseSchema,
  updateCourseSchema,
  type CourseDto,
  type EmploymentTypeValue,
} from "@/lib/training/courses-schema";
import { queryKeys, type DepartmentOption } from "../records/types";

/** Create or edit a course: audience, recurrence, new-hire deadline, pass mark, required-from. */
export function CourseFormDialog({
  open,
  onClose,
  course,
  departments,
  today,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  course?: CourseDto;
  departments: DepartmentOption[];
  today: string;
  onSaved: (c: CourseDto) => void;
}) {
  const t = useTranslations("courses");
  return (
    <FormDialog open={open} onClose={onClose} title={course ? t("editTitle") : t("createTitle")} wide recordId={course?.id}>
      <CourseForm course={course} departments={departments} today={today} onCancel={onClose} onSaved={onSaved} />
    </FormDialog>
  );
}

const valuesOf = (c: CourseDto | undefined, today: string) => ({
  code: c?.code ?? "",
  title: c?.title ?? "",
  description: c?.description ?? "",
  audienceAll: c?.audienceAll ?? true,
  deptIds: c?.audienceDepartmentIds ?? [],
  types: (c?.audienceEmploymentTypes ?? []) as EmploymentTypeValue[],
  recurring: c ? c.recurrenceMonths !== null : true,
  months: String(c?.recurrenceMonths ?? DEFAULT_RECURRENCE_MONTHS),
  dueDays: String(c?.newHireDueDays ?? DEFAULT_NEW_HIRE_DUE_DAYS),
  passMark: c?.passMark === null || c?.passMark === undefined ? "" : String(c.passMark),
  requiredFrom: c?.requiredFrom ?? today,
});

function CourseForm({
  course,
  departments,
  today,
  onCancel,
  onSaved,
}: {
  course?: CourseDto;
  departments: DepartmentOption[];
  today: string;
  onCancel: () => void;
  onSaved: (c: CourseDto) => void;
}) {
  const t = useTranslations("courses");
  const tc = useTranslations("common");
  const id = useId();
  const f = useForm({
    initial: valuesOf(course, today),
    record: course,
    schema: course ? updateCourseSchema : createCourseSchema,
    toInput: (v) => ({
      code: v.code,
      title: v.title,
      description: v.description,
      audienceAll: v.audienceAll,
      audienceDepartmentIds: v.audienceAll ? [] : v.deptIds,
      audienceEmploymentTypes: v.audienceAll ? [] : v.types,
      recurrenceMonths: v.recurring ? v.months : null,
      newHireDueDays: v.dueDays,
      passMark: v.passMark,
      requiredFrom: v.requiredFrom,
    }),
    // The audience rule is checked after the fields; say it in the same round.
    rules: (parsed, v) => (!parsed && !v.audienceAll && v.deptIds.length === 0 && v.types.length === 0 ? [{ field: "audience", messageKey: "courses.errors.audienceRequired" }] : []),
    // Every audience error shows on the audience fieldset; the months input shows recurrence errors.
    errorField: (field) => (field.startsWith("audience") ? "audience" : field === "recurrenceMonths" ? "months" : field === "newHireDueDays" ? "dueDays" : field),
    fields: ["code", "title", "description", "audience", "months", "dueDays", "passMark", "requiredFrom"],
    submit: (body) =>
      course ? apiFetch<CourseDto>(`/api/v1/courses/${course.id}`, { method: "PATCH", json: body }) : apiFetch<CourseDto>("/api/v1/courses", { method: "POST", json: body }),
    invalidate: course ? [queryKeys.courses, queryKeys.course(course.id)] : [queryKeys.courses],
    onSaved,
    loadLatest: course ? () => apiFetch<{ course: CourseDto }>(`/api/v1/courses/${course.id}`).then((d) => d.course) : undefined,
    compare: {
      code: t("fields.code"),
      title: t("fields.title"),
      description: t("fields.description"),
      audienceAll: t("fields.audience"),
      audienceDepartmentIds: t("audience.departments"),
      audienceEmploymentTypes: t("audience.employmentTypes"),
      recurrenceMonths: t("fields.recurrence"),
      newHireDueDays: t("fields.newHireDueDays"),
      passMark: t("fields.passMark"),
      requiredFrom: t("fields.requiredFrom"),
    },
    toValues: (c) => valuesOf(c, today),
  });
  const v = f.values;
  const errors = f.errors;

  // Departments retired since the course was set up stay visible while they are chosen.
  const deptChoices = departments.filter((d) => !d.retired || v.deptIds.includes(d.id));

  const toggle = <T,>(list: T[], v: T, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));
  const radio = "h-4 w-4 border-slate-400 text-brand-600";
  const box = "h-4 w-4 rounded border-slate-400 text-brand-600";

  return (
    <Form form={f} onCancel={onCancel} className="space-y-5">

      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("fields.code")} required {...f.field("code")} hint={t("hints.code")} maxLength={40} autoComplete="off" />
        <div className="sm:col-span-2">
          <TextField label={t("fields.title")} required {...f.field("title")} maxLength={200} />
        </div>
      </div>
      <TextAreaField label={t("fields.description")} {...f.field("description")} rows={3} maxLength={4000} />

      <fieldset className="space-y-2" aria-describedby={`${id}-aud-hint${errors.audience ? ` ${id}-aud-error` : ""}`}>
        <legend className="text-sm font-medium text-slate-800">
          {t("fields.audience")}
          <span className="ml-1 text-xs font-normal text-red-700">
            *<span className="sr-only">{tc("required")}</span>
          </span>
        </legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name={`${id}-aud`} className={radio} checked={v.audienceAll} onChange={() => (f.setValue("audienceAll", true), f.clearError("audience"))} />
            {t("audience.all")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name={`${id}-aud`} className={radio} checked={!v.audienceAll} onChange={() => f.setValue("audienceAll", false)} />
            {t("audience.some")}
          </label>
        </div>
        <p id={`${id}-aud-hint`} className="text-xs text-slate-600">
          {t("hints.audience")}
        </p>
        {!v.audienceAll ? (
          <div className={`grid gap-4 rounded-md border p-3 sm:grid-cols-2 ${errors.audience ? "border-red-600" : "border-slate-200"}`}>
            <fieldset>
              <legend className="mb-1 text-sm font-medium text-slate-700">{t("audience.departments")}</legend>
              <div className="grid gap-1.5">
                {deptChoices.map((d) => (
                  <label key={d.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" className={box} checked={v.deptIds.includes(d.id)} onChange={(e) => (f.setValue("deptIds", toggle(v.deptIds, d.id, e.target.checked)), f.clearError("audience"))} />
                    {d.name}
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset>
              <legend className="mb-1 text-sm font-medium text-slate-700">{t("audience.employmentTypes")}</legend>
              <div className="grid gap-1.5">
                {EMPLOYMENT_TYPE_VALUES.map((ty) => (
                  <label key={ty} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" className={box} checked={v.types.includes(ty)} onChange={(e) => (f.setValue("types", toggle(v.types, ty, e.target.checked)), f.clearError("audience"))} />
                    {t(`employmentTypes.${ty}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        ) : null}
        {errors.audience ? (
          <p id={`${id}-aud-error`} role="alert" className="text-xs font-medium text-red-700">
            {errors.audience}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="space-y-2" aria-describedby={`${id}-rec-hint${errors.months ? ` ${id}-rec-error` : ""}`}>
        <legend className="text-sm font-medium text-slate-800">{t("fields.recurrence")}</legend>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name={`${id}-rec`} className={radio} checked={!v.recurring} onChange={() => (f.setValue("recurring", false), f.clearError("months"))} />
            {t("recurrence.once")}
          </label>
          <span className="flex items-center gap-2 text-sm">
            <input id={`${id}-rec-every`} type="radio" name={`${id}-rec`} className={radio} checked={v.recurring} onChange={() => f.setValue("recurring", true)} />
            <label htmlFor={`${id}-rec-every`}>{t("recurrence.every")}</label>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_RECURRENCE_MONTHS}
              step={1}
              aria-label={t("fields.recurrenceMonths")}
              aria-invalid={errors.months ? true : undefined}
              disabled={!v.recurring}
              {...f.field("months")}
              className={`w-20 rounded-md border px-2 py-1 text-sm disabled:bg-slate-100 ${errors.months ? "border-red-600" : "border-slate-300"}`}
            />
            <span>{t("recurrence.months")}</span>
          </span>
        </div>
        <p id={`${id}-rec-hint`} className="text-xs text-slate-600">
          {t("hints.recurrence")}
        </p>
        {errors.months ? (
          <p id={`${id}-rec-error`} role="alert" className="text-xs font-medium text-red-700">
            {errors.months}
          </p>
        ) : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t("fields.newHireDueDays")}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          required
          {...f.field("dueDays")}
          hint={t("hints.newHireDueDays")}
        />
        <TextField
          label={t("fields.passMark")}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          {...f.field("passMark")}
          hint={t("hints.passMark")}
        />
        <TextField
          label={t("fields.requiredFrom")}
          type="date"
          required
          {...f.field("requiredFrom")}
          hint={t("hints.requiredFrom")}
        />
      </div>

</Form>
  );
}
