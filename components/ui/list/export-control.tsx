"use client";

import { useTranslations } from "next-intl";
import type { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/list/export-format";
import { exportHref, type ParamValue } from "@/lib/list/params";

const link =
  "inline-flex min-h-9 items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100";

/**
 * Download of the list as it is filtered now, as CSV (UTF-8 with BOM) or Excel (.xlsx); both come from
 * the list's export endpoint (`?format=xlsx`), which applies the same filters as the list.
 */
export function ExportControl<T extends z.ZodObject>({
  path,
  schema,
  values,
  label,
}: {
  /** The export endpoint, e.g. /api/v1/incidents/export.csv */
  path: string;
  /** The endpoint's filter schema (without paging). */
  schema: T;
  values: Partial<Record<string, ParamValue>>;
  /** The group's name; default "Download". */
  label?: string;
}) {
  const t = useTranslations("common.list");
  const name = label ?? t("export");
  return (
    <div role="group" aria-label={name} className="flex items-center gap-1">
      {EXPORT_FORMATS.map((f) => (
        <a key={f} href={exportHref(path, schema, values, f)} download className={link} title={t(f === "csv" ? "exportCsvTitle" : "exportXlsxTitle")}>
          {f === "csv" ? t("exportCsv") : t("exportXlsx")}
        </a>
      ))}
    </div>
  );
}
