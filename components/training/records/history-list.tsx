"use client";

import { useTranslations } from "next-intl";
import { Badge, EmptyState } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates";
import type { HistoryEntry } from "@/lib/training/courses-schema";

type Change = HistoryEntry["changes"][number];

const isCreation = (action: string) => action === "create" || action === "bulk_create" || action === "import";

/**
 * An audit trail, newest first: who, when, what, and the before → after of every changed field.
 * `fieldLabel` names a field; `formatValue` shows a value (ids arrive with a label from the server).
 */
export function HistoryList({
  entries,
  fieldLabel,
  formatValue,
  actionLabel,
}: {
  entries: HistoryEntry[];
  fieldLabel: (field: string) => string;
  formatValue: (field: string, value: unknown) => string;
  actionLabel: (action: string) => string;
}) {
  const t = useTranslations("records.history");
  if (entries.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  const show = (c: Change, side: "before" | "after") => {
    const label = side === "before" ? c.beforeLabel : c.afterLabel;
    const value = side === "before" ? c.before : c.after;
    if (label) return label;
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return t("empty_value");
    return formatValue(c.field, value);
  };
  return (
    <ol className="space-y-4">
      {entries.map((h) => (
        <li key={h.id} className="rounded-md border border-slate-200 p-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <Badge tone={h.action === "retire" ? "red" : h.action === "update" ? "amber" : "blue"}>{actionLabel(h.action)}</Badge>
            <time dateTime={h.occurredAt} className="font-medium text-slate-800">
              {formatDateTime(h.occurredAt)}
            </time>
            <span className="text-slate-700">{h.actorName ?? h.actorEmail ?? t("system")}</span>
            {h.actorName && h.actorEmail ? <span className="text-xs text-slate-500">{h.actorEmail}</span> : null}
          </div>
          {h.reason ? <p className="mt-2 text-sm text-slate-800">{t("reason", { reason: h.reason })}</p> : null}
          {h.changes.length ? (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full table-fixed text-sm">
                <thead>
                  <tr className="text-left text-xs text-slate-600">
                    <th scope="col" className="w-1/4 py-1 pr-3 font-medium">
                      {t("field")}
                    </th>
                    <th scope="col" className="w-3/8 py-1 pr-3 font-medium">
                      {t("before")}
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      {t("after")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {h.changes.map((c) => (
                    <tr key={c.field} className="border-t border-slate-100 align-top">
                      <th scope="row" className="py-1 pr-3 text-left font-normal break-words text-slate-700">
                        {fieldLabel(c.field)}
                      </th>
                      <td className="py-1 pr-3 break-words text-slate-600">{isCreation(h.action) ? "" : show(c, "before")}</td>
                      <td className="py-1 break-words text-slate-900">
                        <span aria-hidden="true" className="mr-1 text-slate-400">
                          →
                        </span>
                        {show(c, "after")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="mt-2 text-xs text-slate-600">{t("noChanges")}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
