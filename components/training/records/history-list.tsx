"use client";

import { useTranslations } from "next-intl";
import { Badge, EmptyState } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates";
import type { HistoryEntry } from "@/lib/audit-history";
import { ChangeTable } from "./change-table";

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
            <ChangeTable rows={h.changes.map((c) => ({ field: c.field, label: fieldLabel(c.field), before: isCreation(h.action) ? "" : show(c, "before"), after: show(c, "after") }))} />
          ) : (
            <p className="mt-2 text-xs text-slate-600">{t("noChanges")}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
