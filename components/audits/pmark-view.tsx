"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ScrollArea } from "@/components/ui/data-table";
import { TextField } from "@/components/ui/field";
import { Form, FormDialog, useForm } from "@/components/ui/form";
import { createCertificateSchema, updateCertificateSchema, type CertificateDto, type CurrentCertificate } from "@/lib/audits/schema";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { PmarkBanner } from "./pmark-banner";

export function PmarkView({ initial, canEdit }: { initial: CurrentCertificate; canEdit: boolean }) {
  const t = useTranslations("pmark");
  const q = useQuery({ queryKey: ["pmark"], queryFn: () => apiFetch<CurrentCertificate>("/api/v1/pmark-certificates"), initialData: initial });
  const [dialog, setDialog] = useState<{ cert?: CertificateDto } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cur = q.data.current;

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} actions={canEdit ? <Button onClick={() => setDialog({})}>{t("register")}</Button> : null} />
      <PmarkBanner certificate={cur} showLink={false} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {cur ? (
        <Card
          title={t("current")}
          action={
            canEdit ? (
              <Button variant="ghost" onClick={() => setDialog({ cert: cur })}>
                {t("edit")}
              </Button>
            ) : null
          }
        >
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-xs text-slate-600">{t("fields.certificateNumber")}</dt>
              <dd className="text-lg font-semibold">{cur.certificateNumber}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">{t("fields.validFrom")}</dt>
              <dd>{formatDate(cur.validFrom)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">{t("fields.validTo")}</dt>
              <dd className="font-semibold">{formatDate(cur.validTo)}</dd>
            </div>
          </dl>
          <Window cert={cur} />
        </Card>
      ) : (
        <EmptyState>{t("none")}</EmptyState>
      )}
      {q.data.history.length ? (
        <Card title={t("history")}>
          {/* On a phone the dates keep one line and the note its words: the table scrolls in the card instead of squeezing the note to a letter a line. */}
          <ScrollArea label={t("historyCaption")}>
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("historyCaption")}</caption>
              <thead>
                <tr className="text-left text-slate-700">
                  <th scope="col" className="py-1 pr-4">{t("fields.certificateNumber")}</th>
                  <th scope="col" className="py-1 pr-4">{t("fields.validFrom")}</th>
                  <th scope="col" className="py-1 pr-4">{t("fields.validTo")}</th>
                  <th scope="col" className="py-1">{t("fields.note")}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.history.map((c) => (
                  <tr key={c.id} className="border-t border-slate-100">
                    <td className="whitespace-nowrap py-1 pr-4">{c.certificateNumber}</td>
                    <td className="whitespace-nowrap py-1 pr-4">{formatDate(c.validFrom)}</td>
                    <td className="whitespace-nowrap py-1 pr-4">{formatDate(c.validTo)}</td>
                    <td className="min-w-32 py-1">{c.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        </Card>
      ) : null}
      <FormDialog open={dialog !== null} onClose={() => setDialog(null)} title={dialog?.cert ? t("form.editTitle") : t("form.createTitle")} recordId={dialog?.cert?.id}>
        <CertificateForm
          cert={dialog?.cert}
          onCancel={() => setDialog(null)}
          onDone={() => {
            setNotice(dialog?.cert ? t("form.updated") : t("form.created"));
            setDialog(null);
          }}
        />
      </FormDialog>
    </div>
  );
}

function Window({ cert }: { cert: CertificateDto }) {
  const t = useTranslations("pmark.window");
  const tc = useTranslations("common");
  const w = cert.window;
  const percent = Math.round(w.progress * 100);
  const bar = w.state === "window_open" ? "bg-amber-500" : w.state === "before_window" ? "bg-slate-300" : "bg-red-600";
  return (
    <section className="mt-5" aria-labelledby="renewal-window-title">
      <h3 id="renewal-window-title" className="text-sm font-semibold text-slate-900">
        {t("title")}: <span className={w.state === "before_window" ? "text-slate-700" : w.state === "window_open" ? "text-amber-800" : "text-red-700"}>{t(`state.${w.state}`)}</span>{" "}
        <span className="font-normal text-slate-700">{tc("inParens", { text: t(`daysLeft.${w.state}`, { days: w.daysLeft }) })}</span>
      </h3>
      <div
        className="mt-3 h-4 w-full overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t("ariaLabel", { percent })}
      >
        <div className={`h-full ${bar}`} style={{ width: `${Math.max(percent, w.state === "before_window" ? 0 : 2)}%` }} />
      </div>
      <ol className="mt-2 grid grid-cols-3 gap-2 text-xs text-slate-700">
        <li>
          <span className="block font-medium">{t("opensOn")}</span>
          {formatDate(w.opensOn)}
        </li>
        <li className="text-center">
          <span className="block font-medium">{t("closesOn")}</span>
          {formatDate(w.closesOn)}
        </li>
        <li className="text-right">
          <span className="block font-medium">{t("expiresOn")}</span>
          {formatDate(w.expiresOn)}
        </li>
      </ol>
    </section>
  );
}

const certValues = (c?: CertificateDto) => ({ certificateNumber: c?.certificateNumber ?? "", validFrom: c?.validFrom ?? "", validTo: c?.validTo ?? "", note: c?.note ?? "" });

function CertificateForm({ cert, onDone, onCancel }: { cert?: CertificateDto; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("pmark");
  const f = useForm({
    initial: certValues(cert),
    record: cert,
    schema: cert ? updateCertificateSchema : createCertificateSchema,
    submit: (body) => (cert ? apiFetch(`/api/v1/pmark-certificates/${cert.id}`, { method: "PATCH", json: body }) : apiFetch("/api/v1/pmark-certificates", { method: "POST", json: body })),
    onSaved: onDone,
    invalidate: [["pmark"]],
    loadLatest: cert
      ? async () => {
          const all = await apiFetch<CurrentCertificate>("/api/v1/pmark-certificates");
          const latest = [all.current, ...all.history].find((c) => c?.id === cert.id);
          if (!latest) throw new Error("certificate gone");
          return latest;
        }
      : undefined,
    compare: { certificateNumber: t("fields.certificateNumber"), validFrom: t("fields.validFrom"), validTo: t("fields.validTo"), note: t("fields.note") },
    toValues: certValues,
  });
  return (
    <Form form={f} onCancel={onCancel} className="space-y-3">
      <TextField label={t("fields.certificateNumber")} required {...f.field("certificateNumber")} />
      <TextField type="date" label={t("fields.validFrom")} required {...f.field("validFrom")} />
      <TextField type="date" label={t("fields.validTo")} hint={t("fields.validToHint")} {...f.field("validTo")} />
      <TextField label={t("fields.note")} {...f.field("note")} />
    </Form>
  );
}
