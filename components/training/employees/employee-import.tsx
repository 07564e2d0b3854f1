"use client";

import Link from "next/link";
import { useId, useRef, useState, type DragEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { toCsv } from "@/lib/csv/export";
import { EMPLOYEE_CSV_COLUMNS, MAX_IMPORT_BYTES } from "@/lib/training/employees-import";
import type { ImportIssueDto, ImportResultDto } from "@/lib/training/employees-schema";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import { departmentKeys } from "../departments/keys";
import { employeeKeys } from "./keys";

type Mode = "preview" | "commit";

function sizeLabel(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A 400 from the commit lists bad lines as fields "line:<n>[:<column>]". */
function issuesFromProblem(p: ApiProblem): ImportIssueDto[] {
  return Object.entries(p.fieldErrors)
    .map(([field, message]) => {
      const m = /^line:(\d+)(?::(\w+))?$/.exec(field);
      return m ? { line: Number(m[1]), ...(m[2] ? { column: m[2] } : {}), message } : null;
    })
    .filter((x): x is ImportIssueDto => x !== null);
}

export function EmployeeImport() {
  const t = useTranslations("employees.import");
  const te = useTranslations("employees");
  const locale = useLocale();
  const qc = useQueryClient();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [preview, setPreview] = useState<ImportResultDto | null>(null);
  const [done, setDone] = useState<ImportResultDto | null>(null);
  const [problem, setProblem] = useState<{ message: string; issues: ImportIssueDto[] } | null>(null);

  const upload = useMutation({
    mutationFn: ({ f, mode }: { f: File; mode: Mode }) => {
      const form = new FormData();
      form.set("file", f);
      form.set("mode", mode);
      return apiFetch<ImportResultDto>("/api/v1/employees/import", { method: "POST", body: form });
    },
    onSuccess: (r, { mode }) => {
      setProblem(null);
      if (mode === "preview") setPreview(r);
      else {
        setDone(r);
        setPreview(null);
        void qc.invalidateQueries({ queryKey: employeeKeys.all });
        void qc.invalidateQueries({ queryKey: departmentKeys.all });
      }
    },
    onError: (err) => {
      if (err instanceof ApiProblem) setProblem({ message: err.detail ?? err.title, issues: issuesFromProblem(err) });
      else setProblem({ message: err instanceof Error ? err.message : String(err), issues: [] });
    },
  });

  function choose(f: File | null | undefined) {
    setPreview(null);
    setDone(null);
    setProblem(null);
    if (!f) return setFile(null);
    setFile(f);
    if (f.size > MAX_IMPORT_BYTES) {
      setProblem({ message: te("import.errors.tooLarge", { max: "10 MB" }), issues: [] });
      return;
    }
    upload.mutate({ f, mode: "preview" });
  }

  function reset() {
    setFile(null);
    setPreview(null);
    setDone(null);
    setProblem(null);
    if (inputRef.current) inputRef.current.value = "";
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files?.[0]);
  }

  function downloadTemplate() {
    const header = EMPLOYEE_CSV_COLUMNS.map((c) => c.headers[locale === "en" ? c.headers.findIndex((h) => /^[a-z_]+$/.test(h)) : 0]);
    const blob = new Blob(["\uFEFF" + toCsv(header, [])], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = t("templateFileName");
    a.click();
    URL.revokeObjectURL(url);
  }

  const columnLabel = (key?: string) => (key ? te(`fields.${key as "name"}`) : "");
  const busy = upload.isPending;
  const step = done ? 3 : preview ? 2 : 1;
  const issues = preview?.errors.length ? preview.errors : (problem?.issues ?? []);
  const errorCount = preview?.errors.length ? preview.errorCount : issues.length;
  const toApply = preview ? preview.inserted + preview.updated : 0;

  return (
    <div>
      <Link href="/training/employees" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("description")} />

      <ol aria-label={t("stepLabel")} className="mb-5 flex flex-wrap gap-2 text-sm">
        {(["choose", "review", "done"] as const).map((s, i) => (
          <li
            key={s}
            aria-current={step === i + 1 ? "step" : undefined}
            className={`flex items-center gap-2 rounded-full border px-3 py-1 ${step === i + 1 ? "border-brand-600 bg-brand-50 font-semibold text-brand-800" : step > i + 1 ? "border-green-300 bg-green-50 text-green-900" : "border-slate-200 text-slate-600"}`}
          >
            <span aria-hidden="true">{step > i + 1 ? "✓" : i + 1}</span>
            {t(`steps.${s}`)}
          </li>
        ))}
      </ol>

      <div className="grid gap-4 xl:grid-cols-[3fr_2fr]">
        <div className="space-y-4">
          {done ? (
            <Card>
              <Alert tone="success">{t("done", { inserted: done.inserted, updated: done.updated, unchanged: done.unchanged })}</Alert>
              <div className="mt-4 flex flex-wrap gap-2">
                <ButtonLink href="/training/employees" variant="primary">
                  {t("viewList")}
                </ButtonLink>
                <Button variant="secondary" onClick={reset}>
                  {t("another")}
                </Button>
              </div>
            </Card>
          ) : (
            <Card title={t("file")}>
              <div
                onDragOver={(e) => {
                  e.preventDefault();
                  setDragging(true);
                }}
                onDragLeave={() => setDragging(false)}
                onDrop={onDrop}
                className={`rounded-lg border-2 border-dashed p-6 text-center text-sm ${dragging ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-slate-50"}`}
              >
                <p className="text-slate-700">
                  {t("dropHere")}{" "}
                  <label htmlFor={inputId} className="cursor-pointer font-medium text-brand-700 underline focus-within:outline">
                    {t("choose")}
                  </label>
                </p>
                <input
                  ref={inputRef}
                  id={inputId}
                  type="file"
                  accept=".csv,text/csv"
                  className="sr-only"
                  aria-describedby={`${inputId}-hint`}
                  onChange={(e) => choose(e.target.files?.[0])}
                />
                <p id={`${inputId}-hint`} className="mt-2 text-xs text-slate-600">
                  {t("fileHint")}
                </p>
                {file ? <p className="mt-3 font-medium text-slate-900">{t("selected", { name: file.name, size: sizeLabel(file.size) })}</p> : null}
              </div>
              {busy ? (
                <p role="status" className="mt-3 flex items-center gap-2 text-sm text-slate-700">
                  <span aria-hidden="true" className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" />
                  {upload.variables?.mode === "commit" ? t("committing") : t("previewing")}
                </p>
              ) : null}
            </Card>
          )}

          {problem && !busy ? <Alert tone="error">{problem.message}</Alert> : null}

          {preview ? (
            <Card title={t("fileInfo", { name: preview.fileName, encoding: t(`encodings.${preview.encoding as "utf-8"}`) })}>
              <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
                {(
                  [
                    ["rows", preview.rows, "text-slate-900"],
                    ["insert", preview.inserted, "text-green-800"],
                    ["update", preview.updated, "text-brand-800"],
                    ["unchanged", preview.unchanged, "text-slate-700"],
                    ["errors", preview.errorCount, preview.errorCount ? "text-red-700" : "text-slate-700"],
                  ] as const
                ).map(([k, n, color]) => (
                  <div key={k} className="rounded-md border border-slate-200 p-2">
                    <dt className="text-xs text-slate-600">{t(`summary.${k}`)}</dt>
                    <dd className={`text-xl font-bold ${color}`}>{n.toLocaleString(locale)}</dd>
                  </div>
                ))}
              </dl>
              {preview.errorCount === 0 ? (
                <div className="mt-4 space-y-3">
                  {toApply === 0 ? <Alert tone="info">{t("nothingToDo")}</Alert> : <Alert tone="success">{t("ready")}</Alert>}
                  <div className="flex flex-wrap gap-2">
                    {toApply > 0 ? (
                      <Button onClick={() => file && upload.mutate({ f: file, mode: "commit" })} disabled={busy}>
                        {busy ? t("committing") : t("commit", { count: toApply.toLocaleString(locale) })}
                      </Button>
                    ) : null}
                    <Button variant="secondary" onClick={reset} disabled={busy}>
                      {t("cancel")}
                    </Button>
                  </div>
                </div>
              ) : (
                <div className="mt-4 flex flex-wrap gap-2">
                  <Button variant="secondary" onClick={reset}>
                    {t("cancel")}
                  </Button>
                </div>
              )}
            </Card>
          ) : null}

          {issues.length > 0 ? (
            <Card title={t("errorsTitle", { count: errorCount.toLocaleString(locale) })}>
              <p className="mb-3 text-sm text-slate-700">{t("errorsHelp")}</p>
              {errorCount > issues.length ? <p className="mb-2 text-xs text-slate-600">{t("errorsTruncated", { shown: issues.length, count: errorCount })}</p> : null}
              <div className="max-h-[28rem] overflow-auto rounded border border-slate-200">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">{t("errorsCaption")}</caption>
                  <thead className="sticky top-0 bg-slate-50">
                    <tr>
                      <th scope="col" className="px-3 py-2 text-left font-semibold whitespace-nowrap">
                        {t("line")}
                      </th>
                      <th scope="col" className="px-3 py-2 text-left font-semibold whitespace-nowrap">
                        {t("column")}
                      </th>
                      <th scope="col" className="px-3 py-2 text-left font-semibold">
                        {t("reason")}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {issues.map((i, n) => (
                      <tr key={n} className="align-top">
                        <td className="px-3 py-1.5 whitespace-nowrap font-mono">{t("lineN", { line: i.line })}</td>
                        <td className="px-3 py-1.5 whitespace-nowrap">{columnLabel(i.column)}</td>
                        <td className="px-3 py-1.5 text-red-800">{i.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
          ) : null}

          {preview && preview.errorCount === 0 && preview.changes.length > 0 ? (
            <Card title={t("changesTitle")}>
              {toApply > preview.changes.length ? <p className="mb-2 text-xs text-slate-600">{t("changesTruncated", { shown: preview.changes.length })}</p> : null}
              <div className="max-h-[28rem] overflow-auto rounded border border-slate-200">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">{t("changesCaption")}</caption>
                  <thead className="sticky top-0 bg-slate-50">
                    <tr>
                      {[t("line"), t("summary.insert") + " / " + t("summary.update"), te("fields.employeeNumber"), te("fields.name"), t("changedFields")].map((h) => (
                        <th key={h} scope="col" className="px-3 py-2 text-left font-semibold whitespace-nowrap">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {preview.changes.map((c) => (
                      <tr key={c.line}>
                        <td className="px-3 py-1.5 font-mono whitespace-nowrap">{t("lineN", { line: c.line })}</td>
                        <td className="px-3 py-1.5">
                          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${c.action === "insert" ? "bg-green-100 text-green-900" : "bg-brand-100 text-brand-800"}`}>
                            {t(`action.${c.action}`)}
                          </span>
                        </td>
                        <td className="px-3 py-1.5 font-mono">{c.employeeNumber}</td>
                        <td className="px-3 py-1.5">{c.name}</td>
                        <td className="px-3 py-1.5 text-slate-700">{c.fields.map((f) => columnLabel(f === "departmentId" ? "departmentCode" : f)).join("、")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
          ) : null}
        </div>

        <Card title={t("columnsTitle")} action={<Button variant="ghost" onClick={downloadTemplate}>{t("template")}</Button>}>
          <p className="mb-3 text-sm text-slate-700">{t("columnsHelp")}</p>
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("columnsCaption")}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left">
                  <th scope="col" className="py-1.5 pr-2 font-semibold">
                    {t("columnHeaders.column")}
                  </th>
                  <th scope="col" className="py-1.5 pr-2 font-semibold">
                    {t("columnHeaders.headers")}
                  </th>
                  <th scope="col" className="py-1.5 font-semibold">
                    {t("columnHeaders.notes")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {EMPLOYEE_CSV_COLUMNS.map((c) => (
                  <tr key={c.key}>
                    <th scope="row" className="py-1.5 pr-2 text-left font-medium whitespace-nowrap">
                      {columnLabel(c.key)}
                      <span className={`ml-1.5 rounded px-1 text-[11px] font-normal ${c.required ? "bg-red-50 text-red-800" : "bg-slate-100 text-slate-600"}`}>
                        {c.required ? t("requiredMark") : t("optionalMark")}
                      </span>
                    </th>
                    <td className="py-1.5 pr-2 text-xs text-slate-700">{c.headers.slice(0, 2).concat(c.headers.filter((h) => /^[a-z_]+$/.test(h)).slice(0, 1)).filter((h, i, a) => a.indexOf(h) === i).join(" / ")}</td>
                    <td className="py-1.5 text-xs text-slate-700">{t(`columnNotes.${c.key as "name"}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </div>
  );
}
