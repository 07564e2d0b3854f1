"use client";

import { useTranslations } from "next-intl";
import { ScrollArea } from "@/components/ui/data-table";

/** One changed field of an audit entry: its label and the values shown before and after. */
export type ChangeRow = { field: string; label: string; before: string; after: string };

/** The "field / before → after" table of one audit entry (records, courses, employees). */
export function ChangeTable({ rows, caption }: { rows: ChangeRow[]; caption?: string }) {
  const t = useTranslations("records.history");
  return (
    <ScrollArea label={caption ?? t("title")} className="mt-2">
      {/* On a phone the field column takes a third, so a one-word label ("Instructor") is not cut mid-word. */}
      <table className="w-full table-fixed text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr className="text-left text-xs text-slate-600">
            <th scope="col" className="w-1/3 py-1 pr-3 font-medium sm:w-1/4">
              {t("field")}
            </th>
            <th scope="col" className="w-1/3 py-1 pr-3 font-medium sm:w-3/8">
              {t("before")}
            </th>
            <th scope="col" className="py-1 font-medium">
              {t("after")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.field} className="border-t border-slate-100 align-top">
              <th scope="row" className="py-1 pr-3 text-left font-normal break-words text-slate-700">
                {c.label}
              </th>
              <td className="py-1 pr-3 break-words text-slate-600">{c.before}</td>
              <td className="py-1 break-words text-slate-900">
                <span aria-hidden="true" className="mr-1 text-slate-400">
                  →
                </span>
                {c.after}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
