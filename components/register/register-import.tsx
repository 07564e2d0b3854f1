"use client";

import Link from "@/components/ui/link";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { ImportPanel } from "@/components/import/import-panel";
import { MAX_REGISTER_IMPORT_BYTES, MAX_REGISTER_IMPORT_ROWS, REGISTER_CSV_COLUMNS } from "@/lib/register/import";
import type { RegisterImportResult } from "@/lib/register/schema";
import { registerKeys } from "./keys";

/** An existing register (Excel or CSV) through the one import panel: preview, line errors, all-or-nothing. */
export function RegisterImport() {
  const t = useTranslations("register");
  const qc = useQueryClient();
  return (
    <div className="space-y-4">
      <PageHeader title={t("importTitle")} description={t("import.description")} actions={<ButtonLink href="/register">{t("backToList")}</ButtonLink>} />
      <ImportPanel<RegisterImportResult, RegisterImportResult>
        endpoint="/api/v1/register/import"
        maxBytes={MAX_REGISTER_IMPORT_BYTES}
        maxRows={MAX_REGISTER_IMPORT_ROWS}
        columns={REGISTER_CSV_COLUMNS.map((c) => ({ key: c.key, label: t(`fields.${c.key}`), headers: c.headers, requirement: c.required ? "required" : "optional" }))}
        details={(p) => (p.errorCount === 0 ? <Changes result={p} /> : null)}
        toApply={(p) => p.inserted + p.updated}
        commitLabel={() => t("actions.import")}
        resultText={(r) => t("import.committed", { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged })}
        resultActions={(r) => (
          <>
            <Changes result={r} />
            <ButtonLink href="/register" variant="primary">
              {t("backToList")}
            </ButtonLink>
          </>
        )}
        onCommitted={() => void qc.invalidateQueries({ queryKey: registerKeys.all })}
      />
    </div>
  );
}

/** The rows that add or change an item (unchanged ones are only counted). */
function Changes({ result }: { result: RegisterImportResult }) {
  const t = useTranslations("register");
  const rows = result.changes.filter((c) => c.action !== "unchanged");
  if (!rows.length) return null;
  return (
    <ul className="w-full space-y-1 text-sm">
      {rows.map((c) => (
        <li key={c.line}>
          {t("import.line", { line: c.line })} · {t(`import.action.${c.action}`)} · <span className="font-mono">{c.code}</span>{" "}
          {c.id && result.committed ? (
            <Link href={`/register/${c.id}`} className="text-brand-700 underline">
              {c.name}
            </Link>
          ) : (
            c.name
          )}
        </li>
      ))}
    </ul>
  );
}
