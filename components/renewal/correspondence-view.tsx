"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert, Badge, PageHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { IdSelect, TextField } from "@/components/ui/field";
import { ActionMessage, Form, FormDialog, useAction, useForm } from "@/components/ui/form";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import type { Page } from "@/lib/list/page";
import type { RegulationDto } from "@/lib/regulations/schema";
import {
  createClauseLinkSchema,
  updateClauseLinkSchema,
  type ClauseCorrespondence,
  type CorrespondenceDto,
  type CorrespondenceRegulation,
} from "@/lib/renewal/correspondence-schema";

export const correspondenceKey = ["renewal", "correspondence"] as const;
const regulationsKey = ["renewal", "correspondence", "regulations"] as const;

type Dialog = { kind: "add"; clause: ClauseCorrespondence } | { kind: "edit"; clause: ClauseCorrespondence; reg: CorrespondenceRegulation } | null;

/**
 * The correspondence table 対応表 (docs/domain.md, "Correspondence table"): each clause J.1–J.11 of the
 * P-mark guideline with the regulations mapped to it; a clause no regulation in force covers is
 * flagged. The privacy manager maps a regulation, edits where it covers the clause, or removes it.
 */
export function CorrespondenceView({ initial, canEdit }: { initial: CorrespondenceDto; canEdit: boolean }) {
  const t = useTranslations("renewal.correspondence");
  const locale = useLocale();
  const q = useQuery({ queryKey: correspondenceKey, queryFn: () => apiFetch<CorrespondenceDto>("/api/v1/renewal/correspondence"), initialData: initial });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [removing, setRemoving] = useState<{ clause: string; reg: CorrespondenceRegulation } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction({ invalidate: [correspondenceKey] });

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")} actions={<Link className="text-sm text-brand-700 underline" href="/renewal">{t("back")}</Link>} />
      {q.isError && !q.data ? <LoadError onRetry={() => q.refetch()} /> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ActionMessage message={action.message} />
      {q.data.uncovered.length ? (
        <Alert tone="warning">{t("uncoveredSummary", { clauses: q.data.uncovered.join(locale === "ja" ? "、" : ", ") })}</Alert>
      ) : (
        <Alert tone="success">{t("allCovered")}</Alert>
      )}
      <ol className="space-y-3" aria-label={t("caption")}>
        {q.data.clauses.map((c) => (
          <li key={c.clause} className={`rounded-lg border bg-white p-4 shadow-sm ${c.covered ? "border-slate-200" : "border-amber-400"}`} data-testid={`clause-${c.clause}`}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 className="text-base font-semibold text-slate-900">
                <span className="mr-2 font-mono">{c.clause}</span>
                {locale === "ja" ? c.titleJa : c.titleEn}
              </h2>
              <div className="flex flex-wrap items-center gap-2">
                {c.covered ? null : <Badge tone="amber">{t("uncovered")}</Badge>}
                {canEdit ? (
                  <Button variant="secondary" onClick={() => setDialog({ kind: "add", clause: c })} aria-label={t("addTo", { clause: c.clause })}>
                    {t("add")}
                  </Button>
                ) : null}
              </div>
            </div>
            {c.regulations.length ? (
              <ul className="mt-2 divide-y divide-slate-100 text-sm">
                {c.regulations.map((r) => (
                  <li key={r.linkId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <div>
                      <Link className="font-medium text-brand-700 underline" href={`/regulations/${r.id}`}>
                        {r.code} {r.title}
                      </Link>{" "}
                      <span className="text-slate-600">
                        {r.version ? t("versionLabel", { version: r.version }) : null} {t("effective", { date: formatDate(r.effectiveDate) })}
                      </span>{" "}
                      {r.status === "draft" ? <Badge>{t("draft")}</Badge> : null}
                      {r.note ? <p className="text-slate-700">{r.note}</p> : null}
                    </div>
                    {canEdit ? (
                      <div className="flex gap-1">
                        <Button variant="ghost" onClick={() => setDialog({ kind: "edit", clause: c, reg: r })} aria-label={`${t("edit")}: ${r.code} ${c.clause}`}>
                          {t("edit")}
                        </Button>
                        <Button variant="ghost" onClick={() => setRemoving({ clause: c.clause, reg: r })} aria-label={`${t("remove")}: ${r.code} ${c.clause}`}>
                          {t("remove")}
                        </Button>
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-600">{t("uncovered")}</p>
            )}
          </li>
        ))}
      </ol>
      <FormDialog
        open={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.kind === "edit" ? t("editTitle", { code: dialog.reg.code, title: dialog.reg.title, clause: dialog.clause.clause }) : t("addTo", { clause: dialog?.clause.clause ?? "" })}
        recordId={dialog?.kind === "edit" ? dialog.reg.linkId : undefined}
      >
        {dialog?.kind === "add" ? (
          <AddForm
            clause={dialog.clause}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setNotice(t("added"));
              setDialog(null);
            }}
          />
        ) : dialog?.kind === "edit" ? (
          <NoteForm
            reg={dialog.reg}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setNotice(t("saved"));
              setDialog(null);
            }}
          />
        ) : null}
      </FormDialog>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t("removeTitle", { code: removing.reg.code, clause: removing.clause }) : ""}
        body={t("removeBody")}
        confirmLabel={t("remove")}
        busy={action.busy}
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          setNotice(null);
          await action.run(() => apiFetch(`/api/v1/renewal/correspondence/${removing.reg.linkId}/retire`, { method: "POST", json: { version: removing.reg.linkVersion } }), {
            success: t("removed"),
          });
          setRemoving(null);
        }}
      />
    </div>
  );
}

