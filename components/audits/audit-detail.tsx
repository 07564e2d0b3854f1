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
import { AuditStatusBadge, FindingStatusBadge, GradeBadge, type Dept, type Person } from "./labels";

export function AuditDetailView({
  initial,
  canEdit,
  people,
  departments,
}: {
  initial: AuditDetail;
  canEdit: boolean;
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
  const { audit, findings } = q.data;
  const [editing, setEditing] = useState(false);
  const [teamOpen, setTeamOpen] = useState(false);
  const [findingDialog, setFindingDialog] = useState<{ finding?: FindingDto } | null>(null);
  const [verifying, setVerifying] = useState<FindingDto | null>(null);
  const [note, setNote] = useState("");
  const [moving, setMoving] = useState<AuditStatusValue | null>(null);
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
                {canEdit && f.status !== "verified" ? (
                  <div className="mt-2 flex gap-2">
                    <Button variant="secondary" onClick={() => setFindingDialog({ finding: f })}>
                      {tc("edit")}
                    </Button>
                    {f.status === "done" ? <Button onClick={() => setVerifying(f)}>{tf("verify.action")}</Button> : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
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
