"use client";

import { useId, useRef, useState, type DragEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FILE_ENCODINGS, type ImportLineError } from "@/lib/csv/import";
import { Alert, Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { FormatGuide, type ImportColumnGuide } from "./format-guide";
import { LineErrors } from "./line-errors";
import { ImportProgressBar } from "./progress-bar";
import { NetworkError, ndjsonReader, overallPercent, uploadForm, type CommitPhase } from "./upload";

/**
 * The one import UI (every importer: employees, training records, contractors, and the registers
 * to come): choose a file (button or drop; CSV or .xlsx) → preview with every line error (paginated)
 * → confirm → progress bar (upload, then the server's NDJSON progress) → result. The server side is
 * db/queries/imports/pipeline.ts; line errors arrive in its one format (lib/csv/import.ts). A module
 * passes its endpoint, columns and what to show of its own preview and result.
 */

/** What every import's preview answers, whatever else it holds. */
export type ImportPreviewBase = { fileName: string; encoding: string; errorCount: number; errors: ImportLineError[] };

export type ImportStat = { label: string; value: number; tone?: "red" | "green" | "blue" | "slate" };

export type ImportPanelProps<P extends ImportPreviewBase, C> = {
  /** POST endpoint taking multipart `file` and `mode` (db/queries/imports/pipeline.ts runImport). */
  endpoint: string;
  maxBytes: number;
  maxRows: number;
  columns: ImportColumnGuide[];
  /** A template to download; without one a header-only CSV is made from the columns. */
  templateHref?: string;
  /** The format guide starts open (first-time users). */
  guideOpen?: boolean;
  /** What the guide should add about this module (e.g. how a re-import behaves). */
  guideNote?: ReactNode;
  /** The counts a preview shows; an upsert import (rows, inserted, updated, unchanged) need not say. */
  stats?: (preview: P) => ImportStat[];
  /** The module's own view of a preview (changes, sample rows, flags …). */
  details?: (preview: P) => ReactNode;
  /** Rows a commit would write: 0 means nothing to do. */
  toApply: (preview: P) => number;
  commitLabel: (preview: P) => string;
  /** The result of a commit, as a sentence. */
  resultText: (result: C) => string;
  /** Links shown with the result (e.g. to the list the import filled). */
  resultActions?: (result: C) => ReactNode;
  /** After a commit: refresh what the import changed. */
  onCommitted?: (result: C) => void;
};

type Problem = { title?: string; detail?: string; errors?: ImportLineError[]; errorCount?: number };
type Rejection = { detail: string; errors: ImportLineError[]; errorCount: number };
type StreamLine<C> = { phase: "validating" | "inserting"; done: number; total: number } | { phase: "done"; result: C } | { phase: "error"; problem: Problem };

type State<P, C> =
  | { step: "idle" }
  | { step: "checking"; uploaded: number }
  | { step: "rejected"; rejection: Rejection }
  | { step: "previewed"; preview: P }
  | { step: "committing"; phase: CommitPhase; done: number; total: number; preview: P }
  | { step: "commitFailed"; rejection: Rejection; preview: P }
  | { step: "committed"; result: C };

/** How a file was read (an encoding as the API names it, or "xlsx"), in the user's language. */
export function useEncodingLabel(): (encoding: string) => string {
  const t = useTranslations("importPanel.encodings");
  return (encoding) => {
    const known = FILE_ENCODINGS.find((e) => e === encoding);
    return known ? t(known) : encoding;
  };
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function toRejection(p: Problem, fallback: string): Rejection {
  // A problem from the route helper (413, 415 …) has field errors without lines: shown as the detail only.
  const errors = (p.errors ?? []).filter((e) => typeof e.line === "number");
  return { detail: p.detail ?? p.title ?? fallback, errors, errorCount: p.errorCount ?? errors.length };
}

function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function ImportPanel<P extends ImportPreviewBase, C>(props: ImportPanelProps<P, C>) {
  const { endpoint, maxBytes } = props;
  const t = useTranslations("importPanel");
  const router = useRouter();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLSpanElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State<P, C>>({ step: "idle" });
  const [dragging, setDragging] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const [networkError, setNetworkError] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const busy = state.step === "checking" || state.step === "committing";
  const maxMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  const columnLabel = (key?: string) => props.columns.find((c) => c.key === key)?.label;
  const step = state.step === "committed" ? 3 : state.step === "idle" || state.step === "checking" ? 1 : 2;

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
    if (f.size > maxBytes) {
      setFile(null);
      setState({ step: "idle" });
      return setPickError(t("choose.tooLarge", { maxMb }));
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

  function formFor(f: File, mode: "preview" | "commit"): FormData {
    const fd = new FormData();
    fd.set("file", f, f.name);
    fd.set("mode", mode);
    return fd;
  }

  async function runPreview(f: File) {
    setState({ step: "checking", uploaded: 0 });
    try {
      const res = await uploadForm(endpoint, formFor(f, "preview"), {
        accept: "application/json",
        onUploadProgress: (loaded, total) => setState({ step: "checking", uploaded: total ? Math.round((loaded / total) * 100) : 100 }),
      }).promise;
      if (res.status === 401) return router.push("/login"); // the session ended: sign in again
      const body = parseJson<P & Problem>(res.text);
      if (res.status === 200 && body) setState({ step: "previewed", preview: body });
      else setState({ step: "rejected", rejection: toRejection(body ?? {}, t("preview.unreadable")) });
    } catch (err) {
      if (!(err instanceof NetworkError)) throw err;
      setNetworkError(true);
      setState({ step: "idle" });
    }
    focusResult();
  }

  async function runCommit(preview: P) {
    if (!file) return;
    setConfirming(false);
    setNetworkError(false);
    setState({ step: "committing", phase: "uploading", done: 0, total: file.size, preview });
    const read = ndjsonReader<StreamLine<C>>();
    let final: StreamLine<C> | null = null;
    try {
      const res = await uploadForm(endpoint, formFor(file, "commit"), {
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
      const end = final as StreamLine<C> | null;
      if (end?.phase === "done") {
        setState({ step: "committed", result: end.result });
        props.onCommitted?.(end.result);
      } else if (end?.phase === "error") {
        setState({ step: "commitFailed", rejection: toRejection(end.problem, t("commit.failed")), preview });
      } else {
        // Not a stream: an error answered before the work started (403, 413 …), as problem+json.
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

  const heading = (text: string) => (
    // Card renders its title inside an h2; this span takes focus for it.
    <span ref={resultRef} tabIndex={-1} className="outline-none focus-visible:underline">
      {text}
    </span>
  );

  return (
    <div className="space-y-6">
      <ol aria-label={t("stepLabel")} className="flex flex-wrap gap-2 text-sm">
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

      <FormatGuide columns={props.columns} maxBytes={maxBytes} maxRows={props.maxRows} templateHref={props.templateHref} open={props.guideOpen ?? false} note={props.guideNote} />

      {state.step !== "committed" ? (
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
              id={`${id}-file`}
              type="file"
              accept=".csv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="sr-only"
              aria-label={t("choose.inputLabel")}
              aria-describedby={`${id}-hint`}
              tabIndex={-1}
              disabled={busy}
              onChange={(e) => void choose(e.target.files)}
            />
            <Button onClick={() => inputRef.current?.click()} disabled={busy} aria-describedby={`${id}-hint`}>
              {file ? t("choose.another") : t("choose.button")}
            </Button>
            <p className="text-sm text-slate-600">{dragging ? t("choose.dropActive") : t("choose.drop")}</p>
            <p id={`${id}-hint`} className="text-xs text-slate-600">
              {t("choose.hint", { maxMb, maxRows: props.maxRows })}
            </p>
            {file ? <p className="break-all text-sm font-medium text-slate-900">{t("choose.selected", { name: file.name, size: formatSize(file.size) })}</p> : null}
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
      ) : null}

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
        <Card title={heading(t("preview.title"))}>
          <div className="space-y-3">
            <Alert tone="error">{state.rejection.detail}</Alert>
            <LineErrors errors={state.rejection.errors} total={state.rejection.errorCount} columnLabel={columnLabel} />
            <p className="text-sm text-slate-700">{t("preview.errorsHelp")}</p>
          </div>
        </Card>
      ) : null}

      {state.step === "previewed" || state.step === "committing" || state.step === "commitFailed" ? (
        <PreviewCard
          {...props}
          preview={state.preview}
          heading={heading(t("preview.title"))}
          committing={state.step === "committing" ? state : null}
          failure={state.step === "commitFailed" ? state.rejection : null}
          columnLabel={columnLabel}
          onCommit={() => setConfirming(true)}
          onReset={reset}
        />
      ) : null}

      {state.step === "previewed" || state.step === "commitFailed" ? (
        <ConfirmDialog
          open={confirming}
          tone="primary"
          title={t("commit.confirmTitle")}
          body={t("commit.confirmBody", { name: state.preview.fileName })}
          confirmLabel={props.commitLabel(state.preview)}
          onConfirm={() => void runCommit(state.preview)}
          onCancel={() => setConfirming(false)}
        />
      ) : null}

      {state.step === "committed" ? (
        <Card title={heading(t("commit.resultTitle"))}>
          <div className="space-y-3">
            <ImportProgressBar label={t("commit.progressLabel")} percent={100} text={t("commit.done")} />
            <Alert tone="success">{props.resultText(state.result)}</Alert>
            <div className="flex flex-wrap gap-2">
              {props.resultActions?.(state.result)}
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

const TONES = { red: "text-red-700", green: "text-green-800", blue: "text-brand-700", slate: "text-slate-900" } as const;

function PreviewCard<P extends ImportPreviewBase, C>({
  preview,
  heading,
  committing,
  failure,
  columnLabel,
  onCommit,
  onReset,
  ...props
}: ImportPanelProps<P, C> & {
  preview: P;
  heading: ReactNode;
  committing: { phase: CommitPhase; done: number; total: number } | null;
  failure: Rejection | null;
  columnLabel: (key?: string) => string | undefined;
  onCommit: () => void;
  onReset: () => void;
}) {
  const t = useTranslations("importPanel");
  const hasErrors = preview.errorCount > 0;
  const toApply = props.toApply(preview);
  const canCommit = !hasErrors && toApply > 0 && !committing;
  const encodingLabel = useEncodingLabel();
  const ts = useTranslations("importPanel.stats");
  // The counts of an upsert import (lib/csv/import.ts upsertResultSchema).
  const upsertStats = (p: P): ImportStat[] => {
    const u = p as P & Partial<Record<"rows" | "inserted" | "updated" | "unchanged", number>>;
    return [
      { label: ts("rows"), value: u.rows ?? 0 },
      { label: ts("insert"), value: u.inserted ?? 0, tone: "green" },
      { label: ts("update"), value: u.updated ?? 0, tone: "blue" },
      { label: ts("unchanged"), value: u.unchanged ?? 0 },
      { label: ts("errors"), value: p.errorCount, tone: p.errorCount ? "red" : "slate" },
    ];
  };

  return (
    <Card title={heading}>
      <div className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <div className="col-span-2 rounded-md border border-slate-200 p-3 sm:col-span-1">
            <dt className="text-xs text-slate-600">{t("preview.file")}</dt>
            <dd className="mt-1 break-all text-sm font-semibold text-slate-900">{preview.fileName}</dd>
          </div>
          <div className="rounded-md border border-slate-200 p-3">
            <dt className="text-xs text-slate-600">{t("preview.encoding")}</dt>
            <dd className="mt-1 text-sm font-semibold text-slate-900">{encodingLabel(preview.encoding)}</dd>
          </div>
          {(props.stats ?? upsertStats)(preview).map((s) => (
            <div key={s.label} className="rounded-md border border-slate-200 p-3">
              <dt className="text-xs text-slate-600">{s.label}</dt>
              <dd className={`mt-1 text-xl font-bold tabular-nums ${TONES[s.tone ?? "slate"]}`}>{s.value.toLocaleString()}</dd>
            </div>
          ))}
        </dl>

        {hasErrors ? (
          <section aria-labelledby="import-errors-title" className="space-y-2">
            <h3 id="import-errors-title" className="text-sm font-semibold text-red-800">
              {t("preview.errorsTitle", { count: preview.errorCount })}
            </h3>
            <LineErrors errors={preview.errors} total={preview.errorCount} columnLabel={columnLabel} />
            <Alert tone="warning">{t("preview.errorsHelp")}</Alert>
          </section>
        ) : toApply === 0 ? (
          <Alert tone="info">{t("preview.nothingToDo")}</Alert>
        ) : (
          <Alert tone="success">{t("preview.ready")}</Alert>
        )}

        {props.details?.(preview)}

        {failure ? (
          <div className="space-y-2">
            <Alert tone="error">{failure.detail}</Alert>
            <LineErrors errors={failure.errors} total={failure.errorCount} columnLabel={columnLabel} />
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
            {props.commitLabel(preview)}
          </Button>
          <Button variant="secondary" onClick={onReset} disabled={Boolean(committing)}>
            {t("choose.another")}
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
