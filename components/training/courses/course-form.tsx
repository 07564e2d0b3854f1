"use client";

import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextAreaField, TextField } from "@/components/ui/field";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import {
  DEFAULT_NEW_HIRE_DUE_DAYS,
  DEFAULT_RECURRENCE_MONTHS,
  EMPLOYMENT_TYPE_VALUES,
  MAX_RECURRENCE_MONTHS,
  createCourseSchema,
  updateCourseSchema,
  type CourseDto,
} from "@/lib/training/courses-schema";
import { issuesToFieldErrors } from "@/lib/validation/issues";
import { queryKeys, type DepartmentOption } from "../records/types";

/** Create or edit a course: audience, recurrence, new-hire deadline, pass mark, required-from. */
export function CourseFormDialog({
  open,
  onClose,
  course,
  departments,
  today,
  onSaved,
  onConflictReload,
}: {
  open: boolean;
  onClose: () => void;
  course?: CourseDto;
  departments: DepartmentOption[];
  today: string;
  onSaved: (c: CourseDto) => void;
  onConflictReload?: () => void;
}) {
  const t = useTranslations("courses");
  return (
    <Dialog open={open} onClose={onClose} title={course ? t("editTitle") : t("createTitle")} wide>
      {open ? (
        <CourseForm
          key={course ? `${course.id}-${course.version}` : "new"}
          course={course}
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

function CourseForm({
  course,
  departments,
  today,
  onCancel,
  onSaved,
  onConflictReload,
}: {
  course?: CourseDto;
  departments: DepartmentOption[];
  today: string;
  onCancel: () => void;
  onSaved: (c: CourseDto) => void;
  onConflictReload?: () => void;
}) {
  const t = useTranslations("courses");
  const tc = useTranslations("common");
  const tAll = useTranslations();
  const qc = useQueryClient();
  const id = useId();

  const [code, setCode] = useState(course?.code ?? "");
  const [title, setTitle] = useState(course?.title ?? "");
  const [description, setDescription] = useState(course?.description ?? "");
  const [audienceAll, setAudienceAll] = useState(course?.audienceAll ?? true);
  const [deptIds, setDeptIds] = useState<number[]>(course?.audienceDepartmentIds ?? []);
  const [types, setTypes] = useState<string[]>(course?.audienceEmploymentTypes ?? []);
  const [recurring, setRecurring] = useState(course ? course.recurrenceMonths !== null : true);
  const [months, setMonths] = useState(String(course?.recurrenceMonths ?? DEFAULT_RECURRENCE_MONTHS));
  const [dueDays, setDueDays] = useState(String(course?.newHireDueDays ?? DEFAULT_NEW_HIRE_DUE_DAYS));
  const [passMark, setPassMark] = useState(course?.passMark === null || course?.passMark === undefined ? "" : String(course.passMark));
  const [requiredFrom, setRequiredFrom] = useState(course?.requiredFrom ?? today);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ message: string; conflict: boolean } | null>(null);
  /** A field's error goes as soon as the user changes that field. */
  const changed = (field: string) =>
    setErrors((cur) => {
      if (!(field in cur)) return cur;
      const next = { ...cur };
      delete next[field];
      return next;
    });

  // Departments retired since the course was set up stay visible while they are chosen.
  const deptChoices = departments.filter((d) => !d.retired || deptIds.includes(d.id));

  const save = useMutation({
    mutationFn: (body: unknown) =>
      course ? apiFetch<CourseDto>(`/api/v1/courses/${course.id}`, { method: "PATCH", json: body }) : apiFetch<CourseDto>("/api/v1/courses", { method: "POST", json: body }),
    onSuccess: async (saved) => {
      await Promise.all([qc.invalidateQueries({ queryKey: queryKeys.courses }), qc.invalidateQueries({ queryKey: queryKeys.course(saved.id) })]);
      onSaved(saved);
    },
    onError: (err) => {
      if (err instanceof ApiProblem) {
        const fields = { ...err.fieldErrors };
        if (fields.audienceDepartmentIds) fields.audience ??= fields.audienceDepartmentIds;
        setErrors(fields);
        setProblem({ message: err.detail ?? err.title, conflict: err.status === 409 });
      } else setProblem({ message: tc("errorBody"), conflict: false });
    },
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setProblem(null);
    const input = {
      code,
      title,
      description,
      audienceAll,
      audienceDepartmentIds: audienceAll ? [] : deptIds,
      audienceEmploymentTypes: audienceAll ? [] : types,
      recurrenceMonths: recurring ? months : null,
      newHireDueDays: dueDays,
      passMark,
      requiredFrom,
      ...(course ? { version: course.version } : {}),
    };
    const parsed = (course ? updateCourseSchema : createCourseSchema).safeParse(input);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const fe of issuesToFieldErrors(parsed.error.issues)) {
        const field = fe.field.startsWith("audience") ? "audience" : fe.field;
        found[field] ??= tAll(fe.messageKey, fe.values);
      }
      // The audience rule is checked after the fields; say it in the same round.
      if (!audienceAll && deptIds.length === 0 && types.length === 0) found.audience ??= tAll("courses.errors.audienceRequired");
      setErrors(found);
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  }

  const toggle = <T,>(list: T[], v: T, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));
  const radio = "h-4 w-4 border-slate-400 text-brand-600";
  const box = "h-4 w-4 rounded border-slate-400 text-brand-600";

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      {problem ? (
        <Alert tone={problem.conflict ? "warning" : "error"}>
          <p>{problem.message}</p>
          {problem.conflict && onConflictReload ? (
            <Button variant="secondary" className="mt-2" onClick={onConflictReload}>
              {t("reload")}
            </Button>
          ) : null}
        </Alert>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("fields.code")} required value={code} onChange={(e) => {
            setCode(e.target.value);
            changed("code");
          }} error={errors.code} hint={t("hints.code")} maxLength={40} autoComplete="off" />
        <div className="sm:col-span-2">
          <TextField label={t("fields.title")} required value={title} onChange={(e) => {
              setTitle(e.target.value);
              changed("title");
            }} error={errors.title} maxLength={200} />
        </div>
      </div>
      <TextAreaField label={t("fields.description")} value={description} onChange={(e) => {
          setDescription(e.target.value);
          changed("description");
        }} error={errors.description} rows={3} maxLength={4000} />

      <fieldset className="space-y-2" aria-describedby={`${id}-aud-hint${errors.audience ? ` ${id}-aud-error` : ""}`}>
        <legend className="text-sm font-medium text-slate-800">
          {t("fields.audience")}
          <span className="ml-1 text-xs font-normal text-red-700">
            *<span className="sr-only">{tc("required")}</span>
          </span>
        </legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name={`${id}-aud`} className={radio} checked={audienceAll} onChange={() => {
                setAudienceAll(true);
                changed("audience");
              }} />
            {t("audience.all")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name={`${id}-aud`} className={radio} checked={!audienceAll} onChange={() => setAudienceAll(false)} />
            {t("audience.some")}
          </label>
        </div>
        <p id={`${id}-aud-hint`} className="text-xs text-slate-600">
          {t("hints.audience")}
        </p>
        {!audienceAll ? (
          <div className={`grid gap-4 rounded-md border p-3 sm:grid-cols-2 ${errors.audience ? "border-red-600" : "border-slate-200"}`}>
            <fieldset>
              <legend className="mb-1 text-sm font-medium text-slate-700">{t("audience.departments")}</legend>
              <div className="grid gap-1.5">
                {deptChoices.map((d) => (
                  <label key={d.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" className={box} checked={deptIds.includes(d.id)} onChange={(e) => {
                        setDeptIds((cur) => toggle(cur, d.id, e.target.checked));
                        changed("audience");
                      }} />
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
                    <input type="checkbox" className={box} checked={types.includes(ty)} onChange={(e) => {
                        setTypes((cur) => toggle(cur, ty, e.target.checked));
                        changed("audience");
                      }} />
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

      <fieldset className="space-y-2" aria-describedby={`${id}-rec-hint${errors.recurrenceMonths ? ` ${id}-rec-error` : ""}`}>
        <legend className="text-sm font-medium text-slate-800">{t("fields.recurrence")}</legend>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name={`${id}-rec`} className={radio} checked={!recurring} onChange={() => {
                setRecurring(false);
                changed("recurrenceMonths");
              }} />
            {t("recurrence.once")}
          </label>
          <span className="flex items-center gap-2 text-sm">
            <input id={`${id}-rec-every`} type="radio" name={`${id}-rec`} className={radio} checked={recurring} onChange={() => setRecurring(true)} />
            <label htmlFor={`${id}-rec-every`}>{t("recurrence.every")}</label>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_RECURRENCE_MONTHS}
              step={1}
              aria-label={t("fields.recurrenceMonths")}
              aria-invalid={errors.recurrenceMonths ? true : undefined}
              disabled={!recurring}
              value={months}
              onChange={(e) => {
                setMonths(e.target.value);
                changed("recurrenceMonths");
              }}
              className={`w-20 rounded-md border px-2 py-1 text-sm disabled:bg-slate-100 ${errors.recurrenceMonths ? "border-red-600" : "border-slate-300"}`}
            />
            <span>{t("recurrence.months")}</span>
          </span>
        </div>
        <p id={`${id}-rec-hint`} className="text-xs text-slate-600">
          {t("hints.recurrence")}
        </p>
        {errors.recurrenceMonths ? (
          <p id={`${id}-rec-error`} role="alert" className="text-xs font-medium text-red-700">
            {errors.recurrenceMonths}
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
          value={dueDays}
          onChange={(e) => {
            setDueDays(e.target.value);
            changed("newHireDueDays");
          }}
          error={errors.newHireDueDays}
          hint={t("hints.newHireDueDays")}
        />
        <TextField
          label={t("fields.passMark")}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          value={passMark}
          onChange={(e) => {
            setPassMark(e.target.value);
            changed("passMark");
          }}
          error={errors.passMark}
          hint={t("hints.passMark")}
        />
        <TextField
          label={t("fields.requiredFrom")}
          type="date"
          required
          value={requiredFrom}
          onChange={(e) => {
            setRequiredFrom(e.target.value);
            changed("requiredFrom");
          }}
          error={errors.requiredFrom}
          hint={t("hints.requiredFrom")}
        />
      </div>

      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={save.isPending}>
          {tc("cancel")}
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? tc("saving") : tc("save")}
        </Button>
      </div>
    </form>
  );
}
