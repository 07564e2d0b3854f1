"use client";

import { useRef, useState, type DragEvent } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ImportCommitResult, ImportIssueOut, ImportPreview } from "@/lib/api/contracts/training-import";
import { formatDate } from "@/lib/dates";
import { IMPORT_MAX_BYTES } from "@/lib/training/import";
import { Alert, Badge, Card } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import { NetworkError, ndjsonReader, overallPercent, uploadForm, type CommitPhase } from "./upload";
import { ImportProgressBar } from "./progress-bar";
import { encodingKey } from "./labels";

const URL_IMPORT = "/api/v1/training-records/import";

type Rejection = { detail: string; errors: ImportIssueOut[]; errorCount: number };
type Problem = { title?: string; detail?: string; errors?: ImportIssueOut[]; errorCount?: number; status?: number };
type StreamLine = { phase: "validating" | "inserting"; done: number; total: number } | { phase: "done"; result: ImportCommitResult } | { phase: "error"; problem: Problem };

type State =
  | { step: "idle" }
  | { step: "checking"; uploaded: number }
  | { step: "previewed"; preview: ImportPreview }
  | { step: "rejected"; rejection: Rejection }
  | { step: "committing"; phase: CommitPhase; done: number; total: number; preview: ImportPreview }
  | { step: "committed"; result: ImportCommitResult }
  | { step: "commitFailed"; rejection: Rejection; preview: ImportPreview };

function fmtSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function toRejection(p: Problem, fallback: string): Rejection {
  const errors = p.errors ?? [];
  return { detail: p.detail ?? p.title ?? fallback, errors, errorCount: p.errorCount ?? errors.length };
}

