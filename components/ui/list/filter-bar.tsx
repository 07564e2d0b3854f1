"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/**
 * The filter bar of a list: a search form (free text submitted with the button or Enter, other filters
 * applied as they change), "clear filters" while any filter is set, the export control, and the count of
 * results, which screen readers hear politely whenever it changes.
 */
export function FilterBar({
  label,
  search,
  filtered,
  onClear,
  clearLabel,
  total,
  actions,
  className = "",
  children,
}: {
  /** The section's accessible name. */
  label: string;
  /** The free-text field, when the list has one. */
  search?: SearchProps;
  /** Show "clear filters". */
  filtered: boolean;
  onClear: () => void;
  clearLabel?: string;
  /** The number of results (announced); undefined while unknown. */
  total?: number;
  /** Beside the buttons: usually an ExportControl. */
  actions?: ReactNode;
  /** Extra classes of the section (spacing in the page). */
  className?: string;
  /** The other filters (EnumSelect, SelectField, CheckboxField …). */
  children?: ReactNode;
}) {
  const tc = useTranslations("common");
  return (
    <section aria-label={label} className={`rounded-lg border border-slate-200 bg-white p-4 ${className}`}>
      {/* Keyed by the URL's text: the field shows it again after back/forward or "clear filters". */}
      <SearchForm key={search?.value ?? ""} search={search}>
        {children}
        <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4">
          {search ? (
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
        </div>
      </SearchForm>
      <p role="status" aria-live="polite" className="mt-2 text-xs text-slate-600">
        {total === undefined ? "" : tc("list.resultCount", { count: total })}
      </p>
    </section>
  );
}

type SearchProps = {
  label: string;
  placeholder?: string;
  /** The text in the URL. */
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  /** Also search when the field loses focus with changed text (lists whose other filters apply at once). */
  applyOnBlur?: boolean;
};

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
