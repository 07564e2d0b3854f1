import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import type { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/dates";
import type { Capped } from "@/lib/report/shape";

/** The report's building blocks: a numbered section, a part of it, label/value figures, tables and capped lists. */

export const LINK = "text-brand-700 underline underline-offset-2 hover:text-brand-800";

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={`section-${id}`} aria-labelledby={`section-${id}-title`} className="report-section report-card space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={`section-${id}-title`} className="border-b-2 border-slate-800 pb-1 text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Part({ title, children, keep = false }: { title: string; children: ReactNode; keep?: boolean }) {
  return (
    <div className={`space-y-2 ${keep ? "report-keep" : ""}`}>
      <h3 className="report-part-title text-base font-semibold">{title}</h3>
      {children}
    </div>
  );
}

export function Figures({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 text-sm sm:grid-cols-[minmax(12rem,auto)_1fr] print:grid-cols-[minmax(12rem,auto)_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="pt-1 text-slate-700 sm:border-b sm:border-slate-100 sm:py-1 print:border-b print:py-1">{label}</dt>
          <dd className="border-b border-slate-100 pb-1 tabular-nums sm:py-1 print:py-1">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Table({
  caption,
  head,
  rows,
  numeric = [],
  footRows = 0,
  compact = false,
}: {
  caption: string;
  head: ReactNode[];
  rows: ReactNode[][];
  numeric?: number[];
  footRows?: number;
  compact?: boolean;
}) {
  const body = footRows ? rows.slice(0, rows.length - footRows) : rows;
  const foot = footRows ? rows.slice(rows.length - footRows) : [];
  const align = (i: number) => (numeric.includes(i) ? "text-right tabular-nums" : "text-left");
  const cell = compact ? "px-1 py-1" : "px-2 py-1";
  // A row's cells: the first is the row's header (with `rowHeader`'s extra classes) unless `rowHeader` is null.
  const cells = (r: ReactNode[], rowHeader: string | null) =>
    r.map((c, i) =>
      i === 0 && rowHeader !== null ? (
        <th key={i} scope="row" className={`${cell} ${rowHeader} ${align(i)}`.replace(/\s+/g, " ")}>
          {c}
        </th>
      ) : (
        <td key={i} className={`${cell} ${align(i)}`}>
          {c}
        </td>
      ),
    );
  return (
    // On a phone a wide table scrolls sideways (keyboard too) rather than squeezing its text to one character a line.
    <div className="report-table overflow-x-auto print:overflow-visible" role="region" aria-label={caption} tabIndex={0}>
      <table className={`w-full border-collapse text-sm print:min-w-0 print:text-[8.5pt] ${head.length >= 4 ? "max-sm:min-w-[34rem]" : ""}`}>
        <caption className="mb-1 text-left text-xs font-semibold text-slate-700">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            {head.map((h, i) => (
              <th key={i} scope="col" className={`${cell} font-semibold ${align(i)}`}>
                {/* A column of words keeps a readable width on a phone (the table scrolls), as the list kit's textWidth; not on paper. */}
                {numeric.includes(i) || compact ? h : <div className="min-w-[7rem] lg:min-w-0 print:min-w-0">{h}</div>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.map((r, ri) => (
            <tr key={ri} className="border-b border-slate-200">
              {cells(r, compact ? null : "font-normal")}
            </tr>
          ))}
        </tbody>
        {foot.length ? (
          <tfoot>
            {foot.map((r, ri) => (
              <tr key={ri} className="border-t-2 border-slate-400 font-semibold">
                {cells(r, "")}
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

export type T = Awaited<ReturnType<typeof getTranslations<"report">>>;

/** A due date, with the word "overdue" beside it when it is (never colour alone). */
export function Due({ date, overdue, t }: { date: string | null; overdue: boolean; t: T }) {
  if (!date) return <>{t("noDue")}</>;
  return (
    <span className="whitespace-nowrap">
      {formatDate(date)}
      {overdue ? <strong className="ml-1 rounded border border-red-800 px-1 text-xs text-red-800">{t("overdueMark")}</strong> : null}
    </span>
  );
}

export function CappedTable<I>({ list, href, t, head, row, numeric }: { list: Capped<I>; href: string; t: T; head: string[]; row: (item: I) => ReactNode[]; numeric?: number[] }) {
  if (!list.total) return <p className="text-sm">{t("none")}</p>;
  return (
    <div className="space-y-1">
      <Table caption={t("total", { count: list.total })} head={head} rows={list.items.map(row)} numeric={numeric} />
      <p className="flex flex-wrap items-baseline gap-x-3 text-sm">
        {list.more > 0 ? <span className="font-medium">{t("andMore", { count: list.more })}</span> : null}
        <Link href={href} className="no-print text-brand-700 underline underline-offset-2 hover:text-brand-800">
          {list.more > 0 ? t("viewAll", { count: list.total }) : t("openList")}
        </Link>
      </p>
    </div>
  );
}
