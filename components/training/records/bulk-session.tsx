"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Badge, Card, EmptyState, PageHeader, Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { Button, ButtonLink } from "@/components/ui/button";
import { EnumSelect, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { listSearch } from "@/lib/list/params";
import { isPassing } from "@/lib/training/status";
import {
  TRAINING_METHOD_VALUES,
  bulkRecordSchema,
  recordRuleErrors,
  employeeOptionsQuery,
  listRecordsQuery,
  type BulkResult,
  type EmployeeOption,
  type TrainingMethodValue,
} from "@/lib/training/records-schema";
import { useDebounced } from "@/components/ui/employee-picker";
import { queryKeys, type CourseOption, type DepartmentOption } from "./types";
import { ScrollArea } from "@/components/ui/data-table";
import { sessionKeys } from "../sessions/keys";
import { SessionFields } from "../sessions/session-fields";
import { EmployeeHeaderCells } from "./employee-header-cells";

type Selected = { id: number; employeeNumber: string; name: string; departmentName: string; score: string };

const LIST_LIMIT = 500;

/**
 * One session, many people: the course, date and method once, then tick the participants
 * (by department or search, with select-all) and, where the course has a pass mark, their scores.
 * The server stores all of them or none; people already recorded for that course and day are skipped.
 */
export function BulkSession({ courses, departments, today }: { courses: CourseOption[]; departments: DepartmentOption[]; today: string }) {
  const t = useTranslations("records");
  const tb = useTranslations("records.bulk");
  const tm = useTranslations("methods");
  const [departmentId, setDepartmentId] = useState("");
  const [q, setQ] = useState("");
  const [result, setResult] = useState<{ r: BulkResult; query: string } | null>(null);

  const f = useForm({
    initial: { courseId: "", completedOn: today, method: "classroom" as TrainingMethodValue | "", evidence: "", note: "", title: "", place: "", instructor: "", selected: [] as Selected[] },
    schema: bulkRecordSchema,
    toInput: (v) => ({
      courseId: v.courseId || null,
      completedOn: v.completedOn,
      method: v.method,
      evidence: v.evidence,
      note: v.note,
      title: v.title,
      place: v.place,
      instructor: v.instructor,
      entries: v.selected.map((s) => ({ employeeId: s.id, score: s.score })),
    }),
    // The date rule once, and each participant's score where the course has a pass mark (as the API checks them).
    rules: (parsed, v) =>
      parsed
        ? [
            ...recordRuleErrors({ completedOn: parsed.completedOn, score: 0 }, { passMark: null }, today),
            ...parsed.entries.flatMap((entry, i) =>
              recordRuleErrors({ completedOn: parsed.completedOn, score: entry.score }, { passMark: courseOf(v.courseId)?.passMark ?? null }, today, {
                checkDate: false,
                scoreField: `entries.${i}.score`,
              }),
            ),
          ]
        : [],
    submit: async (body) => ({
      r: await apiFetch<BulkResult>("/api/v1/training-records/bulk", { method: "POST", json: body }),
      query: listSearch(listRecordsQuery, { courseId: body.courseId, from: body.completedOn, to: body.completedOn }),
    }),
    // Errors of the participants show on their rows (the `entries…` keys), the rest beside their fields.
    fields: (field) => ["courseId", "completedOn", "method", "evidence", "note", "title", "place", "instructor"].includes(field) || field.startsWith("entries"),
    invalidate: [queryKeys.records, queryKeys.employeeOptions, sessionKeys.all],
    onSaved: (saved) => {
      setResult(saved);
      f.setValue("selected", []);
      window.scrollTo({ top: 0, behavior: "smooth" });
    },
  });
  const { courseId, completedOn, selected } = f.values;
  const errors = f.errors;

  function courseOf(id: string) {
    return courses.find((c) => String(c.id) === id);
  }
  const course = courseOf(courseId);
  // Entry errors are keyed by position, which a change of the selection shifts: clear them all.
  const clearEntryErrors = () => {
    for (const k of Object.keys(errors)) if (k.startsWith("entries")) f.clearError(k);
  };
  const setSelected = (next: (cur: Selected[]) => Selected[]) => f.setValue("selected", next(selected));
  const dq = useDebounced(q.trim());
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(completedOn) ? completedOn : undefined;
  const listParams = { departmentId, q: dq, date: validDate, courseId: courseId || undefined, limit: LIST_LIMIT };
  const listEnabled = (departmentId !== "" || dq !== "") && validDate !== undefined;
  const people = useQuery({
    queryKey: [...queryKeys.employeeOptions, "bulk", listParams],
    queryFn: () => apiFetch<{ items: EmployeeOption[]; truncated: boolean }>(`/api/v1/training-records/employee-options${listSearch(employeeOptionsQuery, listParams)}`),
    enabled: listEnabled,
    placeholderData: keepPreviousData,
  });

  const selectedIds = new Set(selected.map((s) => s.id));
  const selectable = (people.data?.items ?? []).filter((e) => !e.recordedId);
  const allShownSelected = selectable.length > 0 && selectable.every((e) => selectedIds.has(e.id));

  const toggle = (e: EmployeeOption, on: boolean) =>
    setSelected((cur) =>
      on
        ? cur.some((s) => s.id === e.id)
          ? cur
          : [...cur, { id: e.id, employeeNumber: e.employeeNumber, name: e.name, departmentName: e.departmentName, score: "" }]
        : cur.filter((s) => s.id !== e.id),
    );
  const toggleAll = (on: boolean) => {
    if (on) setSelected((cur) => [...cur, ...selectable.filter((e) => !cur.some((s) => s.id === e.id)).map((e) => ({ id: e.id, employeeNumber: e.employeeNumber, name: e.name, departmentName: e.departmentName, score: "" }))]);
    else {
      const shown = new Set(selectable.map((e) => e.id));
      setSelected((cur) => cur.filter((s) => !shown.has(s.id)));
    }
  };
  const setScore = (id: number, score: string) => setSelected((cur) => cur.map((s) => (s.id === id ? { ...s, score } : s)));

  // Errors of entry i (by index in `selected`, the order they are sent in).
  const entryError = (i: number) => errors[`entries.${i}.employeeId`] ?? errors[`entries.${i}.score`];
  const entryErrors = selected.map((s, i) => ({ s, message: entryError(i) })).filter((x) => x.message);

  return (
    <div className="space-y-4">
      <PageHeader title={tb("title")} description={tb("description")} actions={<ButtonLink href="/training/records">{tb("backToList")}</ButtonLink>} />

      {result ? (
        <Alert tone="success">
          <p>{tb("done", { created: result.r.created })}</p>
          {result.r.skipped.length ? (
            <p className="mt-1">{tb("skipped", { count: result.r.skipped.length, names: result.r.skipped.map((s) => `${s.employeeNumber} ${s.name}`).join(t("listSeparator")) })}</p>
          ) : null}
          <Link href={`/training/records${result.query}`} className="mt-1 inline-block font-medium underline">
            {tb("viewRecords")}
          </Link>
          {result.r.sessionId !== null ? (
            <Link href={`/training/sessions/${result.r.sessionId}`} className="mt-1 ml-4 inline-block font-medium underline">
              {tb("viewSession")}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <Form
        form={{
          ...f,
          onSubmit: (e) => {
            setResult(null);
            f.onSubmit(e);
          },
        }}
        submitLabel={selected.length ? tb("submit", { count: selected.length }) : tb("submitEmpty")}
      >
        <Card title={tb("sessionTitle")}>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <SelectField
              label={t("fields.courseId")}
              required
              {...f.field("courseId")}
              onChange={(e) => {
                f.setValue("courseId", e.target.value);
                clearEntryErrors();
              }}
            >
              <option value="">{t("form.chooseCourse")}</option>
              {courses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} {c.title}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("fields.completedOn")}
              type="date"
              required
              max={today}
              {...f.field("completedOn")}
              onChange={(e) => {
                f.setValue("completedOn", e.target.value);
                clearEntryErrors();
              }}
              hint={t("form.completedOnHint")}
            />
            <EnumSelect
              label={t("fields.method")}
              required
              values={TRAINING_METHOD_VALUES}
              {...f.enumField("method")}
              optionLabel={(m) => tm(m)}
            />
            <SessionFields form={f} />
            <TextField label={t("fields.evidence")} {...f.field("evidence")} hint={t("form.evidenceHint")} maxLength={500} />
            <div className="sm:col-span-2">
              <TextAreaField label={t("fields.note")} {...f.field("note")} rows={2} maxLength={2000} />
            </div>
          </div>
          {course ? (
            <p className="mt-3 text-sm text-slate-700">{course.passMark !== null ? t("form.scoreHintRequired", { passMark: course.passMark }) : t("form.scoreHintOptional")}</p>
          ) : null}
        </Card>

        <Card title={tb("participantsTitle")} action={<span className="text-sm text-slate-700" role="status">{tb("selectedCount", { count: selected.length })}</span>}>
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField label={t("filters.department")} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
              <option value="">{t("form.allDepartments")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </SelectField>
            <TextField label={t("filters.search")} type="search" value={q} placeholder={t("filters.searchPlaceholder")} onChange={(e) => setQ(e.target.value)} />
          </div>
          {errors.entries ? (
            <p role="alert" className="mt-2 text-sm font-medium text-red-700">
              {errors.entries}
            </p>
          ) : null}

          <div className="mt-3">
            {!listEnabled ? (
              <EmptyState>{tb("pickDepartment")}</EmptyState>
            ) : people.isPending ? (
              <div className="space-y-2" aria-busy="true">
                <Skeleton className="h-8 w-full" />
                <Skeleton className="h-8 w-full" />
                <Skeleton className="h-8 w-full" />
              </div>
            ) : people.isError ? (
              <LoadError onRetry={() => people.refetch()} />
            ) : people.data.items.length === 0 ? (
              <EmptyState>{tb("noEmployees")}</EmptyState>
            ) : (
              <ScrollArea label={tb("participantsTitle")} className="rounded-lg border border-slate-200">
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <caption className="sr-only">{tb("participantsTitle")}</caption>
                  <thead className="bg-slate-50">
                    <tr>
                      <th scope="col" className="w-10 px-3 py-2 text-left">
                        <input
                          type="checkbox"
                          className="h-4 w-4"
                          aria-label={tb("selectAll")}
                          title={tb("selectAll")}
                          checked={allShownSelected}
                          disabled={selectable.length === 0}
                          onChange={(e) => {
                            toggleAll(e.target.checked);
                            clearEntryErrors();
                          }}
                        />
                      </th>
                      <EmployeeHeaderCells />
                      <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                        {t("columns.score")}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {people.data.items.map((e) => {
                      const index = selected.findIndex((s) => s.id === e.id);
                      const sel = index >= 0 ? selected[index] : undefined;
                      const err = index >= 0 ? entryError(index) : undefined;
                      const scoreNum = sel && sel.score.trim() !== "" ? Number(sel.score) : null;
                      return (
                        <tr key={e.id} className={err ? "bg-red-50" : sel ? "bg-brand-50" : undefined}>
                          <td className="px-3 py-2">
                            <input
                              type="checkbox"
                              className="h-4 w-4"
                              aria-label={tb("selectEmployee", { name: `${e.employeeNumber} ${e.name}` })}
                              checked={Boolean(sel)}
                              disabled={Boolean(e.recordedId)}
                              onChange={(ev) => {
                                toggle(e, ev.target.checked);
                                clearEntryErrors();
                              }}
                            />
                          </td>
                          <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{e.employeeNumber}</td>
                          <td className="px-3 py-2">
                            <span className="font-medium">{e.name}</span>
                            <span className="ml-2 inline-flex gap-1">
                              {e.recordedId ? (
                                <span title={tb("alreadyRecordedHint")}>
                                  <Badge tone="slate">{tb("alreadyRecorded")}</Badge>
                                </span>
                              ) : null}
                              {e.inAudience === false ? <Badge tone="amber">{tb("outside")}</Badge> : null}
                            </span>
                            {err ? (
                              <span role="alert" className="block text-xs font-medium text-red-700">
                                {err}
                              </span>
                            ) : null}
                          </td>
                          <td className="px-3 py-2 text-slate-700">{e.departmentName}</td>
                          <td className="px-3 py-2">
                            {sel ? (
                              <span className="flex items-center gap-2">
                                <input
                                  type="number"
                                  inputMode="numeric"
                                  min={0}
                                  max={100}
                                  step={1}
                                  aria-label={tb("scoreFor", { name: e.name })}
                                  aria-invalid={errors[`entries.${index}.score`] ? true : undefined}
                                  aria-required={course?.passMark !== null && course?.passMark !== undefined ? true : undefined}
                                  value={sel.score}
                                  onChange={(ev) => {
                                    setScore(e.id, ev.target.value);
                                    f.clearError(`entries.${index}.score`);
                                  }}
                                  className={`w-20 rounded-md border px-2 py-1 text-sm ${errors[`entries.${index}.score`] ? "border-red-600" : "border-slate-300"}`}
                                />
                                {course && course.passMark !== null && scoreNum !== null && !Number.isNaN(scoreNum) ? (
                                  <Badge tone={isPassing(scoreNum, course.passMark) ? "green" : "red"}>
                                    {isPassing(scoreNum, course.passMark) ? t("result.passed") : t("result.failed")}
                                  </Badge>
                                ) : null}
                              </span>
                            ) : (
                              <span className="text-slate-400">—</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollArea>
            )}
            {people.data?.truncated ? <p className="mt-2 text-xs text-slate-600">{tb("tooMany", { count: LIST_LIMIT })}</p> : null}
          </div>

          {selected.length ? (
            <details className="mt-4 rounded-md border border-slate-200 p-3 text-sm">
              <summary className="cursor-pointer font-medium">
                {tb("selectedTitle", { count: selected.length })}
              </summary>
              <ul className="mt-2 flex flex-wrap gap-2">
                {selected.map((s, i) => (
                  <li key={s.id} className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 ${entryError(i) ? "border-red-400 bg-red-50" : "border-slate-300"}`}>
                    {s.employeeNumber} {s.name}
                    <button
                      type="button"
                      className="rounded px-1 text-slate-600 hover:bg-slate-100"
                      aria-label={tb("remove", { name: `${s.employeeNumber} ${s.name}` })}
                      onClick={() => {
                        setSelected((cur) => cur.filter((x) => x.id !== s.id));
                        clearEntryErrors();
                      }}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
              <Button variant="ghost" className="mt-2" onClick={() => setSelected(() => [])}>
                {tb("clearSelection")}
              </Button>
            </details>
          ) : null}
        </Card>

        {entryErrors.length ? (
          <Alert tone="error">
            <p>{tb("entryErrors")}</p>
            <ul className="mt-1 list-disc pl-5">
              {entryErrors.slice(0, 5).map(({ s, message }) => (
                <li key={s.id}>{tb("entryError", { employee: `${s.employeeNumber} ${s.name}`, message: message! })}</li>
              ))}
              {entryErrors.length > 5 ? <li>{tb("moreErrors", { count: entryErrors.length - 5 })}</li> : null}
            </ul>
          </Alert>
        ) : null}
      </Form>
    </div>
  );
}