function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function TrainingImport() {
  const t = useTranslations("import");
  const qc = useQueryClient();
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: "idle" });
  const [dragging, setDragging] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const [networkError, setNetworkError] = useState(false);

  const busy = state.step === "checking" || state.step === "committing";

  function focusResult() {
    // After the answer arrives, move focus to its heading so keyboard and screen-reader users land on it.
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  async function choose(files: FileList | null) {
    setPickError(null);
    setNetworkError(false);
    const picked = files ? [...files] : [];
    // Cleared so that choosing the same (now corrected) file again still fires a change.
    if (inputRef.current) inputRef.current.value = "";
    if (picked.length === 0) return;
    if (picked.length > 1) return setPickError(t("choose.oneFile"));
    const f = picked[0];
    if (f.size > IMPORT_MAX_BYTES) {
      setFile(null);
      setState({ step: "idle" });
      return setPickError(t("choose.tooLarge", { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 }));
    }
    // A copy in memory: the commit sends exactly the bytes that were previewed, even if the file
    // on disk is edited meanwhile (the browser would refuse to read a changed file).
    let snapshot: File;
    try {
      snapshot = new File([await f.arrayBuffer()], f.name, { type: f.type });
    } catch {
      return setPickError(t("choose.unreadable"));
    }
    setFile(snapshot);
    void runPreview(snapshot);
  }

  async function runPreview(f: File) {
    setNetworkError(false);
    setState({ step: "checking", uploaded: 0 });
    const fd = new FormData();
    fd.set("file", f, f.name);
    fd.set("mode", "preview");
    try {
      const res = await uploadForm(URL_IMPORT, fd, {
        accept: "application/json",
        onUploadProgress: (loaded, total) => setState({ step: "checking", uploaded: total ? Math.round((loaded / total) * 100) : 100 }),
      }).promise;
      if (res.status === 401) return router.push("/login"); // the session ended: sign in again
      const body = parseJson<ImportPreview & Problem>(res.text);
      if (res.status === 200 && body?.mode === "preview") setState({ step: "previewed", preview: body });
      else setState({ step: "rejected", rejection: toRejection(body ?? {}, t("preview.unreadable")) });
    } catch (err) {
      if (!(err instanceof NetworkError)) throw err;
      setNetworkError(true);
      setState({ step: "idle" });
    }
    focusResult();
  }

  async function runCommit(preview: ImportPreview) {
    if (!file) return;
    setNetworkError(false);
    setState({ step: "committing", phase: "uploading", done: 0, total: file.size, preview });
    const fd = new FormData();
    fd.set("file", file, file.name);
    fd.set("mode", "commit");
    const read = ndjsonReader<StreamLine>();
    let final: StreamLine | null = null;
    try {
      const res = await uploadForm(URL_IMPORT, fd, {
        accept: "application/x-ndjson",
        onUploadProgress: (loaded, total) => setState({ step: "committing", phase: "uploading", done: loaded, total: total || 1, preview }),
        onText: (text) => {
          for (const line of read(text)) {
            if (line.phase === "validating" || line.phase === "inserting") {
              const phase: CommitPhase = line.phase === "inserting" && line.done >= line.total ? "finishing" : line.phase;
              setState({ step: "committing", phase, done: line.done, total: line.total, preview });
            } else final = line;
          }
        },
      }).promise;
      if (res.status === 401) return router.push("/login");
      const end = final as StreamLine | null;
      if (end?.phase === "done") {
        setState({ step: "committed", result: end.result });
        void qc.invalidateQueries();
      } else if (end?.phase === "error") {
        setState({ step: "commitFailed", rejection: toRejection(end.problem, t("commit.failed")), preview });
      } else {
        // Not a stream: an error answered before the work started (401/403/413 …), as problem+json.
        setState({ step: "commitFailed", rejection: toRejection(parseJson<Problem>(res.text) ?? {}, t("commit.failed")), preview });
      }
    } catch (err) {
      if (!(err instanceof NetworkError)) throw err;
      setNetworkError(true);
      setState({ step: "previewed", preview });
    }
    focusResult();
  }

  function reset() {
    setFile(null);
    setState({ step: "idle" });
    setPickError(null);
    if (inputRef.current) inputRef.current.value = "";
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    if (busy) return;
    void choose(e.dataTransfer.files);
  }

  return (
    <div className="space-y-6">
      <Card title={t("choose.title")}>
        <div
          onDragOver={(e) => {
            e.preventDefault();
            if (!busy) setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-8 text-center transition-colors ${
            dragging ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-slate-50"
          }`}
        >
          <input
            ref={inputRef}
            id="import-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            className="sr-only"
            aria-label={t("choose.inputLabel")}
            tabIndex={-1}
            disabled={busy}
            onChange={(e) => void choose(e.target.files)}
          />
          <Button onClick={() => inputRef.current?.click()} disabled={busy} aria-describedby="import-file-hint">
            {file ? t("choose.another") : t("choose.button")}
          </Button>
          <p id="import-file-hint" className="text-sm text-slate-600">
            {dragging ? t("choose.dropActive") : t("choose.drop")}
          </p>
          {file ? (
            <p className="text-sm text-slate-800">
              <span className="font-medium">{t("choose.selected")}:</span>{" "}
              <span className="break-all">{t("choose.selectedFile", { name: file.name, size: fmtSize(file.size) })}</span>
            </p>
          ) : null}
        </div>
        {pickError ? (
          <div className="mt-3">
            <Alert tone="error">{pickError}</Alert>
          </div>
        ) : null}
        {networkError ? (
          <div className="mt-3">
            <Alert tone="error">{t("network")}</Alert>
          </div>
        ) : null}
      </Card>

      {state.step === "checking" ? (
        <Card title={t("preview.title")}>
          <ImportProgressBar
            label={t("preview.title")}
            percent={state.uploaded < 100 ? state.uploaded : null}
            text={state.uploaded < 100 ? t("preview.uploading", { percent: state.uploaded }) : t("preview.checking")}
          />
        </Card>
      ) : null}

      {state.step === "rejected" ? (
        <Card title={<ResultHeading ref={resultRef}>{t("preview.title")}</ResultHeading>}>
          <div className="space-y-3">
            <Alert tone="error">{state.rejection.detail}</Alert>
            {/* The file as a whole (encoding, header): reasons as a list, line numbers would mean nothing. */}
            {state.rejection.errors.length ? (
              <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
                {state.rejection.errors.map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            ) : null}
            <p className="text-sm text-slate-700">{t("preview.fixHint")}</p>
          </div>
        </Card>
      ) : null}

      {state.step === "previewed" || state.step === "committing" || state.step === "commitFailed" ? (
        <PreviewCard
          preview={state.preview}
          headingRef={resultRef}
          committing={state.step === "committing" ? state : null}
          failure={state.step === "commitFailed" ? state.rejection : null}
          onCommit={() => void runCommit(state.preview)}
        />
      ) : null}

      {state.step === "committed" ? (
        <Card title={<ResultHeading ref={resultRef}>{t("commit.resultTitle")}</ResultHeading>}>
          <div className="space-y-3">
            <ImportProgressBar label={t("commit.progressLabel")} percent={100} text={t("commit.done")} />
            <Alert tone="success">
              {t("commit.summary", { inserted: state.result.inserted, skipped: state.result.skipped })}
            </Alert>
            <div className="flex flex-wrap gap-2">
              <ButtonLink href="/training/records" variant="primary">
                {t("commit.toRecords")}
              </ButtonLink>
              <Button variant="secondary" onClick={reset}>
                {t("commit.again")}
              </Button>
            </div>
          </div>
        </Card>
      ) : null}
    </div>
  );
}

function ResultHeading({ ref, children }: { ref: React.Ref<HTMLHeadingElement>; children: React.ReactNode }) {
  // Card renders its title inside an h2; this span takes focus for it.
  return (
    <span ref={ref} tabIndex={-1} className="outline-none focus-visible:underline">
      {children}
    </span>
  );
}

function PreviewCard({
  preview,
  headingRef,
  committing,
  failure,
  onCommit,
}: {
  preview: ImportPreview;
  headingRef: React.Ref<HTMLHeadingElement>;
  committing: { phase: CommitPhase; done: number; total: number } | null;
  failure: Rejection | null;
  onCommit: () => void;
}) {
  const t = useTranslations("import");
  const hasErrors = preview.errorCount > 0;
  const canCommit = !hasErrors && preview.newRows > 0 && !committing;

  const stats: [string, number, "red" | "green" | "slate" | "blue"][] = [
    [t("preview.totalRows"), preview.totalRows, "slate"],
    [t("preview.validRows"), preview.validRows, "slate"],
    [t("preview.newRows"), preview.newRows, "green"],
    [t("preview.existingRows"), preview.existingRows, "blue"],
    [t("preview.errorCount"), preview.errorCount, preview.errorCount ? "red" : "slate"],
  ];

  return (
    <Card title={<ResultHeading ref={headingRef}>{t("preview.title")}</ResultHeading>}>
      <div className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <div className="rounded-md border border-slate-200 p-3">
            <dt className="text-xs text-slate-600">{t("preview.encoding")}</dt>
            <dd className="mt-1 text-sm font-semibold text-slate-900">{t(`encodings.${encodingKey(preview.encoding)}`)}</dd>
          </div>
          {stats.map(([label, value, tone]) => (
            <div key={label} className="rounded-md border border-slate-200 p-3">
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd
                className={`mt-1 text-xl font-bold tabular-nums ${
                  tone === "red" ? "text-red-700" : tone === "green" ? "text-green-800" : tone === "blue" ? "text-brand-700" : "text-slate-900"
                }`}
              >
                {value.toLocaleString()}
              </dd>
            </div>
          ))}
        </dl>

        {hasErrors ? (
          <div className="space-y-2">
            <h3 className="text-sm font-semibold text-red-800">{t("preview.errorsTitle")}</h3>
            <IssueTable issues={preview.errors} total={preview.errorCount} />
            <Alert tone="warning">{t("preview.fixHint")}</Alert>
          </div>
        ) : preview.validRows === 0 ? (
          <Alert tone="warning">{t("preview.noRows")}</Alert>
        ) : preview.newRows === 0 ? (
          <Alert tone="info">{t("preview.nothingNew")}</Alert>
        ) : preview.existingRows > 0 ? (
          <Alert tone="info">{t("preview.someStored", { count: preview.existingRows })}</Alert>
        ) : null}

        {preview.sample.length > 0 ? <SampleTable preview={preview} /> : null}

        {failure ? (
          <div className="space-y-2">
            <Alert tone="error">{failure.detail}</Alert>
            {failure.errors.length ? <IssueTable issues={failure.errors} total={failure.errorCount} /> : null}
          </div>
        ) : null}

        {committing ? (
          <ImportProgressBar
            label={t("commit.progressLabel")}
            percent={overallPercent(committing.phase, committing.done, committing.total)}
            text={
              committing.phase === "uploading"
                ? t("commit.uploading", { percent: Math.round((committing.done / (committing.total || 1)) * 100) })
                : committing.phase === "finishing"
                  ? t("commit.finishing")
                  : t(`commit.${committing.phase}`, { done: committing.done, total: committing.total })
            }
          />
        ) : null}

        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={onCommit} disabled={!canCommit} aria-describedby={hasErrors ? "import-blocked" : undefined}>
            {t("commit.button", { count: preview.newRows })}
          </Button>
          {hasErrors ? (
            <p id="import-blocked" className="text-sm font-medium text-red-800">
              {t("commit.blocked")}
            </p>
          ) : null}
        </div>
      </div>
    </Card>
  );
}

function IssueTable({ issues, total }: { issues: ImportIssueOut[]; total: number }) {
  const t = useTranslations("import");
  if (issues.length === 0) return null;
  return (
    <div className="space-y-1">
      {total > issues.length ? <p className="text-sm text-slate-700">{t("preview.errorsMore", { count: total, shown: issues.length })}</p> : null}
      <div className="max-h-96 overflow-auto rounded-lg border border-red-200 bg-white" tabIndex={0} role="region" aria-label={t("preview.errorsCaption")}>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("preview.errorsCaption")}</caption>
          <thead className="sticky top-0 bg-red-50">
            <tr>
              <th scope="col" className="whitespace-nowrap px-3 py-2 text-left font-semibold text-slate-700">
                {t("preview.line")}
              </th>
              <th scope="col" className="whitespace-nowrap px-3 py-2 text-left font-semibold text-slate-700">
                {t("preview.column")}
              </th>
              <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                {t("preview.message")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {issues.map((i, n) => (
              <tr key={`${i.line}-${i.column ?? ""}-${n}`}>
                <td className="whitespace-nowrap px-3 py-2 align-top tabular-nums">{t("preview.lineNo", { line: i.line })}</td>
                <td className="whitespace-nowrap px-3 py-2 align-top">{columnLabel(t, i.column)}</td>
                <td className="px-3 py-2 align-top">{i.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const COLUMN_KEYS = new Set(["employeeNumber", "courseCode", "completedOn", "score", "method", "evidence"]);

function columnLabel(t: (key: string) => string, column?: string): string {
  if (column && COLUMN_KEYS.has(column)) return t(`columns.${column}`);
  return t("preview.wholeRow");
}

function SampleTable({ preview }: { preview: ImportPreview }) {
  const t = useTranslations("import");
  const th = "whitespace-nowrap px-3 py-2 text-left font-semibold text-slate-700";
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-semibold text-slate-800">{t("preview.sampleTitle", { count: preview.sample.length })}</h3>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("preview.sampleTitle", { count: preview.sample.length })}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={th}>
                {t("preview.line")}
              </th>
              <th scope="col" className={th}>
                {t("preview.employee")}
              </th>
              <th scope="col" className={th}>
                {t("preview.course")}
              </th>
              <th scope="col" className={th}>
                {t("preview.completedOn")}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t("preview.score")}
              </th>
              <th scope="col" className={th}>
                {t("preview.result")}
              </th>
              <th scope="col" className={th}>
                {t("preview.method")}
              </th>
              <th scope="col" className={th}>
                {t("preview.evidence")}
              </th>
              <th scope="col" className={th}>
                {t("preview.status")}
              </th>
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
      </div>
    </div>
  );
}
