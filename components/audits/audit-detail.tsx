"use client";

import Link from "next/link";
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import type { AuditStatusValue } from "@/lib/audits/rules";
import type { AuditDetail, AuditDto, FindingDto } from "@/lib/audits/schema";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { AuditForm } from "./audit-form";
import { FindingForm } from "./finding-form";
import { AuditStatusBadge, FindingStatusBadge, GradeBadge, RetiredBadge, type Dept, type Person } from "./labels";

type ReasonAction = { kind: "reject" | "retire"; finding: FindingDto };

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
  const qc = useQueryClient();
  const id = initial.audit.id;
  const key = ["audits", "detail", id];
  const q = useQuery({ queryKey: key, queryFn: () => apiFetch<AuditDetail>(`/api/v1/audits/${id}`), initialData: initial });
  const { audit } = q.data;
  const findings = q.data.findings.filter((f) => f.retiredAt === null);
  const retiredFindings = q.data.findings.filter((f) => f.retiredAt !== null);
  const [editing, setEditing] = useState(false);
  const [teamOpen, setTeamOpen] = useState(false);
  const [findingDialog, setFindingDialog] = useState<{ finding?: FindingDto } | null>(null);
  const [verifying, setVerifying] = useState<FindingDto | null>(null);
  const [note, setNote] = useState("");
  const [moving, setMoving] = useState<AuditStatusValue | null>(null);
  const [reasonAction, setReasonAction] = useState<ReasonAction | null>(null);
  const [restoring, setRestoring] = useState<FindingDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error" | "warning"; text: string } | null>(null);

  const refresh = () => qc.invalidateQueries({ queryKey: ["audits"] });
  const fail = (err: unknown) => setMessage({ tone: err instanceof ApiProblem && err.status === 409 ? "warning" : "error", text: err instanceof ApiProblem ? (Object.values(err.fieldErrors)[0] ?? err.detail ?? err.title) : tc("errorBody") });
  const open = audit.status === "in_progress" || audit.status === "reported";
  const deptOf = (p: Person) => p.departmentId !== null && audit.scopeDepartmentIds.includes(p.departmentId);

  async function transition(to: AuditStatusValue) {
    setBusy(true);
    try {
      await apiFetch<AuditDto>(`/api/v1/audits/${id}/transition`, { method: "POST", json: { to, version: audit.version } });
      setMessage({ tone: "success", text: t("detail.transitioned") });
      await refresh();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
      setMoving(null);
    }
  }

  async function verify(f: FindingDto) {
    setBusy(true);
    try {
      await apiFetch<FindingDto>(`/api/v1/findings/${f.id}/verify`, { method: "POST", json: { version: f.version, note: note || null } });
      setMessage({ tone: "success", text: tf("verify.done") });
      await refresh();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
      setVerifying(null);
      setNote("");
    }
  }

  /** Reject a verification (back to action_planned) or retire a finding, each with its reason. */
  async function withReason(a: ReasonAction, reason: string) {
    setBusy(true);
    try {
      await apiFetch<FindingDto>(`/api/v1/findings/${a.finding.id}/${a.kind}`, { method: "POST", json: { reason, version: a.finding.version } });
      setMessage({ tone: "success", text: tf(a.kind === "reject" ? "reject.done" : "retire.done") });
      setReasonAction(null);
      await refresh();
    } catch (err) {
      // A field error (the reason) stays in the dialog; anything else closes it and shows above.
      if (err instanceof ApiProblem && err.fieldErrors.reason) throw err;
      setReasonAction(null);
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  async function restore(f: FindingDto) {
    setBusy(true);
    try {
      await apiFetch<FindingDto>(`/api/v1/findings/${f.id}/restore`, { method: "POST", json: { version: f.version } });
      setMessage({ tone: "success", text: tf("retire.restored") });
      await refresh();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
      setRestoring(null);
    }
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
            {t("fyLabel", { fy: audit.fiscalYear })} ・ {t(`type.${audit.type}`)} <AuditStatusBadge status={audit.status} />
          </span>
        }
        actions={
          canEdit && audit.status !== "closed" ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {tc("edit")}
            </Button>
          ) : null
        }
      />
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("detail.facts")} className="lg:col-span-2">
          <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
            <Fact label={t("fields.scopeDepartmentIds")} value={audit.scopeDepartments.map((d) => d.name).join("、") || "—"} />
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
                <Button variant="ghost" onClick={() => setTeamOpen(true)}>
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
                  <Button key={to} variant={to === "planned" || to === "in_progress" && audit.status === "reported" ? "secondary" : "primary"} onClick={() => setMoving(to)} disabled={busy}>
                    {to === "in_progress" && audit.status === "reported" ? t("status.in_progress") : t(`transition.${to}`)}
                  </Button>
                ))}
              </div>
            </Card>
          ) : null}
        </div>
      </div>

      <Card
        title={`${t("detail.findings")}（${findings.length}）`}
        action={
          canEdit && open ? (
            <Button onClick={() => setFindingDialog({})}>{t("detail.addFinding")}</Button>
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
                  {tf("fields.ownerUserId")}: {f.ownerLabel || "—"} ・ {tf("fields.dueDate")}: {formatDate(f.dueDate) || "—"}
                  {f.doneOn ? ` ・ ${tf("fields.doneOn")}: ${formatDate(f.doneOn)}` : ""}
                  {f.verifiedOn ? ` ・ ${tf("fields.verifiedOn")}: ${formatDate(f.verifiedOn)}（${f.verifiedByName ?? ""}）` : ""}
                </p>
                {f.status === "action_planned" && f.verificationNote ? (
                  <p className="mt-1 text-xs text-amber-900">
                    <span className="font-medium">{tf("reject.lastReason")}:</span> {f.verificationNote}
                  </p>
                ) : null}
                {canEdit && notClosed ? (
                  <div className="mt-2 flex flex-wrap gap-2">
                    {f.status !== "verified" ? (
                      <Button variant="secondary" onClick={() => setFindingDialog({ finding: f })}>
                        {tc("edit")}
                      </Button>
                    ) : null}
                    {f.status === "done" && f.ownerUserId !== currentUserId ? (
                      <>
                        <Button onClick={() => setVerifying(f)}>{tf("verify.action")}</Button>
                        <Button variant="secondary" onClick={() => setReasonAction({ kind: "reject", finding: f })}>
                          {tf("reject.action")}
                        </Button>
                      </>
                    ) : null}
                    <Button variant="ghost" onClick={() => setReasonAction({ kind: "retire", finding: f })}>
                      {tf("retire.action")}
                    </Button>
                  </div>
                ) : null}
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
                    {tf("retire.retiredBy", { date: formatDate(f.retiredAt), name: f.retiredByName ?? "—" })} ・ {tf("retire.reason")}: {f.retireReason ?? "—"}
                  </p>
                  {canEdit && notClosed ? (
                    <div className="mt-2">
                      <Button variant="secondary" onClick={() => setRestoring(f)}>
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

      <Dialog open={editing} onClose={() => setEditing(false)} title={t("form.editTitle")} wide>
        <AuditForm
          audit={audit}
          fiscalYear={audit.fiscalYear}
          people={people}
          departments={departments}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            setMessage({ tone: "success", text: t("form.updated") });
            void refresh();
          }}
        />
      </Dialog>
      <Dialog open={teamOpen} onClose={() => setTeamOpen(false)} title={t("detail.editTeam")}>
        <TeamEditor
          audit={audit}
          people={people.filter((p) => p.id !== audit.leadAuditorId)}
          isOwnDept={deptOf}
          onCancel={() => setTeamOpen(false)}
          onDone={() => {
            setTeamOpen(false);
            setMessage({ tone: "success", text: t("detail.teamSaved") });
            void refresh();
          }}
        />
      </Dialog>
      <Dialog open={findingDialog !== null} onClose={() => setFindingDialog(null)} title={findingDialog?.finding ? tf("form.editTitle") : tf("form.createTitle")} wide>
        {findingDialog ? (
          <FindingForm
            auditId={id}
            finding={findingDialog.finding}
            people={people}
            departments={departments}
            onCancel={() => setFindingDialog(null)}
            onDone={() => {
              setMessage({ tone: "success", text: findingDialog.finding ? tf("form.updated") : tf("form.created") });
              setFindingDialog(null);
              void refresh();
            }}
          />
        ) : null}
      </Dialog>
      <Dialog open={verifying !== null} onClose={() => setVerifying(null)} title={tf("verify.title")}>
        <div className="space-y-3 text-sm">
          <p>{tf("verify.confirm")}</p>
          <TextAreaField label={tf("fields.note")} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setVerifying(null)}>
              {tc("cancel")}
            </Button>
            <Button onClick={() => verifying && verify(verifying)} disabled={busy}>
              {tf("verify.action")}
            </Button>
          </div>
        </div>
      </Dialog>
      <ReasonDialog
        key={reasonAction ? `${reasonAction.kind}-${reasonAction.finding.id}` : "none"}
        action={reasonAction}
        busy={busy}
        onConfirm={(reason) => (reasonAction ? withReason(reasonAction, reason) : Promise.resolve())}
        onCancel={() => setReasonAction(null)}
      />
      <ConfirmDialog
        open={restoring !== null}
        title={tf("retire.restoreTitle")}
        body={restoring ? tf("retire.restoreBody", { description: restoring.description }) : ""}
        confirmLabel={tf("retire.restore")}
        tone="primary"
        busy={busy}
        onConfirm={() => restoring && restore(restoring)}
        onCancel={() => setRestoring(null)}
      />
      <ConfirmDialog
        open={moving !== null}
        title={moving ? t(`transition.${moving}`) : ""}
        body={moving === "closed" ? t("detail.confirmClose") : moving ? t("detail.confirmTransition", { to: t(`status.${moving}`) }) : ""}
        confirmLabel={moving ? t(`transition.${moving}`) : ""}
        tone={moving === "closed" ? "danger" : "primary"}
        busy={busy}
        onConfirm={() => moving && transition(moving)}
        onCancel={() => setMoving(null)}
      />
    </div>
  );
}

