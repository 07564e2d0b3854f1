"use client";

import { useEffect, useId, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge, Skeleton } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api";
import { listSearch } from "@/lib/list/params";
import { employeeOptionsQuery, type EmployeeOption } from "@/lib/training/records-schema";
import { queryKeys, type DepartmentOption } from "./types";

export type PickedEmployee = { id: number; label: string; inAudience?: boolean | null };

/** "number name (department)"; `inParens` is common.inParens of the user's language. */
export function employeeLabel(e: { employeeNumber: string; name: string; departmentName?: string }, inParens: (text: string) => string) {
  return e.departmentName ? `${e.employeeNumber} ${e.name}${inParens(e.departmentName)}` : `${e.employeeNumber} ${e.name}`;
}

/** Debounced copy of a value (search boxes query the server as the user pauses). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * Pick one employee employed on `date`: search by number or name, or narrow by department, then
 * choose from the list. Shows whether the course applies to them and whether they already have a
 * record of it that day.
 */
export function EmployeePicker({
  value,
  onChange,
  date,
  courseId,
  departments,
  error,
  label,
  required,
}: {
  value: PickedEmployee | null;
  onChange: (e: PickedEmployee | null) => void;
  date: string;
  courseId: number | null;
  departments: DepartmentOption[];
  error?: string;
  label: string;
  required?: boolean;
}) {
  const t = useTranslations("records.form");
  const tc = useTranslations("common");
  const id = useId();
  const [q, setQ] = useState("");
  const [departmentId, setDepartmentId] = useState("");
  const dq = useDebounced(q.trim());
  const enabled = !value && (dq.length > 0 || departmentId !== "");
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
  const params = { q: dq, departmentId, date: validDate, courseId: courseId ?? undefined, limit: 30 };
  const options = useQuery({
    queryKey: [...queryKeys.employeeOptions, params],
    queryFn: () => apiFetch<{ items: EmployeeOption[]; truncated: boolean }>(`/api/v1/training-records/employee-options${listSearch(employeeOptionsQuery, params)}`),
    enabled,
    placeholderData: keepPreviousData,
  });

  const errorId = `${id}-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">
        {label}
        {required ? (
          <span className="ml-1 text-xs font-normal text-red-700">
            *<span className="sr-only">{tc("required")}</span>
          </span>
        ) : null}
      </legend>
      {value ? (
        <div className={`flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm ${error ? "border-red-600" : "border-slate-300"}`}>
          <span>
            <span className="sr-only">{t("selected")}: </span>
            <span className="font-medium">{value.label}</span>
            {value.inAudience === false ? (
              <span className="ml-2">
                <Badge tone="amber">{t("notInAudience")}</Badge>
              </span>
            ) : null}
          </span>
          <Button variant="ghost" onClick={() => onChange(null)}>
            {t("change")}
          </Button>
        </div>
      ) : (
        <div className="space-y-2">
          <div className="grid gap-2 sm:grid-cols-2">
            <div>
              <label htmlFor={`${id}-q`} className="sr-only">
                {t("employeeSearch")}
              </label>
              <input
                id={`${id}-q`}
                type="search"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                placeholder={t("employeeSearchPlaceholder")}
                aria-invalid={error ? true : undefined}
                className={`block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${error ? "border-red-600" : "border-slate-300"}`}
              />
            </div>
            <div>
              <label htmlFor={`${id}-dept`} className="sr-only">
                {t("departmentFilter")}
              </label>
              <select
                id={`${id}-dept`}
                value={departmentId}
                onChange={(e) => setDepartmentId(e.target.value)}
                className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
              >
                <option value="">{t("allDepartments")}</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {!enabled ? (
            <p className="text-xs text-slate-600">{t("typeToSearch")}</p>
          ) : options.isPending ? (
            <div className="space-y-1" aria-busy="true">
              <Skeleton className="h-8 w-full" />
              <Skeleton className="h-8 w-full" />
            </div>
          ) : options.isError ? (
            <p role="alert" className="text-sm text-red-700">
              {tc("error")}
            </p>
          ) : options.data.items.length === 0 ? (
            <p className="text-sm text-slate-600" role="status">
              {t("noEmployees")}
            </p>
          ) : (
            <div>
              <p className="sr-only" role="status">
                {t("results")}: {options.data.items.length}
              </p>
              <ul className="max-h-56 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200" aria-label={t("results")}>
                {options.data.items.map((e) => (
                  <li key={e.id}>
                    <button
                      type="button"
                      className="flex w-full flex-wrap items-center gap-2 px-3 py-2 text-left text-sm hover:bg-brand-50 focus:bg-brand-50"
                      onClick={() => onChange({ id: e.id, label: employeeLabel(e, (text) => tc("inParens", { text })), inAudience: e.inAudience })}
                    >
                      <span className="font-mono text-xs text-slate-600">{e.employeeNumber}</span>
                      <span className="font-medium">{e.name}</span>
                      <span className="text-xs text-slate-600">{e.departmentName}</span>
                      {e.inAudience === false ? <Badge tone="amber">{t("notInAudience")}</Badge> : null}
                      {e.recordedId ? <Badge tone="slate">{t("alreadyRecorded")}</Badge> : null}
                    </button>
                  </li>
                ))}
              </ul>
              {options.data.truncated ? <p className="mt-1 text-xs text-slate-600">{t("moreResults")}</p> : null}
            </div>
          )}
        </div>
      )}
      {value?.inAudience === false ? <p className="text-xs text-amber-900">{t("notInAudienceHint")}</p> : null}
      {error ? (
        <p id={errorId} role="alert" className="text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
