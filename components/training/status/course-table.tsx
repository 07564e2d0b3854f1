"use client";

import Link from "@/components/ui/link";
import { useLocale, useTranslations } from "next-intl";
import type { TrainingStatus } from "@/lib/training/status";
import type { CourseSummary } from "@/lib/training/status-summary";
import { EmptyState } from "@/components/ui/card";
import { STATUS_COLOR, formatCount, formatRate, uiLocale } from "./format";
import { ScrollArea } from "@/components/ui/data-table";

const COLUMNS: { status: TrainingStatus; key: "compliant" | "dueSoon" | "overdue" | "exempt" }[] = [
  { status: "compliant", key: "compliant" },
  { status: "due_soon", key: "dueSoon" },
  { status: "overdue", key: "overdue" },
  { status: "exempt", key: "exempt" },
];

/** Rate and counts per course; every figure opens the list filtered to it. */
export function CourseTable({ rows, hrefFor }: { rows: CourseSummary[]; hrefFor: (courseId: number, status?: TrainingStatus) => string }) {
  const t = useTranslations("trainingStatus.byCourse");
  const ts = useTranslations("statuses");
  const locale = uiLocale(useLocale());
  if (rows.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  const rateBar = (rate: number | null, width: string) => (
    <div className={`mt-1 h-1.5 ${width} overflow-hidden rounded-full bg-slate-200`} aria-hidden="true">
      <div className="h-full rounded-full" style={{ width: `${Math.round((rate ?? 0) * 100)}%`, background: "var(--status-compliant)" }} />
    </div>
  );
  return (
    <>
      {/* Phones: one card per course. */}
      <ul className="space-y-3 md:hidden" aria-label={t("caption")}>
        {rows.map((r) => (
          <li key={r.course.id} className="rounded-md border border-slate-200 p-3">
            <div className="flex items-start justify-between gap-3">
              <Link href={hrefFor(r.course.id)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {r.course.title}
                <span className="block text-xs font-normal text-slate-500">{r.course.code}</span>
              </Link>
              <span className="text-right">
                <span className="text-lg font-bold tabular-nums">{formatRate(r.rate, locale)}</span>
                <span className="block text-xs text-slate-600">
                  {t("required")} {formatCount(r.required, locale)}
                </span>
              </span>
            </div>
            {rateBar(r.rate, "w-full")}
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              {COLUMNS.map((c) => (
                <div key={c.status} className="flex items-center justify-between gap-2">
                  <dt className="flex items-center gap-1.5 text-slate-700">
                    <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: STATUS_COLOR[c.status] }} />
                    {ts(c.status)}
                  </dt>
                  <dd className="tabular-nums">
                    {r[c.key] > 0 ? (
                      <Link
                        href={hrefFor(r.course.id, c.status)}
                        className={`underline underline-offset-2 ${c.status === "overdue" ? "font-semibold text-red-800" : "text-brand-700"}`}
                      >
                        {formatCount(r[c.key], locale)}
                      </Link>
                    ) : (
                      <span className="text-slate-500">0</span>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
      <ScrollArea label={t("caption")} className="hidden md:block">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("course")}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                {t("rate")}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                {t("required")}
              </th>
              {COLUMNS.map((c) => (
                <th key={c.status} scope="col" className="px-2 py-2 text-right font-medium">
                  <span className="inline-flex items-center gap-1">
                    <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: STATUS_COLOR[c.status] }} />
                    {ts(c.status)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.course.id} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  <Link href={hrefFor(r.course.id)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {r.course.title}
                  </Link>
                  <span className="block text-xs text-slate-500">{r.course.code}</span>
                </th>
                <td className="px-2 py-2 text-right">
                  <span className="font-semibold tabular-nums">{formatRate(r.rate, locale)}</span>
                  {rateBar(r.rate, "ml-auto w-16")}
                </td>
                <td className="px-2 py-2 text-right tabular-nums">{formatCount(r.required, locale)}</td>
                {COLUMNS.map((c) => (
                  <td key={c.status} className="px-2 py-2 text-right tabular-nums">
                    {r[c.key] > 0 ? (
                      <Link
                        href={hrefFor(r.course.id, c.status)}
                        className={`underline-offset-2 hover:underline ${c.status === "overdue" ? "font-semibold text-red-800" : "text-brand-700"}`}
                      >
                        {formatCount(r[c.key], locale)}
                      </Link>
                    ) : (
                      <span className="text-slate-500">0</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </>
  );
}
