"use client";

import { ChildEvidence } from "@/components/evidence/child-evidence";
import Link from "@/components/ui/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { ActionMessage, Form, FormDialog, ReasonDialog, useAction, useForm } from "@/components/ui/form";
import type { AuditStatusValue } from "@/lib/audits/rules";
import { setTeamSchema, verifyFindingSchema, type AuditDetail, type AuditDto, type FindingDto } from "@/lib/audits/schema";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { AuditForm } from "./audit-form";
import { FindingForm } from "./finding-form";
import { AuditStatusBadge, FindingStatusBadge, GradeBadge, RetiredBadge, type Dept, type Person } from "./labels";

/** The one dialog open at a time on this page. */
type Open =
  | { kind: "edit" }
  | { kind: "team" }
  | { kind: "finding"; finding?: FindingDto }
  | { kind: "verify"; finding: FindingDto }
  | { kind: "reject" | "retire"; finding: FindingDto }
  | { kind: "restore"; finding: FindingDto }
  | { kind: "move"; to: AuditStatusValue };

export function AuditDetailView({
  initial,
  canEdit,
  currentUserId,
  people,
  departments,
}: {
  initial: AuditDetail;
  canEdit: boolean;
  /** Owners may not verify or reject their own correction: their buttons are not offered. */
  currentUserId: number;
  people: Person[];
  departments: Dept[];
}) {
  const t = useTranslations("audits");
  const tf = useTranslations("findings");
  const tc = useTranslations("common");
  const id = initial.audit.id;
  const key = ["audits", "detail", id];
  const q = useQuery({ queryKey: key, queryFn: () => apiFetch<AuditDetail>(`/api/v1/audits/${id}`), initialData: initial });
  const { audit } = q.data;
  const findings = q.data.findings.filter((f) => f.retiredAt === null);
  const retiredFindings = q.data.findings.filter((f) => f.retiredAt !== null);
  const [dialog, setDialog] = useState<Open | null>(null);
  const close = () => setDialog(null);
  const findingDialog = dialog?.kind === "finding" ? dialog : null;
  const verifying = dialog?.kind === "verify" ? dialog.finding : null;
  const a = useAction({ invalidate: [["audits"]] });
  const open = audit.status === "in_progress" || audit.status === "reported";
  const deptOf = (p: Person) => p.departmentId !== null && audit.scopeDepartmentIds.includes(p.departmentId);
  const findingUrl = (f: FindingDto, action: string) => `/api/v1/findings/${f.id}/${action}`;

  /** A one-click write from a confirmation: the dialog closes, the outcome shows above. */
  async function confirmed(fn: () => Promise<unknown>, success: string) {
    await a.run(fn, { success });
    close();
  }

  /** Reject a verification (back to action_planned) or retire a finding, each with its reason. */
  async function withReason(kind: "reject" | "retire", f: FindingDto, reason: string) {
    // A field error (the reason) stays in the dialog; anything else closes it and shows above.
    await a.run(() => apiFetch<FindingDto>(findingUrl(f, kind), { method: "POST", json: { reason, version: f.version } }), {
      success: tf(kind === "reject" ? "reject.done" : "retire.done"),
      rethrow: (err) => err instanceof ApiProblem && !!err.fieldErrors.reason,
    });
    close();
  }

  const notClosed = audit.status !== "closed";

  return (
    <div className="space-y-6">
      <Link href="/audits" className="text-sm text-brand-700 underline">
        ← {t("detail.back")}
      </Link>
      <PageHeader
        title={audit.title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {t("fyLabel", { fy: audit.fiscalYear })}
            {tc("dot")}
            {t(`type.${audit.type}`)} <AuditStatusBadge status={audit.status} />
          </span>
        }
        actions={
          canEdit && audit.status !== "closed" ? (
            <Button variant="secondary" onClick={() => setDialog({ kind: "edit" })}>
              {tc("edit")}
            </Button>
          ) : null
        }
      />
      <ActionMessage message={a.message} />

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("detail.facts")} className="lg:col-span-2">
          <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
            <Fact label={t("fields.scopeDepartmentIds")} value={audit.scopeDepartments.map((d) => d.name).join(tc("listSeparator")) || "—"} />
            <Fact label={t("fields.auditee")} value={audit.auditee ?? "—"} />
            <Fact label={t("fields.scopeClauses")} value={audit.scopeClauses.join(" ") || "—"} />
            <Fact label={t("fields.planned")} value={`${formatDate(audit.plannedStart)} – ${formatDate(audit.plannedEnd)}`} />
            <Fact label={t("fields.actual")} value={audit.actualStart ? `${formatDate(audit.actualStart)} – ${formatDate(audit.actualEnd)}` : "—"} />
            <Fact label={t("fields.reportedOn")} value={formatDate(audit.reportedOn) || "—"} />
            <Fact label={t("fields.closedOn")} value={formatDate(audit.closedOn) || "—"} />
          </dl>
          <h3 className="mt-4 text-sm font-semibold text-slate-800">{t("detail.report")}</h3>
          <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{audit.summary ?? "—"}</p>
        </Card>
        <div className="space-y-4">
          <Card
            title={t("detail.team")}
            action={
              canEdit && audit.status !== "closed" ? (
                <Button variant="ghost" onClick={() => setDialog({ kind: "team" })}>
                  {t("detail.editTeam")}
                </Button>
              ) : null
            }
          >
            <ul className="space-y-1 text-sm">
              <li>
                <span className="font-medium">{t("detail.lead")}:</span> {audit.leadAuditorName ?? t("fields.leadNone")}
              </li>
              {audit.team.length === 0 ? <li className="text-slate-600">{t("detail.noTeam")}</li> : audit.team.map((m) => <li key={m.id}>{m.name}</li>)}
            </ul>
            <p className="mt-2 text-xs text-slate-600">{t("independence.note")}</p>
          </Card>
          {canEdit && audit.allowedTransitions.length ? (
            <Card title={t("detail.transitions")}>
              {audit.openNonconformities > 0 && audit.status === "reported" ? (
                <p className="mb-2 text-sm text-amber-800">{t("detail.findingsBlocked", { count: audit.openNonconformities })}</p>
              ) : null}
              <div className="flex flex-wrap gap-2">
                {audit.allowedTransitions.map((to) => (
                  <Button key={to} variant={to === "planned" || to === "in_progress" && audit.status === "reported" ? "secondary" : "primary"} onClick={() => setDialog({ kind: "move", to })} disabled={a.busy}>
                    {to === "in_progress" && audit.status === "reported" ? t("status.in_progress") : t(`transition.${to}`)}
                  </Button>
                ))}
              </div>
            </Card>
          ) : null}
        </div>
      </div>

      <Card
        title={`${t("detail.findings")}${tc("inParens", { text: String(findings.length) })}`}
        action={
          canEdit && open ? (
            <Button onClick={() => setDialog({ kind: "finding" })}>{t("detail.addFinding")}</Button>
          ) : null
        }
      >
        {findings.length === 0 ? (
          <EmptyState>{t("detail.noFindings")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {findings.map((f) => (
              <li key={f.id} className="py-3" data-testid={`finding-${f.id}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <GradeBadge grade={f.grade} />
                  <FindingStatusBadge status={f.status} overdue={f.overdue} />
                  {f.clauseRef ? <span className="text-xs text-slate-600">{f.clauseRef}</span> : null}
                  {f.departmentName ? <span className="text-xs text-slate-600">{f.departmentName}</span> : null}
                </div>
                <p className="mt-1 text-sm text-slate-900">{f.description}</p>
                {f.correctiveAction ? (
                  <p className="mt-1 text-sm text-slate-700">
                    <span className="font-medium">{tf("fields.correctiveAction")}:</span> {f.correctiveAction}
                  </p>
                ) : null}
                <p className="mt-1 text-xs text-slate-600">
                  {tf("fields.ownerUserId")}: {f.ownerLabel || "—"}
                  {tc("dot")}
                  {tf("fields.dueDate")}: {formatDate(f.dueDate) || "—"}
                  {f.doneOn ? `${tc("dot")}${tf("fields.doneOn")}: ${formatDate(f.doneOn)}` : ""}
                  {f.verifiedOn ? `${tc("dot")}${tf("fields.verifiedOn")}: ${formatDate(f.verifiedOn)}${f.verifiedByName ? tc("inParens", { text: f.verifiedByName }) : ""}` : ""}
                </p>
                {f.status === "action_planned" && f.verificationNote ? (
                  <p className="mt-1 text-xs text-amber-900">
                    <span className="font-medium">{tf("reject.lastReason")}:</span> {f.verificationNote}
                  </p>
                ) : null}
                {canEdit && notClosed ? (
                  <div className="mt-2 flex flex-wrap gap-2">
                    {f.status !== "verified" ? (
                      <Button variant="secondary" onClick={() => setDialog({ kind: "finding", finding: f })}>
                        {tc("edit")}
                      </Button>
                    ) : null}
                    {f.status === "done" && f.ownerUserId !== currentUserId ? (
                      <>
                        <Button onClick={() => setDialog({ kind: "verify", finding: f })}>{tf("verify.action")}</Button>
                        <Button variant="secondary" onClick={() => setDialog({ kind: "reject", finding: f })}>
                          {tf("reject.action")}
                        </Button>
                      </>
                    ) : null}
                    <Button variant="ghost" onClick={() => setDialog({ kind: "retire", finding: f })}>
                      {tf("retire.action")}
                    </Button>
                  </div>
                ) : null}
                <ChildEvidence kind="finding" recordId={f.id} label={f.description} />
              </li>
            ))}
          </ul>
        )}
        {retiredFindings.length ? (
          <details className="mt-4 rounded-md border border-slate-200 p-3" id="retired-findings">
            <summary className="cursor-pointer text-sm font-medium text-slate-800">{tf("retire.retiredList", { count: retiredFindings.length })}</summary>
            <p className="mt-1 text-xs text-slate-600">{tf("retire.retiredNote")}</p>
            <ul className="mt-2 divide-y divide-slate-100">
              {retiredFindings.map((f) => (
                <li key={f.id} className="py-2" data-testid={`finding-${f.id}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <RetiredBadge />
                    <GradeBadge grade={f.grade} />
                    {f.clauseRef ? <span className="text-xs text-slate-600">{f.clauseRef}</span> : null}
                  </div>
                  <p className="mt-1 text-sm text-slate-600 line-through decoration-slate-400">{f.description}</p>
                  <p className="mt-1 text-xs text-slate-700">
                    {tf("retire.retiredBy", { date: formatDate(f.retiredAt), name: f.retiredByName ?? "—" })}
                    {tc("dot")}
                    {tf("retire.reason")}: {f.retireReason ?? "—"}
                  </p>
                  {canEdit && notClosed ? (
                    <div className="mt-2">
                      <Button variant="secondary" onClick={() => setDialog({ kind: "restore", finding: f })}>
                        {tf("retire.restore")}
                      </Button>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </Card>

      <FormDialog open={dialog?.kind === "edit"} onClose={close} title={t("form.editTitle")} wide recordId={audit.id}>
        <AuditForm
          audit={audit}
          fiscalYear={audit.fiscalYear}
          people={people}
          departments={departments}
          onCancel={close}
          onDone={() => {
            close();
            a.setMessage({ tone: "success", text: t("form.updated") });
          }}
        />
      </FormDialog>
      <FormDialog open={dialog?.kind === "team"} onClose={close} title={t("detail.editTeam")} recordId={audit.id}>
        <TeamEditor
          audit={audit}
          people={people.filter((p) => p.id !== audit.leadAuditorId)}
          isOwnDept={deptOf}
          onCancel={close}
          onDone={() => {
            close();
            a.setMessage({ tone: "success", text: t("detail.teamSaved") });
          }}
        />
      </FormDialog>
      <FormDialog
        open={findingDialog !== null}
        onClose={close}
        title={findingDialog?.finding ? tf("form.editTitle") : tf("form.createTitle")}
        wide
        recordId={findingDialog?.finding?.id}
      >
        <FindingForm
          auditId={id}
          finding={findingDialog?.finding}
          people={people}
          departments={departments}
          onCancel={close}
          onDone={() => {
            a.setMessage({ tone: "success", text: findingDialog?.finding ? tf("form.updated") : tf("form.created") });
            close();
          }}
        />
      </FormDialog>
      <FormDialog open={verifying !== null} onClose={close} title={tf("verify.title")} recordId={verifying?.id}>
        {verifying ? (
          <VerifyForm
            finding={verifying}
            onCancel={close}
            onDone={() => {
              close();
              a.setMessage({ tone: "success", text: tf("verify.done") });
            }}
          />
        ) : null}
      </FormDialog>
      {(["reject", "retire"] as const).map((kind) => (
        <ReasonDialog
          key={kind}
          open={dialog?.kind === kind}
          title={tf(`${kind}.title`)}
          body={tf(`${kind}.confirm`)}
          subject={dialog?.kind === kind ? dialog.finding.description : undefined}
          reasonLabel={tf(`${kind}.reason`)}
          requiredMessage={tf(`${kind}.reasonRequired`)}
          confirmLabel={tf(`${kind}.action`)}
          tone={kind === "retire" ? "danger" : "primary"}
          maxLength={kind === "retire" ? 500 : 2000}
          busy={a.busy}
          onConfirm={(reason) => (dialog?.kind === kind ? withReason(kind, dialog.finding, reason) : Promise.resolve())}
          onCancel={close}
        />
      ))}
      <ConfirmDialog
        open={dialog?.kind === "restore"}
        title={tf("retire.restoreTitle")}
        body={dialog?.kind === "restore" ? tf("retire.restoreBody", { description: dialog.finding.description }) : ""}
        confirmLabel={tf("retire.restore")}
        tone="primary"
        busy={a.busy}
        onConfirm={() => {
          if (dialog?.kind !== "restore") return;
          const f = dialog.finding;
          void confirmed(() => apiFetch<FindingDto>(findingUrl(f, "restore"), { method: "POST", json: { version: f.version } }), tf("retire.restored"));
        }}
        onCancel={close}
      />
      <ConfirmDialog
        open={dialog?.kind === "move"}
        title={dialog?.kind === "move" ? t(`transition.${dialog.to}`) : ""}
        body={dialog?.kind !== "move" ? "" : dialog.to === "closed" ? t("detail.confirmClose") : t("detail.confirmTransition", { to: t(`status.${dialog.to}`) })}
        confirmLabel={dialog?.kind === "move" ? t(`transition.${dialog.to}`) : ""}
        tone={dialog?.kind === "move" && dialog.to === "closed" ? "danger" : "primary"}
        busy={a.busy}
        onConfirm={() => {
          if (dialog?.kind !== "move") return;
          const to = dialog.to;
          void confirmed(() => apiFetch<AuditDto>(`/api/v1/audits/${id}/transition`, { method: "POST", json: { to, version: audit.version } }), t("detail.transitioned"));
        }}
        onCancel={close}
      />
    </div>
  );
}

/** Confirms a corrective action as effective, with an optional note. */
function VerifyForm({ finding, onDone, onCancel }: { finding: FindingDto; onDone: () => void; onCancel: () => void }) {
  const tf = useTranslations("findings");
  const f = useForm({
    initial: { note: "" },
    record: finding,
    schema: verifyFindingSchema,
    submit: (body) => apiFetch<FindingDto>(`/api/v1/findings/${finding.id}/verify`, { method: "POST", json: body }),
    invalidate: [["audits"]],
    onSaved: onDone,
  });
  return (
    <Form form={f} onCancel={onCancel} onReload={onCancel} submitLabel={tf("verify.action")} className="space-y-3 text-sm">
      <p>{tf("verify.confirm")}</p>
      <TextAreaField label={tf("fields.note")} rows={2} {...f.field("note")} />
    </Form>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-slate-900">{value}</dd>
    </div>
  );
}

function TeamEditor({
  audit,
  people,
  isOwnDept,
  onDone,
  onCancel,
}: {
  audit: AuditDto;
  people: Person[];
  isOwnDept: (p: Person) => boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("audits");
  const tc = useTranslations("common");
  const f = useForm({
    initial: { teamUserIds: audit.team.map((m) => m.id) },
    record: audit,
    schema: setTeamSchema,
    submit: (body) => apiFetch<AuditDto>(`/api/v1/audits/${audit.id}/team`, { method: "PUT", json: body }),
    invalidate: [["audits"]],
    onSaved: onDone,
    loadLatest: async () => (await apiFetch<AuditDetail>(`/api/v1/audits/${audit.id}`)).audit,
    compare: { team: t("fields.team"), leadAuditorId: t("fields.leadAuditorId") },
    toValues: (latest) => ({ teamUserIds: latest.team.map((m) => m.id) }),
    // The server names the team "team"; an id in the list "teamUserIds.0".
    errorField: (field) => (field.startsWith("team") ? "teamUserIds" : field),
  });
  const team = f.values.teamUserIds;
  return (
    <Form form={f} onCancel={onCancel} className="space-y-3">
      <p className="text-xs text-slate-600">{t("fields.teamHint")}</p>
      <fieldset className="space-y-1">
        <legend className="sr-only">{t("fields.team")}</legend>
        {people.map((p) => (
          <label key={p.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={team.includes(p.id)}
              onChange={(e) => f.setValue("teamUserIds", e.target.checked ? [...team, p.id] : team.filter((x) => x !== p.id))}
            />
            {p.name}
            {isOwnDept(p) ? <span className="text-xs text-red-700">{tc("inParens", { text: t("independence.own") })}</span> : null}
          </label>
        ))}
        {f.errors.teamUserIds ? <p role="alert" className="text-xs font-medium text-red-700">{f.errors.teamUserIds}</p> : null}
      </fieldset>
    </Form>
  );
}
