"use client";

import { useEffect, useId, useState, type ReactNode } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { PickerFieldset, SearchCombobox } from "@/components/ui/search-combobox";
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
 * department, then choose from the list (the searched-combobox kit, components/ui/search-combobox.tsx).
 * The server returns at most 30; more means "narrow it".
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
  // "Change" pressed: the search box that replaces the button takes the focus.
  const [changing, setChanging] = useState(false);
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

  const status = !enabled ? "idle" : options.isPending ? "loading" : options.isError ? "error" : "ready";
  return (
    <PickerFieldset legend={label} required={required} error={error}>
      {value ? (
        <div className={`flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm ${error ? "border-red-600" : "border-slate-300"}`}>
          <span>
            <span className="sr-only">{t("selected")}: </span>
            <span className="font-medium">{value.label}</span>
            {pickedBadges ? <span className="ml-2">{pickedBadges}</span> : null}
          </span>
          <Button
            variant="ghost"
            onClick={() => {
              setChanging(true);
              onChange(null);
            }}
          >
            {t("change")}
          </Button>
        </div>
      ) : (
        <SearchCombobox<T>
          label={t("search")}
          labelHidden
          query={q}
          onQueryChange={setQ}
          placeholder={t("searchPlaceholder")}
          invalid={!!error}
          focusOnMount={changing}
          beside={
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
          }
          status={status}
          options={options.data?.items ?? []}
          optionKey={(e) => e.id}
          renderOption={(e) => (
            <>
              <span className="font-mono text-xs text-slate-600">{e.employeeNumber}</span>
              <span className="font-medium">{e.name}</span>
              <span className="text-xs text-slate-600">{e.departmentName}</span>
              {src.badges?.(e)}
            </>
          )}
          onPick={(e) => onChange({ id: e.id, label: employeeLabel(e, (text) => tc("inParens", { text })), ...src.picked?.(e) })}
          listLabel={t("results")}
          idleText={t("typeToSearch")}
          emptyText={noResults ?? t("noEmployees")}
          truncated={options.data?.truncated}
          moreText={t("moreResults")}
        />
      )}
      {hint}
    </PickerFieldset>
  );
}
