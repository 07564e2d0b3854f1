"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ParamValue } from "@/lib/list/params";
import { ExportControl } from "./export-control";

/** What FilterBar needs of useListParams (its return value fits). */
type ListState = {
  values: Partial<Record<string, ParamValue>>;
  filtered: boolean;
  clear(): void;
  update(patch: Partial<Record<string, ParamValue>>): void;
};

type SearchProps = {
  label: string;
  placeholder?: string;
  /** The text in the URL. */
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  /** Also search when the field loses focus with changed text (lists whose other filters apply at once). */
  applyOnBlur?: boolean;
};

/**
 * The filter bar of a list: a search form (free text submitted with the button or Enter, other filters
 * applied as they change), "clear filters" while any filter is set, the export control, and the count of
 * results, which screen readers hear politely whenever it changes. Given `params` (useListParams), it
 * reads and writes `q`, knows whether a filter is set, clears, and exports the list as filtered now.
 */
export function FilterBar({
  label,
  params,
  search,
  filtered = params?.filtered ?? false,
  onClear = () => params?.clear(),
  clearLabel,
  total,
  exportTo,
  actions,
  className = "",
  children,
}: {
  /** The section's accessible name. */
  label: string;
  /** The list's URL state. */
  params?: ListState;
  /** The free-text field, when the list has one; `value`/`onSearch` default to `q` of `params`. */
  search?: Omit<SearchProps, "value" | "onSearch"> & Partial<Pick<SearchProps, "value" | "onSearch">>;
  /** Show "clear filters" (default: a filter of `params` is set). */
  filtered?: boolean;
  onClear?: () => void;
  clearLabel?: string;
  /** The number of results (announced); undefined while unknown. */
  total?: number;
  /** The list's export endpoint and its filter schema: CSV and Excel of `params.values`. */
  exportTo?: { path: string; schema: z.ZodObject; label?: string };
  /** Beside the buttons (another control, or an ExportControl of other values). */
  actions?: ReactNode;
  /** Extra classes of the section (spacing in the page). */
  className?: string;
  /** The other filters (EnumSelect, SelectField, CheckboxField …). */
  children?: ReactNode;
}) {
  const tc = useTranslations("common");
  const q = params?.values.q;
  const searchProps: SearchProps | undefined = search
    ? { value: typeof q === "string" ? q : undefined, onSearch: (text) => params?.update({ q: text }), ...search }
    : undefined;
  return (
    <section aria-label={label} className={`rounded-lg border border-slate-200 bg-white p-4 ${className}`}>
      {/* Keyed by the URL's text: the field shows it again after back/forward or "clear filters". */}
      <SearchForm key={searchProps?.value ?? ""} search={searchProps}>
        {children}
        <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4">
          {searchProps ? (
            <Button type="submit" variant="secondary">
              {tc("search")}
            </Button>
          ) : null}
          {filtered ? (
            <Button type="button" variant="ghost" onClick={onClear}>
              {clearLabel ?? tc("clearFilters")}
            </Button>
          ) : null}
          {actions}
          {exportTo ? <ExportControl path={exportTo.path} schema={exportTo.schema} values={params?.values ?? {}} label={exportTo.label} /> : null}
        </div>
      </SearchForm>
      <p role="status" aria-live="polite" className="mt-2 text-xs text-slate-600">
        {total === undefined ? "" : tc("list.resultCount", { count: total })}
      </p>
    </section>
  );
}

function SearchForm({ search, children }: { search?: SearchProps; children: ReactNode }) {
  const [text, setText] = useState(search?.value ?? "");
  return (
    <form
      role="search"
      className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-4"
      onSubmit={(e) => {
        e.preventDefault();
        search?.onSearch(text.trim() || undefined);
      }}
    >
      {search ? (
        <div className="sm:col-span-2">
          <TextField
            label={search.label}
            type="search"
            name="q"
            value={text}
            placeholder={search.placeholder}
            onChange={(e) => setText(e.target.value)}
            onBlur={search.applyOnBlur ? () => text.trim() !== (search.value ?? "") && search.onSearch(text.trim() || undefined) : undefined}
          />
        </div>
      ) : null}
      {children}
    </form>
  );
}
