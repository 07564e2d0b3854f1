"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Badge, Card, PageHeader, Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { ChildEvidenceRow } from "@/components/evidence/child-evidence";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextAreaField, TextField } from "@/components/ui/field";
import { ActionMessage, Form, FormDialog, useAction, useForm } from "@/components/ui/form";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { formatDate, formatDateTime } from "@/lib/dates";
import {
  REPORT_DATE_FIELDS,
  correctiveActionSchema,
  reportDatesSchema,
  type CorrectiveActionDto,
  type IncidentDetail as Detail,
  type IncidentDto,
} from "@/lib/incidents/schema";
import { nextStatus } from "@/lib/incidents/workflow";
import { SeverityBadge, StateBadge, StatusBadge, incidentKeys, useDaysText } from "./common";
import { IncidentForm } from "./incident-form";
import type { LinkedItem } from "@/lib/register/linked-item";
import { ScrollArea } from "@/components/ui/data-table";

type DepartmentOption = { id: number; name: string; retired?: boolean };

/** The incident page: clocks, facts, report dates, workflow with its timeline, corrective actions. */
export function IncidentDetail({
  id,
  canManage,
  departments,
  registerItems = [],
  created,
  today,
}: {
  id: number;
  canManage: boolean;
  departments: DepartmentOption[];
  /** The register's live items, for the edit form's data involved. */
  registerItems?: readonly LinkedItem[];
  created: boolean;
  today: string;
}) {
  const t = useTranslations("incidents");
  const [editOpen, setEditOpen] = useState(false);
  const [reportsSavedVersion, setReportsSavedVersion] = useState<number | null>(null);
  const q = useQuery({ queryKey: incidentKeys.detail(id), queryFn: () => apiFetch<Detail>(`/api/v1/incidents/${id}`) });
  if (q.isPending)
    return (
      <div className="space-y-3">
        <Skeleton className="h-8 w-1/2" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  if (q.isError)
    return <LoadError onRetry={q.refetch}>{q.error instanceof ApiProblem && q.error.status === 404 ? t("detail.notFound") : t("detail.error")}</LoadError>;
  const { incident, transitions, correctiveActions } = q.data;
  const reload = () => q.refetch();

  return (
    <div className="space-y-4">
      <p>
        <Link href="/incidents" className="text-sm text-brand-700 underline-offset-2 hover:underline">
          ← {t("detail.back")}
        </Link>
      </p>
      <PageHeader
        title={`${incident.reference} ${incident.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={incident.status} />
            <SeverityBadge severity={incident.severity} />
            <Badge tone="slate">{t(`categories.${incident.category}`)}</Badge>
            {incident.reportable ? <Badge tone="blue">{t("list.reportableBadge")}</Badge> : null}
            {incident.overdue ? <Badge tone="red">{t("list.lateBadge")}</Badge> : null}
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href={`/incidents/${incident.id}/report`} variant="secondary">
              {t("detail.print")}
            </ButtonLink>
            {canManage && incident.status !== "closed" ? <Button onClick={() => setEditOpen(true)}>{t("detail.edit")}</Button> : null}
          </div>
        }
      />
      {created ? <Alert tone="success">{t("form.created", { reference: incident.reference })}</Alert> : null}

      {/* One column of the page's width on a phone (grid-cols-1), however wide the clocks' tables: they scroll. */}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <ClocksPanel incident={incident} />
        <FactsPanel incident={incident} registerItems={q.data.registerItems} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <WorkflowPanel key={`w${incident.id}`} incident={incident} transitions={transitions} canManage={canManage} />
        {canManage ? (
          // Keyed by the incident, not its version: the panel follows newer versions itself and keeps unsaved input.
          <ReportDatesPanel key={`r${incident.id}`} incident={incident} savedVersion={reportsSavedVersion} onSaved={setReportsSavedVersion} />
        ) : null}
      </div>
      <ActionsPanel incident={incident} actions={correctiveActions} canManage={canManage && incident.status !== "closed"} today={today} />

      {canManage ? (
        <FormDialog open={editOpen} onClose={() => setEditOpen(false)} title={t("edit.heading")} wide recordId={incident.id}>
          <IncidentForm
            incident={incident}
            departments={departments}
            registerItems={registerItems}
            linkedItems={q.data.registerItems}
            onSaved={() => setEditOpen(false)}
            onConflictReload={async () => {
              await reload();
              setEditOpen(false);
            }}
          />
        </FormDialog>
      ) : null}
    </div>
  );
}

function ClocksPanel({ incident }: { incident: IncidentDto }) {
  const t = useTranslations("incidents");
  const daysText = useDaysText();
  const reasons = (rs: string[]) => rs.map((r) => t(`reasons.${r}`)).join(t("listSeparator"));
  const ppc = incident.obligations.filter((o) => !o.key.startsWith("pmark"));
  const pmark = incident.obligations.filter((o) => o.key.startsWith("pmark"));
  const rows = (list: IncidentDto["obligations"]) =>
    list.map((o) => (
      <tr key={o.key} className={`border-b border-slate-100 ${o.state === "late" ? "bg-red-50" : ""}`}>
        <th scope="row" className="py-2 pr-2 text-left font-normal">
          {/* The obligation keeps a readable width on a phone (the table scrolls), as the list kit's textWidth. */}
          <div className="min-w-[9rem] lg:min-w-0">{t(`obligations.${o.key}`)}</div>
        </th>
        <td className={`py-2 pr-2 whitespace-nowrap ${o.state === "late" ? "font-semibold text-red-700" : ""}`}>
          {formatDate(o.dueOn)}
          {o.daysLeft !== null ? <span className="block text-xs">{daysText(o.daysLeft)}</span> : null}
        </td>
        <td className="py-2 pr-2 whitespace-nowrap">{o.doneOn ? formatDate(o.doneOn) : "—"}</td>
        <td className="py-2 whitespace-nowrap">
          <StateBadge state={o.state} />
        </td>
      </tr>
    ));
  const head = (
    <thead>
      <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
        <th scope="col" className="py-1 pr-2 font-medium">
          <span className="sr-only">{t("clocks.heading")}</span>
        </th>
        <th scope="col" className="py-1 pr-2 font-medium whitespace-nowrap">
          {t("clocks.due")}
        </th>
        <th scope="col" className="py-1 pr-2 font-medium whitespace-nowrap">
          {t("clocks.doneOn")}
        </th>
        <th scope="col" className="py-1 font-medium whitespace-nowrap">
          {t("clocks.state")}
        </th>
      </tr>
    </thead>
  );
  return (
    <Card title={t("clocks.heading")}>
      <div className="space-y-3 text-sm">
        <div className={`rounded-md p-3 ${incident.reportable ? "bg-amber-50 text-amber-900" : "bg-slate-50 text-slate-800"}`}>
          <p className="font-semibold">{incident.reportable ? t("clocks.reportable") : t("clocks.notReportable")}</p>
          {incident.reportable ? (
<p>{t("clocks.reasonsLine", { reasons: reasons(incident.reportableReasons) })}</p>
          ) : null}
          {incident.exemption ? <p>{t("clocks.exempted", { reasons: reasons(incident.exemptedReasons) })}</p> : null}
          <p className="mt-1 text-xs">{t("clocks.discovery", { date: formatDate(incident.discoveryDate) })}</p>
          <p className="text-xs">{t("clocks.finalDays", { days: incident.finalReportDays })}</p>
        </div>
        {ppc.length ? (
          <ScrollArea label={t("clocks.ppc")}>
            <table className="w-full">
              <caption className="py-1 text-left text-xs font-semibold text-slate-700">{t("clocks.ppc")}</caption>
              {head}
              <tbody>{rows(ppc)}</tbody>
            </table>
          </ScrollArea>
        ) : null}
        <ScrollArea label={t("clocks.pmark")}>
          <table className="w-full">
            <caption className="py-1 text-left text-xs font-semibold text-slate-700">{t("clocks.pmark")}</caption>
            {head}
            <tbody>{rows(pmark)}</tbody>
          </table>
        </ScrollArea>
      </div>
    </Card>
  );
}

function FactsPanel({ incident, registerItems }: { incident: IncidentDto; registerItems: readonly LinkedItem[] }) {
  const t = useTranslations("incidents");
  const td = useTranslations("incidents.detail");
  const tf = useTranslations("incidents.form");
  const tAll = useTranslations();
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-2 py-1.5">
      <dt className="text-slate-600">{label}</dt>
      <dd className="col-span-2 whitespace-pre-wrap">{value || td("none")}</dd>
    </div>
  );
  return (
    <Card title={td("facts")}>
      <dl className="divide-y divide-slate-100 text-sm">
        {row(td("reporter"), incident.reporterName)}
        {row(td("department"), incident.departmentName)}
        {row(td("occurredAt"), formatDateTime(incident.occurredAt))}
        {row(td("discoveredAt"), formatDateTime(incident.discoveredAt))}
        {row(td("personsAffected"), td("personsCount", { count: incident.personsAffected }))}
        {row(td("dataInvolved"), incident.dataInvolved)}
        {registerItems.length
          ? row(
              tAll("registerRisks.links.dataInvolvedItems"),
              <ul className="space-y-0.5">
                {registerItems.map((i) => (
                  <li key={i.id}>
                    <Link href={`/register/${i.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {i.code} {i.name}
                    </Link>
                  </li>
                ))}
              </ul>,
            )
          : null}
        {row(td("description"), incident.description)}
        {row(td("containment"), incident.containment)}
        {incident.publiclyAnnouncedOn ? row(tAll("incidents.outputs.mark.publicStatement"), formatDate(incident.publiclyAnnouncedOn)) : null}
        {row(
          td("flags"),
          <ul className="space-y-0.5">
            {(["sensitiveData", "financialLoss", "wrongfulPurpose", "encrypted"] as const).map((k) => (
              <li key={k} className={incident[k] ? "font-semibold" : "text-slate-600"}>
                {td("flagLine", { state: incident[k] ? td("flagOn") : td("flagOff"), label: tf(k) })}
              </li>
            ))}
          </ul>,
        )}
        {incident.closedApprovedAt ? row(t("statuses.closed"), td("approvedBy", { name: incident.closedApprovedByName ?? "", at: formatDateTime(incident.closedApprovedAt) })) : null}
      </dl>
    </Card>
  );
}

