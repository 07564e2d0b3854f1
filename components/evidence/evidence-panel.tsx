"use client";

import { useId, useState, type DragEvent } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ImportProgressBar } from "@/components/import/progress-bar";
import { Button } from "@/components/ui/button";
import { Alert, Badge, Card, EmptyState, Skeleton } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { ActionMessage, Form, ReasonDialog, useAction, useForm } from "@/components/ui/form";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";
import { formatDate, formatDateTime } from "@/lib/dates";
import { daysToExpiry, expiryState } from "@/lib/evidence/expiry";
import type { EvidenceRecordKind } from "@/lib/evidence/kinds";
import { evidenceUploadQuery, type EvidenceDto, type EvidenceListDto, type EvidenceUploadDto, type EvidenceVersionDto } from "@/lib/evidence/schema";
import { formatBytes } from "@/lib/format-bytes";
import { evidenceKeys, evidenceUrls } from "./keys";
import { sendEvidenceFile } from "./upload";

/**
 * The evidence files of one record (docs/domain.md, "Evidence files"): the list with each file's
 * current version, SHA-256, effective date and expiry badge; preview (PDF, images), download, the
 * version history; attaching a file or a new version (drop zone, progress); disposal with a reason.
 * One component for every record kind: the page passes the kind and the record's id.
 */
export function EvidencePanel({ kind, recordId, today, title }: { kind: EvidenceRecordKind; recordId: number; today: string; title?: string }) {
  const t = useTranslations("evidence");
  const key = evidenceKeys.list(kind, recordId);
  const q = useQuery({ queryKey: key, queryFn: () => apiFetch<EvidenceListDto>(evidenceUrls.list(kind, recordId)) });
  const [uploadFor, setUploadFor] = useState<{ evidence: EvidenceDto | null } | null>(null);
  const [preview, setPreview] = useState<EvidenceVersionDto | null>(null);
  const [done, setDone] = useState<EvidenceUploadDto | null>(null);
  const headingId = useId();

  return (
    <section aria-labelledby={headingId}>
      <Card
        title={<span id={headingId}>{title ?? t("title")}</span>}
        action={
          q.data?.canWrite ? (
            <Button type="button" onClick={() => setUploadFor({ evidence: null })}>
              {t("attach")}
            </Button>
          ) : null
        }
      >
        <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
        {done ? <UploadedNotice result={done} onClose={() => setDone(null)} /> : null}
        {q.isPending ? (
          <div className="space-y-2" aria-busy="true" aria-label={t("loading")}>
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-5 w-1/2" />
          </div>
        ) : q.isError && !q.data ? (
          <LoadError onRetry={() => q.refetch()}>{t("loadError")}</LoadError>
        ) : q.data.items.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {q.data.items.map((e) => (
              <EvidenceItem
                key={e.id}
                item={e}
                today={today}
                canWrite={q.data.canWrite}
                canDispose={q.data.canDispose}
                listKey={key}
                onPreview={setPreview}
                onNewVersion={() => setUploadFor({ evidence: e })}
              />
            ))}
          </ul>
        )}
      </Card>

      <Dialog
        open={uploadFor !== null}
        onClose={() => setUploadFor(null)}
        title={uploadFor?.evidence ? t("dialog.versionTitle", { title: uploadFor.evidence.title }) : t("dialog.newTitle")}
      >
        {uploadFor && q.data ? (
          <UploadForm
            key={uploadFor.evidence?.id ?? "new"}
            kind={kind}
            recordId={recordId}
            evidence={uploadFor.evidence}
            limits={q.data.settings}
            today={today}
            listKey={key}
            onClose={() => setUploadFor(null)}
            onUploaded={(r) => {
              setUploadFor(null);
              setDone(r);
            }}
          />
        ) : null}
      </Dialog>

      <Dialog open={preview !== null} onClose={() => setPreview(null)} title={preview ? t("previewTitle", { name: preview.fileName }) : ""} wide>
        {preview ? <Preview version={preview} onClose={() => setPreview(null)} /> : null}
      </Dialog>
    </section>
  );
}