/** Asks for the reason of a rejection or a retirement and confirms it (the reason is required). */
function ReasonDialog({
  action,
  busy,
  onConfirm,
  onCancel,
}: {
  action: ReasonAction | null;
  busy: boolean;
  onConfirm: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const tf = useTranslations("findings");
  const tc = useTranslations("common");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const kind = action?.kind ?? "retire";
  async function submit() {
    if (!reason.trim()) {
      setError(tf(`${kind}.reasonRequired`));
      return;
    }
    setError(null);
    try {
      await onConfirm(reason.trim());
    } catch (err) {
      setError(err instanceof ApiProblem ? (err.fieldErrors.reason ?? err.detail ?? err.title) : tc("errorBody"));
    }
  }
  return (
    <Dialog open={action !== null} onClose={onCancel} title={tf(`${kind}.title`)}>
      <div className="space-y-3 text-sm text-slate-700">
        <p>{tf(`${kind}.confirm`)}</p>
        {action ? <p className="rounded bg-slate-50 p-2 text-slate-900">{action.finding.description}</p> : null}
        <TextAreaField label={tf(`${kind}.reason`)} rows={3} required value={reason} error={error ?? undefined} onChange={(e) => setReason(e.target.value)} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            {tc("cancel")}
          </Button>
          <Button variant={kind === "retire" ? "danger" : "primary"} onClick={submit} disabled={busy}>
            {tf(`${kind}.action`)}
          </Button>
        </div>
      </div>
    </Dialog>
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
  const [team, setTeam] = useState<number[]>(audit.team.map((m) => m.id));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/v1/audits/${audit.id}/team`, { method: "PUT", json: { teamUserIds: team, version: audit.version } });
      onDone();
    } catch (err) {
      setError(err instanceof ApiProblem ? (Object.values(err.fieldErrors)[0] ?? err.detail ?? err.title) : tc("errorBody"));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-600">{t("fields.teamHint")}</p>
      <fieldset className="space-y-1">
        <legend className="sr-only">{t("fields.team")}</legend>
        {people.map((p) => (
          <label key={p.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={team.includes(p.id)} onChange={(e) => setTeam((s) => (e.target.checked ? [...s, p.id] : s.filter((x) => x !== p.id)))} />
            {p.name}
            {isOwnDept(p) ? <span className="text-xs text-red-700">（{t("independence.own")}）</span> : null}
          </label>
        ))}
      </fieldset>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {tc("cancel")}
        </Button>
        <Button onClick={save} disabled={busy}>
          {busy ? tc("saving") : tc("save")}
        </Button>
      </div>
    </div>
  );
}
