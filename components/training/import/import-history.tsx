"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { formatDateTime } from "@/lib/dates";
import type { ImportHistoryEntry } from "@/lib/api/contracts/training-import";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { useEncodingLabel } from "@/components/import/import-panel";
import { importHistoryKey } from "./labels";

export function ImportHistory() {
  const t = useTranslations("import");
  const encodingLabel = useEncodingLabel();
  const q = useQuery({
    queryKey: importHistoryKey,
    queryFn: () => apiFetch<{ items: ImportHistoryEntry[] }>("/api/v1/training-records/import/history"),
  });
  const num = "text-right tabular-nums";
  const columns: Column<ImportHistoryEntry>[] = [
    { key: "at", header: t("history.importedAt"), cell: (r) => <span className="whitespace-nowrap tabular-nums">{formatDateTime(r.importedAt)}</span> },
    { key: "file", header: t("history.fileName"), cell: (r) => <span className="break-all">{r.fileName}</span> },
    { key: "enc", header: t("history.encoding"), cell: (r) => <span className="whitespace-nowrap">{encodingLabel(r.encoding)}</span> },
    { key: "rows", header: t("history.rows"), cell: (r) => r.rowCount.toLocaleString(), className: num },
    { key: "ins", header: t("history.inserted"), cell: (r) => r.insertedCount.toLocaleString(), className: num },
    { key: "skip", header: t("history.skipped"), cell: (r) => r.skippedCount.toLocaleString(), className: num },
    { key: "by", header: t("history.by"), cell: (r) => <span className="whitespace-nowrap">{r.importedBy?.name ?? "—"}</span> },
  ];
  return (
    <Card title={t("history.title")}>
      {q.data && q.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("history.empty")}</p>
      ) : (
        <DataTable
          caption={t("history.caption")}
          columns={columns}
          rows={q.data?.items}
          rowKey={(r) => r.id}
          loading={q.isPending}
          error={q.error}
          onRetry={() => void q.refetch()}
        />
      )}
    </Card>
  );
}
