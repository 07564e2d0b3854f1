"use client";

import { useEffect, useId, useState, type ReactNode } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Skeleton } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api";
import { listSearch } from "@/lib/list/params";
import { employeePickQuery, type EmployeePickOption } from "@/lib/training/employees-schema";

export type PickedEmployee = { id: number; label: string; inAudience?: boolean | null };

/** Query key of every picker search, so a write that changes who can be picked can invalidate them. */
export const employeePickKey = ["employee-pick-options"] as const;

/** "number name (department)"; `inParens` is common.inParens of the user's language. */
export function employeeLabel(e: { employeeNumber: string; name: string; departmentName?: string | null }, inParens: (text: string) => string) {
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
 * Where a picker searches. The default is GET /api/v1/employees/options; a form with more to say
 * about each person (the training record forms: in the course's audience, already recorded) gives
 * its own endpoint, whose query extends employeePickQuery and whose options extend EmployeePickOption.
 */
export type EmployeePickSource<T extends EmployeePickOption> = {
  path: string;
  query: z.ZodObject;
  params?: Record<string, string | number | undefined>;
  queryKey: readonly unknown[];
  /** Badges shown beside an option. */
  badges?: (o: T) => ReactNode;
  /** What the chosen value keeps of the option besides id and label. */
  picked?: (o: T) => Omit<PickedEmployee, "id" | "label">;
};

const GENERAL_SOURCE: EmployeePickSource<EmployeePickOption> = { path: "/api/v1/employees/options", query: employeePickQuery, queryKey: employeePickKey };

/**
 * Pick one employee employed on `date` (default today): search by number or name, or narrow by
 * department, then choose from the list. The server returns at most 30; more means "narrow it".
 */
export function EmployeePicker<T extends EmployeePickOption = EmployeePickOption>({
  value,
  onChange,
  date,
  departments,
  error,
  label,
  required,
  source,
  noResults,
  pickedBadges,
  hint,
}: {
  value: PickedEmployee | null;
  onChange: (e: PickedEmployee | null) => void;
  date?: string;
  departments: { id: number; name: string }[];
  error?: string;
  label: string;
  required?: boolean;
  source?: EmployeePickSource<T>;
  /** Said when nothing matches (e.g. who is listed at all); default "No matching employee." */
  noResults?: string;
  /** Badges beside the chosen employee. */
  pickedBadges?: ReactNode;
  /** A line under the picker (e.g. a warning about the chosen employee). */
  hint?: ReactNode;
}) {
  const t = useTranslations("employeePicker");
  const tc = useTranslations("common");
  const id = useId();
  const src = (source ?? GENERAL_SOURCE) as EmployeePickSource<T>;
  const [q, setQ] = useState("");
  const [departmentId, setDepartmentId] = useState("");
  const dq = useDebounced(q.trim());
  const enabled = !value && (dq.length > 0 || departmentId !== "");
  const validDate = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
  const params = { q: dq, departmentId, date: validDate, limit: 30, ...src.params };
  const options = useQuery({
    queryKey: [...src.queryKey, params],
    queryFn: () => apiFetch<{ items: T[]; truncated: boolean }>(`${src.path}${listSearch(src.query, params)}`),
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
            {pickedBadges ? <span className="ml-2">{pickedBadges}</span> : null}
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
                {t("search")}
              </label>
              <input
                id={`${id}-q`}
                type="search"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                placeholder={t("searchPlaceholder")}
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
              {noResults ?? t("noEmployees")}
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
                      onClick={() => onChange({ id: e.id, label: employeeLabel(e, (text) => tc("inParens", { text })), ...src.picked?.(e) })}
                    >
                      <span className="font-mono text-xs text-slate-600">{e.employeeNumber}</span>
                      <span className="font-medium">{e.name}</span>
                      <span className="text-xs text-slate-600">{e.departmentName}</span>
                      {src.badges?.(e)}
                    </button>
                  </li>
                ))}
              </ul>
              {options.data.truncated ? <p className="mt-1 text-xs text-slate-600">{t("moreResults")}</p> : null}
            </div>
          )}
        </div>
      )}
      {hint}
      {error ? (
        <p id={errorId} role="alert" className="text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