function UploadedNotice({ result, onClose }: { result: EvidenceUploadDto; onClose: () => void }) {
  const t = useTranslations("evidence");
  const tk = useTranslations("evidence.kinds");
  const current = result.evidence.versions.find((v) => v.id === result.versionId);
  return (
    <div className="mb-3 space-y-2" role="status">
      <Alert tone="success">
        {t("uploaded", { name: current?.fileName ?? result.evidence.title })}{" "}
        <Button type="button" variant="ghost" onClick={onClose}>
          {t("dismiss")}
        </Button>
      </Alert>
      {result.duplicates.length ? (
        <Alert tone="warning">
          {t("duplicates")}
          <ul className="mt-1 list-disc pl-5">
            {result.duplicates.map((d) => (
              <li key={`${d.evidenceId}-${d.versionNumber}`}>{t("duplicateItem", { title: d.title, number: d.versionNumber, kind: tk(d.recordKind), id: d.recordId })}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}

function ExpiryBadge({ expiresOn, today }: { expiresOn: string | null; today: string }) {
  const t = useTranslations("evidence.expiry");
  const state = expiryState(expiresOn, today);
  if (!state || !expiresOn) return null;
  if (state === "expired") return <Badge tone="red">{t("expired", { date: formatDate(expiresOn) })}</Badge>;
  if (state === "expiring") return <Badge tone="amber">{t("expiring", { days: daysToExpiry(expiresOn, today) })}</Badge>;
  return <Badge tone="green">{t("valid", { date: formatDate(expiresOn) })}</Badge>;
}

function Sha({ value }: { value: string }) {
  const t = useTranslations("evidence");
  return (
    <span className="break-all font-mono text-xs text-slate-700" title={value}>
      <span className="sr-only">{t("sha256")} </span>
      {value}
    </span>
  );
}

function EvidenceItem({
  item,
  today,
  canWrite,
  canDispose,
  listKey,
  onPreview,
  onNewVersion,
}: {
  item: EvidenceDto;
  today: string;
  canWrite: boolean;
  canDispose: boolean;
  listKey: readonly unknown[];
  onPreview: (v: EvidenceVersionDto) => void;
  onNewVersion: () => void;
}) {
  const t = useTranslations("evidence");
  const [history, setHistory] = useState(false);
  const [disposing, setDisposing] = useState<EvidenceVersionDto | null>(null);
  const action = useAction({ invalidate: [listKey, ["calendar"], ["dashboard"]] });
  const current = item.versions[0];
  const historyId = useId();
  if (!current) return null;
  const live = current.disposedAt === null;

  return (
    <li className="rounded-md border border-slate-200 p-3" aria-label={item.title}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 space-y-1">
          <h3 className="font-medium text-slate-900">{item.title}</h3>
          <p className="text-sm text-slate-700">
            <span className="break-all">{current.fileName}</span>
            <span className="text-slate-600">
              {" "}
              {t("versionMeta", { number: current.number, size: formatBytes(current.byteSize) })}
            </span>
          </p>
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <span>{t("effective", { date: formatDate(current.effectiveOn) })}</span>
            {current.expiresOn ? <span>{t("expires", { date: formatDate(current.expiresOn) })}</span> : null}
            {live ? <ExpiryBadge expiresOn={current.expiresOn} today={today} /> : <Badge tone="slate">{t("disposedBadge")}</Badge>}
          </p>
          <p className="text-xs text-slate-600">
            {t("sha256")}: <Sha value={current.sha256} />
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {live && current.previewable ? (
            <Button type="button" variant="secondary" onClick={() => onPreview(current)}>
              {t("preview")}
            </Button>
          ) : null}
          {live ? (
            <a className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50" href={evidenceUrls.content(current.id, "attachment")} download>
              {t("download")}
            </a>
          ) : null}
          {canWrite ? (
            <Button type="button" variant="secondary" onClick={onNewVersion}>
              {t("newVersion")}
            </Button>
          ) : null}
        </div>
      </div>
      {!live ? <DisposalNote version={current} /> : null}
      <ActionMessage message={action.message} />
      <div className="mt-2">
        <Button type="button" variant="ghost" aria-expanded={history} aria-controls={historyId} onClick={() => setHistory((h) => !h)}>
          {history ? t("hideHistory") : t("history", { count: item.versions.length })}
        </Button>
        {history ? (
          <ol id={historyId} className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3">
            {item.versions.map((v) => (
              <li key={v.id} className="text-sm">
                <p className="font-medium text-slate-800">
                  {t("versionLabel", { number: v.number })} <span className="break-all font-normal">{v.fileName}</span>
                </p>
                <p className="text-slate-700">
                  {t("effective", { date: formatDate(v.effectiveOn) })}
                  {v.expiresOn ? ` · ${t("expires", { date: formatDate(v.expiresOn) })}` : ""} · {formatBytes(v.byteSize)} ·{" "}
                  {t("uploadedBy", { date: formatDateTime(v.uploadedAt), name: v.uploadedBy?.name ?? "—" })}
                </p>
                <p className="text-xs text-slate-600">
                  {t("sha256")}: <Sha value={v.sha256} />
                </p>
                {v.disposedAt ? (
                  <DisposalNote version={v} />
                ) : (
                  <div className="mt-1 flex flex-wrap gap-2">
                    <a className="text-brand-700 underline" href={evidenceUrls.content(v.id, "attachment")} download>
                      {t("downloadVersion", { number: v.number })}
                    </a>
                    {canDispose ? (
                      <Button type="button" variant="ghost" className="text-red-700" onClick={() => setDisposing(v)}>
                        {t("dispose.action", { number: v.number })}
                      </Button>
                    ) : null}
                  </div>
                )}
              </li>
            ))}
          </ol>
        ) : null}
      </div>
      <ReasonDialog
        open={disposing !== null}
        title={t("dispose.title")}
        body={t("dispose.body")}
        subject={disposing ? `${disposing.fileName} (${t("versionLabel", { number: disposing.number })})` : undefined}
        reasonLabel={t("dispose.reason")}
        requiredMessage={t("dispose.reasonRequired")}
        placeholder={t("dispose.placeholder")}
        confirmLabel={t("dispose.confirm")}
        busy={action.busy}
        onCancel={() => setDisposing(null)}
        onConfirm={async (reason) => {
          const v = disposing!;
          const ok = await action.run(() => apiFetch(evidenceUrls.dispose(v.id), { method: "POST", json: { reason, version: item.version } }), { success: t("dispose.done") });
          if (ok) setDisposing(null);
        }}
      />
    </li>
  );
}

function DisposalNote({ version }: { version: EvidenceVersionDto }) {
  const t = useTranslations("evidence");
  return (
    <p className="mt-1 text-sm text-slate-700">
      {t("disposedNote", { date: formatDateTime(version.disposedAt), name: version.disposedBy?.name ?? "—", reason: version.disposalReason ?? "" })}
    </p>
  );
}

function Preview({ version, onClose }: { version: EvidenceVersionDto; onClose: () => void }) {
  const t = useTranslations("evidence");
  const tc = useTranslations("common");
  const src = evidenceUrls.content(version.id, "inline");
  return (
    <div className="space-y-2">
      {version.mediaType === "application/pdf" ? (
        <iframe title={t("previewFrame", { name: version.fileName })} src={src} className="h-[70vh] w-full rounded border border-slate-200" />
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- a stored file served by the API, not a static asset
        <img src={src} alt={t("previewImage", { name: version.fileName })} className="mx-auto max-h-[70vh] max-w-full" />
      )}
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <a className="text-brand-700 underline" href={evidenceUrls.content(version.id, "attachment")} download>
          {t("download")}
        </a>
        <Button type="button" variant="secondary" onClick={onClose}>
          {tc("close")}
        </Button>
      </div>
    </div>
  );
}

function UploadForm({
  kind,
  recordId,
  evidence,
  limits,
  today,
  listKey,
  onClose,
  onUploaded,
}: {
  kind: EvidenceRecordKind;
  recordId: number;
  evidence: EvidenceDto | null;
  limits: EvidenceListDto["settings"];
  today: string;
  listKey: readonly unknown[];
  onClose: () => void;
  onUploaded: (r: EvidenceUploadDto) => void;
}) {
  const t = useTranslations("evidence");
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const inputId = useId();
  const current = evidence?.versions[0];
  const f = useForm({
    // `file` holds no value: it is where "choose a file" is shown (the schema's own `fileName` error would only say "required").
    initial: { title: evidence ? evidence.title : "", effectiveOn: today, expiresOn: current?.expiresOn ?? "", fileName: "", file: "" },
    record: evidence ?? undefined,
    schema: evidenceUploadQuery,
    toInput: (v) => ({ title: v.title, effectiveOn: v.effectiveOn, expiresOn: v.expiresOn, fileName: file?.name ?? "", ...(evidence ? { evidenceId: evidence.id } : {}) }),
    rules: () => {
      if (!file) return [{ field: "file", messageKey: "evidence.fileRequired" }];
      if (file.size > limits.maxBytes) return [{ field: "file", messageKey: "evidence.fileTooLarge", values: { max: formatBytes(limits.maxBytes) } }];
      return [];
    },
    loadLatest: async () => {
      const list = await apiFetch<EvidenceListDto>(evidenceUrls.list(kind, recordId));
      const latest = list.items.find((e) => e.id === evidence?.id);
      if (!latest) throw new Error("gone");
      return latest;
    },
    submit: async (body) => {
      setProgress(0);
      try {
        return await sendEvidenceFile(evidenceUrls.list(kind, recordId), file!, body, (loaded, total) => setProgress(total ? (loaded / total) * 100 : null));
      } finally {
        setProgress(null);
      }
    },
    invalidate: [listKey, ["calendar"], ["dashboard"]],
    onSaved: async (r) => {
      await qc.invalidateQueries({ queryKey: listKey });
      onUploaded(r);
    },
  });

  const choose = (chosen: File | null | undefined) => {
    setFile(chosen ?? null);
    f.clearError("file");
    f.clearError("fileName");
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files?.[0]);
  };

  const fileError = f.errors.file ?? f.errors.fileName;
  return (
    <Form form={f} onCancel={onClose} submitLabel={t("upload")}>
      <div className="space-y-1">
        <label
          htmlFor={inputId}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`flex cursor-pointer flex-col items-center justify-center gap-1 rounded-md border-2 border-dashed px-4 py-6 text-center text-sm focus-within:ring-2 focus-within:ring-brand-600/40 ${
            dragging ? "border-brand-600 bg-brand-50" : fileError ? "border-red-600" : "border-slate-300 bg-slate-50"
          }`}
        >
          <span className="font-medium text-slate-800">{file ? t("chosen", { name: file.name, size: formatBytes(file.size) }) : t("drop")}</span>
          <span className="text-xs text-slate-600">{t("fileHint", { max: formatBytes(limits.maxBytes) })}</span>
          <input
            id={inputId}
            type="file"
            className="sr-only"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${inputId}-error` : undefined}
            onChange={(e) => choose(e.target.files?.[0])}
          />
        </label>
        {fileError ? (
          <p id={`${inputId}-error`} role="alert" className="text-xs font-medium text-red-700">
            {fileError}
          </p>
        ) : null}
      </div>
      <TextField label={t("fields.title")} required={!evidence} hint={t("fields.titleHint")} {...f.field("title")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("fields.effectiveOn")} required type="date" hint={t("fields.effectiveHint")} {...f.field("effectiveOn")} />
        <TextField label={t("fields.expiresOn")} type="date" hint={t("fields.expiresHint")} {...f.field("expiresOn")} />
      </div>
      {progress !== null || f.pending ? (
        <ImportProgressBar label={t("progressLabel")} percent={progress} text={t("uploading", { name: file?.name ?? "" })} />
      ) : null}
    </Form>
  );
}