function AddForm({ clause, onDone, onCancel }: { clause: ClauseCorrespondence; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("renewal.correspondence");
  const regs = useQuery({
    queryKey: regulationsKey,
    queryFn: () => apiFetch<Page<RegulationDto>>("/api/v1/regulations?pageSize=200&sort=code"),
  });
  const mapped = new Set(clause.regulations.map((r) => r.id));
  const options = (regs.data?.items ?? []).filter((r) => r.status !== "retired" && !mapped.has(r.id)).map((r) => ({ id: r.id, label: `${r.code} ${r.title}` }));
  const f = useForm({
    initial: { regulationId: "", clause: clause.clause, note: "" },
    schema: createClauseLinkSchema,
    submit: (body) => apiFetch("/api/v1/renewal/correspondence", { method: "POST", json: body }),
    onSaved: onDone,
    invalidate: [correspondenceKey],
  });
  return (
    <Form form={f} onCancel={onCancel} className="space-y-3">
      {regs.isError ? <LoadError onRetry={() => regs.refetch()} /> : null}
      <IdSelect label={t("regulation")} required options={options} empty={t("chooseRegulation")} {...f.idField("regulationId")} />
      <TextField label={t("note")} hint={t("noteHint")} {...f.field("note")} />
    </Form>
  );
}

function NoteForm({ reg, onDone, onCancel }: { reg: CorrespondenceRegulation; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("renewal.correspondence");
  const record = { id: reg.linkId, version: reg.linkVersion, note: reg.note };
  const f = useForm({
    initial: { note: reg.note ?? "" },
    record,
    schema: updateClauseLinkSchema,
    submit: (body) => apiFetch(`/api/v1/renewal/correspondence/${reg.linkId}`, { method: "PATCH", json: body }),
    onSaved: onDone,
    invalidate: [correspondenceKey],
    loadLatest: async () => {
      const all = await apiFetch<CorrespondenceDto>("/api/v1/renewal/correspondence");
      const latest = all.clauses.flatMap((c) => c.regulations).find((r) => r.linkId === reg.linkId);
      if (!latest) throw new Error("mapping gone");
      return { id: latest.linkId, version: latest.linkVersion, note: latest.note };
    },
    compare: { note: t("note") },
    toValues: (r) => ({ note: r.note ?? "" }),
  });
  return (
    <Form form={f} onCancel={onCancel} className="space-y-3">
      <TextField label={t("note")} hint={t("noteHint")} {...f.field("note")} />
    </Form>
  );
}
