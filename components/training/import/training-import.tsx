"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ImportCommitResult, ImportPreview } from "@/lib/api/contracts/training-import";
import { formatDate } from "@/lib/dates";
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/training/import";
import { Alert, Badge } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { ImportPanel } from "@/components/import/import-panel";
import { ScrollArea } from "@/components/ui/data-table";

const REQUIREMENT = { employeeNumber: "required", courseCode: "required", completedOn: "required", score: "conditional", method: "optional", evidence: "optional" } as const;

/** Training records through the one import panel: the sample of rows to store, and how many are already stored. */
export function TrainingImport({ guideOpen }: { guideOpen: boolean }) {
  const t = useTranslations("import");
  const qc = useQueryClient();
  return (
    <ImportPanel<ImportPreview, ImportCommitResult>
      endpoint="/api/v1/training-records/import"
      maxBytes={IMPORT_MAX_BYTES}
      maxRows={IMPORT_MAX_ROWS}
      templateHref="/api/v1/training-records/import/template.csv"
      guideOpen={guideOpen}
      guideNote={t("format.reimportNote")}
      columns={IMPORT_COLUMNS.map((c) => ({ key: c.key, label: t(`columns.${c.key}`), headers: c.headers, requirement: REQUIREMENT[c.key], note: t(`format.help.${c.key}`) }))}
      stats={(p) => [
        { label: t("preview.totalRows"), value: p.totalRows },
        { label: t("preview.validRows"), value: p.validRows },
        { label: t("preview.newRows"), value: p.newRows, tone: "green" },
        { label: t("preview.existingRows"), value: p.existingRows, tone: "blue" },
        { label: t("preview.errorCount"), value: p.errorCount, tone: p.errorCount ? "red" : "slate" },
      ]}
      details={(p) => (
        <>
          {p.errorCount === 0 && p.newRows > 0 && p.existingRows > 0 ? <Alert tone="info">{t("preview.someStored", { count: p.existingRows })}</Alert> : null}
          {p.sample.length > 0 ? <SampleTable preview={p} /> : null}
        </>
      )}
      toApply={(p) => p.newRows}
      commitLabel={(p) => t("commit.button", { count: p.newRows })}
      resultText={(r) => t("commit.summary", { inserted: r.inserted, skipped: r.skipped })}
      resultActions={() => (
        <ButtonLink href="/training/records" variant="primary">
          {t("commit.toRecords")}
        </ButtonLink>
      )}
      onCommitted={() => void qc.invalidateQueries()}
    />
  );
}

function SampleTable({ preview }: { preview: ImportPreview }) {
  const t = useTranslations("import");
  const th = "whitespace-nowrap px-3 py-2 text-left font-semibold text-slate-700";
  const headers = ["line", "employee", "course", "completedOn", "score", "result", "method", "evidence", "status"] as const;
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-semibold text-slate-800">{t("preview.sampleTitle", { count: preview.sample.length })}</h3>
      <ScrollArea label={t("preview.sampleTitle", { count: preview.sample.length })} className="rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("preview.sampleTitle", { count: preview.sample.length })}</caption>
          <thead className="bg-slate-50">
            <tr>
              {headers.map((h) => (
                <th key={h} scope="col" className={h === "score" ? `${th} text-right` : th}>
                  {t(`preview.${h}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.sample.map((r) => (
              <tr key={r.line}>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.line}</td>
                <td className="px-3 py-2">
                  <span className="block whitespace-nowrap">{r.employeeName}</span>
                  <span className="block text-xs text-slate-600">{r.employeeNumber}</span>
                </td>
                <td className="px-3 py-2">
                  <span className="block">{r.courseTitle}</span>
                  <span className="block text-xs text-slate-600">{r.courseCode}</span>
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDate(r.completedOn)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{r.score ?? "—"}</td>
                <td className="px-3 py-2">
                  <Badge tone={r.passed ? "green" : "red"}>{r.passed ? t("preview.passed") : t("preview.failed")}</Badge>
                </td>
                <td className="whitespace-nowrap px-3 py-2">{t(`methods.${r.method}`)}</td>
                <td className="max-w-48 truncate px-3 py-2" title={r.evidence ?? undefined}>
                  {r.evidence ?? "—"}
                </td>
                <td className="px-3 py-2">
                  <Badge tone={r.alreadyStored ? "slate" : "blue"}>{r.alreadyStored ? t("preview.alreadyStored") : t("preview.isNew")}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </div>
  );
}
