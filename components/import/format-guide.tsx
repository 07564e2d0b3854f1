"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { toCsv } from "@/lib/csv/export";
import { Badge } from "@/components/ui/card";
import { ScrollArea } from "@/components/ui/data-table";

/** One column of an import, as the format guide shows it. */
export type ImportColumnGuide = {
  key: string;
  /** The column's name in the reader's language. */
  label: string;
  /** Accepted headers (the first one goes into a generated template). */
  headers: string[];
  requirement: "required" | "optional" | "conditional";
  note?: ReactNode;
};

/** What the file must look like: the column table in the reader's language, and a template to start from. */
export function FormatGuide({
  columns,
  maxBytes,
  maxRows,
  templateHref,
  open,
  note,
}: {
  columns: ImportColumnGuide[];
  maxBytes: number;
  maxRows: number;
  templateHref?: string;
  open: boolean;
  note?: ReactNode;
}) {
  const t = useTranslations("importPanel.format");
  const th = "whitespace-nowrap px-3 py-2 text-left font-semibold text-slate-700";

  function downloadHeaders() {
    const blob = new Blob(["\uFEFF" + toCsv(columns.map((c) => c.headers[0]), [])], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = t("templateFileName");
    a.click();
    URL.revokeObjectURL(url);
  }

  const linkClass =
    "inline-flex min-h-9 items-center justify-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100";
  return (
    <details open={open} className="group rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer text-base font-semibold text-slate-900 marker:text-slate-500">{t("title")}</summary>
      <div className="mt-3 space-y-3 text-sm text-slate-700">
        <p>{t("intro")}</p>
        {note ? <p>{note}</p> : null}
        <ScrollArea label={t("caption")} className="rounded-lg border border-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-50">
              <tr>
                {(["column", "headers", "requirement", "content"] as const).map((h) => (
                  <th key={h} scope="col" className={th}>
                    {t(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {columns.map((c) => (
                <tr key={c.key}>
                  <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-900">
                    {c.label}
                  </th>
                  <td className="px-3 py-2">
                    <span className="flex flex-wrap gap-1">
                      {c.headers.map((h) => (
                        <code key={h} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
                          {h}
                        </code>
                      ))}
                    </span>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <Badge tone={c.requirement === "required" ? "red" : c.requirement === "conditional" ? "amber" : "slate"}>{t(c.requirement)}</Badge>
                  </td>
                  <td className="min-w-64 px-3 py-2">{c.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
        <p>{t("encodingNote")}</p>
        <p>{t("limitsNote", { maxMb: Math.round((maxBytes / 1024 / 1024) * 10) / 10, maxRows })}</p>
        <div className="flex flex-wrap items-center gap-3">
          {templateHref ? (
            <a href={templateHref} download className={linkClass}>
              {t("template")}
            </a>
          ) : (
            <button type="button" onClick={downloadHeaders} className={linkClass}>
              {t("template")}
            </button>
          )}
          <span className="text-xs text-slate-600">{t("templateHint")}</span>
        </div>
      </div>
    </details>
  );
}
