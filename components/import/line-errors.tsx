"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ImportLineError } from "@/lib/csv/import";
import { Pagination } from "@/components/ui/data-table";

const PAGE_SIZE = 50;

/**
 * Line errors of an import (lib/csv/import.ts's one format), a page at a time: line, column (the
 * module's label for its key) and the message the server wrote in the user's language.
 */
export function LineErrors({ errors, total, columnLabel }: { errors: ImportLineError[]; total: number; columnLabel: (key?: string) => string | undefined }) {
  const t = useTranslations("importPanel.preview");
  const [page, setPage] = useState(1);
  if (errors.length === 0) return null;
  const pages = Math.max(1, Math.ceil(errors.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = errors.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const th = "whitespace-nowrap px-3 py-2 text-left font-semibold text-slate-700";
  return (
    <div className="space-y-1">
      {total > errors.length ? <p className="text-sm text-slate-700">{t("errorsMore", { count: total, shown: errors.length })}</p> : null}
      <div className="max-h-[28rem] overflow-auto rounded-lg border border-red-200 bg-white" tabIndex={0} role="region" aria-label={t("errorsCaption")}>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("errorsCaption")}</caption>
          <thead className="sticky top-0 bg-red-50">
            <tr>
              {(["line", "column", "message"] as const).map((h) => (
                <th key={h} scope="col" className={h === "message" ? "px-3 py-2 text-left font-semibold text-slate-700" : th}>
                  {t(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((e, n) => (
              <tr key={`${e.field}-${n}`} className="align-top">
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{t("lineNo", { line: e.line })}</td>
                <td className="whitespace-nowrap px-3 py-2">{(e.column && columnLabel(e.column)) ?? e.column ?? t("wholeRow")}</td>
                <td className="px-3 py-2 text-red-800">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? <Pagination page={current} pageSize={PAGE_SIZE} total={errors.length} onPage={setPage} /> : null}
    </div>
  );
}
