"use client";

import Link from "@/components/ui/link";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { ImportPanel } from "@/components/import/import-panel";
import { CONTRACTOR_CSV_COLUMNS, MAX_CONTRACTOR_IMPORT_BYTES, MAX_CONTRACTOR_IMPORT_ROWS } from "@/lib/contractors/import";
import type { ContractorImportResult } from "@/lib/contractors/schema";
import { FlagList, contractorKeys } from "./shared";

/** The register through the one import panel: what changes, and which rows are flagged (not refused). */
export function ContractorImport() {
  const t = useTranslations("contractors.import");
  const tCsv = useTranslations("contractors.csv");
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const col = (c: string) => (tCsv.has(c) ? tCsv(c) : c);

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} actions={<ButtonLink href="/contractors">{tc("back")}</ButtonLink>} />
      <ImportPanel<ContractorImportResult, ContractorImportResult>
        endpoint="/api/v1/contractors/import"
        maxBytes={MAX_CONTRACTOR_IMPORT_BYTES}
        maxRows={MAX_CONTRACTOR_IMPORT_ROWS}
        columns={CONTRACTOR_CSV_COLUMNS.map((c) => ({ key: c.key, label: col(c.key), headers: c.headers, requirement: c.required ? "required" : "optional" }))}
        details={(p) => (p.errorCount === 0 ? <Flagged result={p} /> : null)}
        toApply={(p) => p.inserted + p.updated}
        commitLabel={() => t("commit")}
        resultText={(r) => t("committed", { inserted: r.inserted, updated: r.updated })}
        resultActions={(r) => (
          <>
            <Flagged result={r} />
            <ButtonLink href="/contractors" variant="primary">
              {tc("back")}
            </ButtonLink>
          </>
        )}
        onCommitted={() => void qc.invalidateQueries({ queryKey: contractorKeys.all })}
      />
    </div>
  );
}

/** Rows stored with a flag (a contract started without a prior assessment …): shown, not refused. */
function Flagged({ result }: { result: ContractorImportResult }) {
  const t = useTranslations("contractors.import");
  const flagged = result.changes.filter((c) => c.flags.length);
  if (!flagged.length) return null;
  return (
    <section className="space-y-2">
      <h3 className="text-sm font-semibold">{t("flaggedTitle")}</h3>
      <ul className="space-y-2 text-sm">
        {flagged.map((c) => (
          <li key={c.line} className="flex flex-wrap items-start gap-2">
            <span>
              {t("line", { line: c.line })} · {t(`action.${c.action}`)} ·{" "}
              {c.id && result.committed ? (
                <Link href={`/contractors/${c.id}`} className="text-brand-700 underline">
                  {c.name}
                </Link>
              ) : (
                c.name
              )}
            </span>
            <FlagList flags={c.flags} />
          </li>
        ))}
      </ul>
    </section>
  );
}