const reportDates = (i: IncidentDto) => Object.fromEntries(REPORT_DATE_FIELDS.map((k) => [k, i[k] ?? ""])) as Record<(typeof REPORT_DATE_FIELDS)[number], string>;

function ReportDatesPanel({
  incident,
  savedVersion,
  onSaved,
}: {
  incident: IncidentDto;
  /** The version our last save produced: "saved" shows while the incident is still at that version. */
  savedVersion: number | null;
  onSaved: (version: number) => void;
}) {
  const t = useTranslations("incidents.reports");
  const f = useForm({
    initial: reportDates(incident),
    record: incident,
    followRecord: true,
    schema: reportDatesSchema,
    submit: (body) => apiFetch<IncidentDto>(`/api/v1/incidents/${incident.id}/reports`, { method: "PUT", json: body }),
    invalidate: [incidentKeys.all],
    onSaved: (updated) => onSaved(updated.version),
    loadLatest: async () => (await apiFetch<Detail>(`/api/v1/incidents/${incident.id}`)).incident,
    compare: Object.fromEntries(REPORT_DATE_FIELDS.map((k) => [k, t(k)])),
    toValues: reportDates,
  });
  const saved = savedVersion === incident.version;
  const fields = incident.reportable ? REPORT_DATE_FIELDS : (["pmarkPreliminaryReportedOn", "pmarkFinalReportedOn"] as const);
  return (
    <Card title={t("heading")}>
      <Form form={f} className="space-y-3" submitLabel={t("save")}>
        <p className="text-xs text-slate-600">{t("intro")}</p>
        {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
        <div className="grid gap-3 sm:grid-cols-2">
          {fields.map((k) => (
            <TextField key={k} type="date" label={t(k)} {...f.field(k)} />
          ))}
        </div>
      </Form>
    </Card>
  );
}

function WorkflowPanel({ incident, transitions, canManage }: { incident: IncidentDto; transitions: Detail["transitions"]; canManage: boolean }) {
  const t = useTranslations("incidents");
  const tw = useTranslations("incidents.workflow");
  const [note, setNote] = useState("");
  const [confirm, setConfirm] = useState(false);
  const a = useAction({ invalidate: [incidentKeys.all] });
  const next = nextStatus(incident.status);
  const move = async () => {
    const ok = await a.run(() => apiFetch<IncidentDto>(`/api/v1/incidents/${incident.id}/transition`, { method: "POST", json: { to: next, note: note || null, version: incident.version } }));
    setConfirm(false);
    if (ok) setNote("");
  };
  const blocked = next === "closed" && incident.openCorrectiveActions > 0;
  return (
    <Card title={tw("heading")}>
      <div className="space-y-3 text-sm">
        {incident.status === "closed" ? <p className="text-slate-700">{tw("closed")}</p> : null}
        {canManage && next ? (
          <div className="space-y-2 rounded-md border border-slate-200 p-3">
            <ActionMessage message={a.message} />
            <TextAreaField label={tw("note")} rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
            {blocked ? <Alert tone="warning">{tw("blocked", { count: incident.openCorrectiveActions })}</Alert> : null}
            <div className="flex justify-end">
              <Button
                disabled={a.busy || blocked}
                onClick={() => {
                  a.setMessage(null);
                  if (next === "closed") setConfirm(true);
                  else void move();
                }}
              >
                {next === "closed" ? tw("close") : tw("advance", { status: t(`statuses.${next}`) })}
              </Button>
            </div>
          </div>
        ) : null}
        <h3 className="text-sm font-semibold text-slate-800">{tw("timeline")}</h3>
        <ol className="relative space-y-3 border-l border-slate-200 pl-4">
          {transitions.map((tr) => (
            <li key={tr.id}>
              <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border border-white bg-brand-600" aria-hidden="true" />
              <p className="font-medium">
                {tr.fromStatus ? tw("moved", { from: t(`statuses.${tr.fromStatus}`), to: t(`statuses.${tr.toStatus}`) }) : tw("created")}
              </p>
              <p className="text-xs text-slate-600">
                {formatDateTime(tr.at)} · {tr.actorName}
              </p>
              {tr.note ? <p className="whitespace-pre-wrap text-slate-700">{tr.note}</p> : null}
            </li>
          ))}
        </ol>
      </div>
      <ConfirmDialog
        open={confirm}
        title={tw("close")}
        body={tw("closeConfirm")}
        confirmLabel={tw("close")}
        tone="primary"
        busy={a.busy}
        onConfirm={() => void move()}
        onCancel={() => setConfirm(false)}
      />
    </Card>
  );
}

function ActionsPanel({ incident, actions, canManage, today }: { incident: IncidentDto; actions: CorrectiveActionDto[]; canManage: boolean; today: string }) {
  const t = useTranslations("incidents.actions");
  const te = useTranslations("evidence");
  const [retiring, setRetiring] = useState<CorrectiveActionDto | null>(null);
  // A new add form after each addition (empty fields).
  const [added, setAdded] = useState(0);
  const act = useAction({ invalidate: [incidentKeys.all] });
  const url = (x: CorrectiveActionDto) => `/api/v1/incidents/${incident.id}/corrective-actions/${x.id}`;
  const done = (x: CorrectiveActionDto) =>
    act.run(() => apiFetch(url(x), { method: "PATCH", json: { description: x.description, owner: x.owner, dueOn: x.dueOn, doneOn: today, version: x.version } }));
  const retire = async (x: CorrectiveActionDto) => {
    await act.run(() => apiFetch(`${url(x)}/retire`, { method: "POST", json: { version: x.version } }));
    setRetiring(null);
  };
  return (
    <Card title={t("heading")}>
      <div className="space-y-3 text-sm">
        <ActionMessage message={act.message} />
        {actions.length === 0 ? (
          <p className="text-slate-600">{t("empty")}</p>
        ) : (
          <ScrollArea label={t("heading")}>
            <table className="w-full text-left">
              <caption className="sr-only">{t("heading")}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-xs text-slate-600">
                  <th scope="col" className="py-1 pr-2 font-medium">{t("description")}</th>
                  <th scope="col" className="py-1 pr-2 font-medium">{t("owner")}</th>
                  <th scope="col" className="py-1 pr-2 font-medium">{t("dueOn")}</th>
                  <th scope="col" className="py-1 pr-2 font-medium">{t("doneOn")}</th>
                  {canManage ? <th scope="col" className="py-1 font-medium"><span className="sr-only">{t("heading")}</span></th> : null}
                  <th scope="col" className="px-3 py-1 font-medium">{te("child.column")}</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((a) => {
                  const late = !a.doneOn && a.dueOn < today;
                  return (
                    <ChildEvidenceRow key={a.id} kind="corrective_action" recordId={a.id} label={a.description} colSpan={canManage ? 6 : 5} className="border-b border-slate-100 align-top">
                      <td className="py-2 pr-2">{a.description}</td>
                      <td className="py-2 pr-2 whitespace-nowrap">{a.owner}</td>
                      <td className={`py-2 pr-2 whitespace-nowrap ${late ? "font-semibold text-red-700" : ""}`}>
                        {formatDate(a.dueOn)}
                        {late ? <span className="block text-xs">{t("late")}</span> : null}
                      </td>
                      <td className="py-2 pr-2 whitespace-nowrap">{a.doneOn ? <Badge tone="green">{formatDate(a.doneOn)}</Badge> : <Badge tone="amber">{t("open")}</Badge>}</td>
                      {canManage ? (
                        <td className="py-2 whitespace-nowrap">
                          {!a.doneOn ? (
                            <Button variant="secondary" onClick={() => void done(a)} disabled={act.busy}>
                              {t("markDone")}
                            </Button>
                          ) : null}{" "}
                          <Button variant="ghost" onClick={() => setRetiring(a)}>
                            {t("retire")}
                          </Button>
                        </td>
                      ) : null}
                    </ChildEvidenceRow>
                  );
                })}
              </tbody>
            </table>
          </ScrollArea>
        )}
        {canManage ? <AddActionForm key={added} incidentId={incident.id} onAdded={() => setAdded((n) => n + 1)} /> : null}
      </div>
      <ConfirmDialog
        open={retiring !== null}
        title={t("retire")}
        body={t("retireConfirm")}
        confirmLabel={t("retire")}
        busy={act.busy}
        onConfirm={() => retiring && void retire(retiring)}
        onCancel={() => setRetiring(null)}
      />
    </Card>
  );
}

function AddActionForm({ incidentId, onAdded }: { incidentId: number; onAdded: () => void }) {
  const t = useTranslations("incidents.actions");
  const f = useForm({
    initial: { description: "", owner: "", dueOn: "" },
    schema: correctiveActionSchema,
    submit: (body) => apiFetch<CorrectiveActionDto>(`/api/v1/incidents/${incidentId}/corrective-actions`, { method: "POST", json: body }),
    invalidate: [incidentKeys.all],
    onSaved: onAdded,
  });
  return (
    <Form form={f} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-4" submitLabel={t("add")}>
      <div className="sm:col-span-2">
        <TextField label={t("description")} required {...f.field("description")} maxLength={2000} />
      </div>
      <TextField label={t("owner")} required {...f.field("owner")} maxLength={100} />
      <TextField label={t("dueOn")} required type="date" {...f.field("dueOn")} />
    </Form>
  );
}
