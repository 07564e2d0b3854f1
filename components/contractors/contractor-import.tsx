"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import type { ContractorImportResult } from "@/lib/contractors/schema";
import { FlagList, contractorKeys } from "./shared";

/** Upload → preview (every bad line, what would change, which rows are flagged) → import all or nothing. */
export function ContractorImport() {
  const t = useTranslations("contractors.import");
  const tCsv = useTranslations("contractors.csv");
  const col = (c: string) => (tCsv.has(c) ? tCsv(c) : c);
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ContractorImportResult | null>(null);
  const [problem, setProblem] = useState<{ message: string; lines: [string, string][] } | null>(null);
  const send = useMutation({
    mutationFn: (mode: "preview" | "commit") => {
      const form = new FormData();
      form.set("file", file!);
      form.set("mode", mode);
      return apiFetch<ContractorImportResult>("/api/v1/contractors/import", { method: "POST", body: form });
    },
    onSuccess: async (r) => {
      setProblem(null);
      setResult(r);
      if (r.committed) await qc.invalidateQueries({ queryKey: contractorKeys.all });
    },
    onError: (err) => {
      setResult(null);
      setProblem(err instanceof ApiProblem ? { message: err.detail ?? err.title, lines: Object.entries(err.fieldErrors) } : { message: tc("errorBody"), lines: [] });
    },
  });
  const flagged = result?.changes.filter((c) => c.flags.length) ?? [];
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} actions={<ButtonLink href="/contractors">{tc("back")}</ButtonLink>} />
      <Card>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="contractor-csv" className="block text-sm font-medium text-slate-800">
              {t("file")}
            </label>
            <input
              ref={input}
              id="contractor-csv"
              type="file"
              accept=".csv,text/csv"
              className="mt-1 block text-sm"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setResult(null);
                setProblem(null);
              }}
            />
          </div>
          <Button variant="secondary" disabled={!file || send.isPending} onClick={() => send.mutate("preview")}>
            {t("preview")}
          </Button>
          <Button disabled={!file || send.isPending || !result || result.committed || result.errorCount > 0} onClick={() => send.mutate("commit")}>
            {t("commit")}
          </Button>
        </div>
      </Card>
      {problem ? (
        <Alert tone="error">
          <p>{problem.message}</p>
          {problem.lines.length ? (
            <ul className="mt-2 list-disc pl-5 text-sm">
              {problem.lines.map(([k, v]) => (
                <li key={k}>
                  {k.replace(/^line:(\d+).*/, (_, n) => t("line", { line: n }))}: {v}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {result ? (
        <Card>
          {result.committed ? (
            <Alert tone="success">{t("committed", { inserted: result.inserted, updated: result.updated })}</Alert>
          ) : (
            <p className="text-sm font-medium">{t("summary", { rows: result.rows, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged })}</p>
          )}
          {result.errorCount ? (
            <div className="mt-3">
              <Alert tone="error">
                <p className="font-medium">{t("errorsTitle", { count: result.errorCount })}</p>
                <ul className="mt-2 list-disc pl-5 text-sm">
                  {result.errors.map((e, i) => (
                    <li key={i}>
                      {t("line", { line: e.line })}
                      {e.column ? `（${col(e.column)}）` : ""}: {e.message}
                    </li>
                  ))}
                </ul>
              </Alert>
            </div>
          ) : null}
          {flagged.length ? (
            <div className="mt-3">
              <h2 className="text-sm font-semibold">{t("flaggedTitle")}</h2>
              <ul className="mt-2 space-y-2 text-sm">
                {flagged.map((c) => (
                  <li key={c.line} className="flex flex-wrap items-start gap-2">
                    <span>
                      {t("line", { line: c.line })} · {t(`action.${c.action}`)} · {c.id && result.committed ? <Link href={`/contractors/${c.id}`} className="text-brand-700 underline">{c.name}</Link> : c.name}
                    </span>
                    <FlagList flags={c.flags} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
