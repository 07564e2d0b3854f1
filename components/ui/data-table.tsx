"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { EmptyState, Skeleton } from "./card";
import { LoadError } from "./load-error";
import { Button } from "./button";

export type Column<T> = {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Server-side sort key; omitted = not sortable. */
  sort?: string;
  className?: string;
  /**
   * A column of words kept at a readable width on a narrow screen: the table scrolls sideways in its
   * card instead of squeezing the column, where Japanese (which may break after any character) would
   * stand one or two characters a line. `name` ≈ 7rem (a person, a department, a kind, a short count),
   * `title` ≈ 12rem (a title, a list of names). Below the lg breakpoint only: a laptop's table keeps
   * the widths its content asks for, so its columns stay in view.
   */
  textWidth?: "name" | "title";
};

const TEXT_WIDTH = { name: "min-w-[7rem] lg:min-w-0", title: "min-w-[12rem] lg:min-w-0" } as const;

export type SortState = { sort: string; dir: "asc" | "desc" };

/**
 * A box whose content scrolls sideways inside it when wider than the page (never the page itself),
 * with a shadow at each edge that has more to see, and keyboard scrolling: while it overflows it is a
 * labelled, focusable region (axe "scrollable-region-focusable").
 */
export function ScrollArea({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ start: false, end: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const start = el.scrollLeft > 1;
      const end = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setEdges((e) => (e.start === start && e.end === end ? e : { start, end }));
    };
    measure();
    el.addEventListener("scroll", measure, { passive: true });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => {
      el.removeEventListener("scroll", measure);
      ro.disconnect();
    };
  }, []);
  const scrolls = edges.start || edges.end;
  return (
    <div className={`relative min-w-0 overflow-hidden ${className}`}>
      <div
        ref={ref}
        className="overflow-x-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600"
        role={scrolls ? "region" : undefined}
        aria-label={scrolls ? label : undefined}
        tabIndex={scrolls ? 0 : undefined}
        data-scrolls={scrolls || undefined}
      >
        {children}
      </div>
      <div aria-hidden="true" className={`pointer-events-none absolute inset-y-0 left-0 w-6 bg-gradient-to-r from-slate-900/15 to-transparent transition-opacity ${edges.start ? "opacity-100" : "opacity-0"}`} />
      <div aria-hidden="true" className={`pointer-events-none absolute inset-y-0 right-0 w-6 bg-gradient-to-l from-slate-900/15 to-transparent transition-opacity ${edges.end ? "opacity-100" : "opacity-0"}`} />
    </div>
  );
}

/** A list the server filters, sorts and pages; this component only shows it. */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  loading,
  error,
  onRetry,
  sort,
  onSort,
  empty,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string | number;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  sort?: SortState;
  onSort?: (s: SortState) => void;
  /** What an empty list says (default: the common "nothing matches"). */
  empty?: string;
}) {
  const t = useTranslations("common");
  if (error) return <LoadError onRetry={onRetry} />;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white" aria-busy={loading || undefined}>
      <ScrollArea label={caption}>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50">
            <tr>
              {columns.map((c) => {
                const active = sort?.sort === c.sort;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={c.sort && active ? (sort!.dir === "asc" ? "ascending" : "descending") : undefined}
                    className={`whitespace-nowrap px-3 py-2 text-left font-semibold text-slate-700 ${c.className ?? ""}`}
                  >
                    {c.sort && onSort ? (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 hover:text-brand-700"
                        aria-label={t("sortBy", { column: c.header })}
                        onClick={() => onSort({ sort: c.sort!, dir: active && sort!.dir === "asc" ? "desc" : "asc" })}
                      >
                        {c.header}
                        <span aria-hidden="true" className="text-xs">
                          {active ? (sort!.dir === "asc" ? "▲" : "▼") : "↕"}
                        </span>
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {loading && !rows
              ? Array.from({ length: 5 }, (_, i) => (
                  <tr key={i}>
                    {columns.map((c) => (
                      <td key={c.key} className="px-3 py-3">
                        <Skeleton />
                      </td>
                    ))}
                  </tr>
                ))
              : rows?.map((r) => (
                  <tr key={rowKey(r)} className="hover:bg-slate-50">
                    {columns.map((c) => (
                      <td key={c.key} className={`px-3 py-2 align-top ${c.className ?? ""}`}>
                        {c.textWidth ? <div className={TEXT_WIDTH[c.textWidth]}>{c.cell(r)}</div> : c.cell(r)}
                      </td>
                    ))}
                  </tr>
                ))}
          </tbody>
        </table>
      </ScrollArea>
      {rows && rows.length === 0 ? (
        <div className="p-4">
          <EmptyState>{empty ?? t("empty")}</EmptyState>
        </div>
      ) : null}
      {loading && rows ? <p className="sr-only" role="status">{t("loading")}</p> : null}
    </div>
  );
}

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (p: number) => void;
  onPageSize?: (n: number) => void;
}) {
  const t = useTranslations("common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={t("pageOf", { page, pages, total })} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
      <span>{t("pageOf", { page, pages, total })}</span>
      <div className="flex items-center gap-2">
        {onPageSize ? (
          <label className="flex items-center gap-1">
            {t("perPage")}
            <select
              className="rounded border border-slate-300 bg-white px-2 py-1"
              value={pageSize}
              onChange={(e) => onPageSize(Number(e.target.value))}
            >
              {[20, 50, 100, 200].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t("previous")}
        </Button>
        <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t("next")}
        </Button>
      </div>
    </nav>
  );
}
