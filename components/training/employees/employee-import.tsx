"use client";

import Link from "@/components/ui/link";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { EMPLOYEE_CSV_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/training/employees-import";
import type { ImportResultDto } from "@/lib/training/employees-schema";
import { PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { ImportPanel } from "@/components/import/import-panel";
import { departmentKeys } from "../departments/keys";
import { employeeKeys } from "./keys";

/** Employees through the one import panel: the employees a commit would add or change, and which fields. */
export function EmployeeImport() {
  const t = useTranslations("employees.import");
  const te = useTranslations("employees");
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const fieldLabel = (key: string) => te(`fields.${(key === "departmentId" ? "departmentCode" : key) as "name"}`);
  const toApply = (r: ImportResultDto) => r.inserted + r.updated;

  return (
    <div>
      <Link href="/training/employees" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("description")} />
      <ImportPanel<ImportResultDto, ImportResultDto>
        endpoint="/api/v1/employees/import"
        maxBytes={MAX_IMPORT_BYTES}
        maxRows={MAX_IMPORT_ROWS}
        guideNote={t("columnsHelp")}
        columns={EMPLOYEE_CSV_COLUMNS.map((c) => ({
          key: c.key,
          label: fieldLabel(c.key),
          headers: c.headers,
          requirement: c.required ? "required" : "optional",
          note: t(`columnNotes.${c.key as "name"}`),
        }))}
        details={(p) =>
          p.errorCount === 0 && p.changes.length > 0 ? (
            <section className="space-y-1">
              <h3 className="text-sm font-semibold text-slate-800">{t("changesTitle")}</h3>
              {toApply(p) > p.changes.length ? <p className="text-xs text-slate-600">{t("changesTruncated", { shown: p.changes.length })}</p> : null}
              <div className="max-h-[28rem] overflow-auto rounded border border-slate-200">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">{t("changesCaption")}</caption>
                  <thead className="sticky top-0 bg-slate-50">
                    <tr>
                      {[t("line"), `${t("action.insert")} / ${t("action.update")}`, te("fields.employeeNumber"), te("fields.name"), t("changedFields")].map((h) => (
                        <th key={h} scope="col" className="whitespace-nowrap px-3 py-2 text-left font-semibold">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {p.changes.map((c) => (
                      <tr key={c.line}>
                        <td className="whitespace-nowrap px-3 py-1.5 font-mono">{t("lineN", { line: c.line })}</td>
                        <td className="px-3 py-1.5">
                          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${c.action === "insert" ? "bg-green-100 text-green-900" : "bg-brand-100 text-brand-800"}`}>
                            {t(`action.${c.action}`)}
                          </span>
                        </td>
                        <td className="px-3 py-1.5 font-mono">{c.employeeNumber}</td>
                        <td className="px-3 py-1.5">{c.name}</td>
                        <td className="px-3 py-1.5 text-slate-700">{c.fields.map(fieldLabel).join(tc("listSeparator"))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null
        }
        toApply={toApply}
        commitLabel={(p) => t("commit", { count: toApply(p) })}
        resultText={(r) => t("done", { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged })}
        resultActions={() => (
          <ButtonLink href="/training/employees" variant="primary">
            {t("viewList")}
          </ButtonLink>
        )}
        onCommitted={() => {
          void qc.invalidateQueries({ queryKey: employeeKeys.all });
          void qc.invalidateQueries({ queryKey: departmentKeys.all });
        }}
      />
    </div>
  );
}
