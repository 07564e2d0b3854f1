"use client";

import { ChildEvidence } from "@/components/evidence/child-evidence";
import dynamic from "next/dynamic";
import { useState } from "react";
import { useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert, Badge, Card, PageHeader, Skeleton } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { ActionMessage, ReasonDialog, isReasonError, useAction } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import type { ContractorStatus } from "@/lib/contractors/rules";
import type { AssessmentDto, ContractorDetail, ContractorDto } from "@/lib/contractors/schema";
import { formatDate, formatDateTime } from "@/lib/dates";
import { ResultBadge, StatusBadge, contractorKeys } from "./shared";
import { ScrollArea } from "@/components/ui/data-table";

const LineChart = dynamic(() => import("@/components/charts/line-chart").then((m) => m.LineChart), {
  ssr: false,
  loading: () => <Skeleton className="h-56 w-full" />,
});

type Thresholds = { approvedMin: number; conditionalMin: number } | null;

/** A contractor: flags, facts, status actions, score trend and every assessment over time. */
export function ContractorDetailView({ id, initial, canEdit, thresholds }: { id: number; initial: ContractorDetail; canEdit: boolean; thresholds: Thresholds }) {
  const t = useTranslations("contractors");
  const sp = useSearchParams();
  const q = useQuery({ queryKey: contractorKeys.detail(id), queryFn: () => apiFetch<ContractorDetail>(`/api/v1/contractors/${id}`), initialData: initial });
  const d = q.data;
  const c = d.contractor;
  const saved = sp.get("saved");
  const assessed = sp.get("assessed") === "1";

  return (
    <div className="space-y-4">
      <PageHeader
        title={c.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={c.status} />
            {c.corporateNumber ? (
              <span className="font-mono text-xs text-slate-700">
                {t("fields.corporateNumber")} {c.corporateNumber}
              </span>
            ) : null}
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/contractors">{t("registerTitle")}</ButtonLink>
            {canEdit ? <ButtonLink href={`/contractors/${id}/edit`}>{t("edit")}</ButtonLink> : null}
            {canEdit ? (
              <ButtonLink href={`/contractors/${id}/assess`} variant="primary">
                {t("assess")}
              </ButtonLink>
            ) : null}
          </div>
        }
      />
      {saved ? <Alert tone="success">{saved === "created" ? t("created") : t("saved")}</Alert> : null}
      {assessed ? <Alert tone="success">{t("assessedNotice")}</Alert> : null}

      <Card title={t("detail.flagsTitle")}>
        {c.flags.length === 0 ? (
          <p className="text-sm text-slate-700">{t("detail.noFlags")}</p>
        ) : (
          <ul className="space-y-2">
            {c.flags.map((f) => (
              <li key={f}>
                <Alert tone="warning">
                  <strong className="block">
                    <span aria-hidden="true">⚠ </span>
                    {t(`flags.${f}`)}
                  </strong>
                  <span className="text-sm">{t(`flagHelp.${f}`)}</span>
                </Alert>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("detail.overview")} className="lg:col-span-2">
          <Overview c={c} />
        </Card>
        <div className="space-y-4">
          {canEdit ? <StatusActions c={c} /> : null}
          <Card title={t("fields.certifications")}>
            {c.certifications.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noCertifications")}</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {c.certifications.map((x) => (
                  <li key={x.id}>
                    <span className="font-medium">{t(`certKind.${x.kind}`)}</span> <span className="font-mono text-xs">{x.number}</span>
                    <span className="block text-slate-700">
                      {t("fields.certExpires")}: {x.expiresOn ? formatDate(x.expiresOn) : t("none")}{" "}
                      {x.expired ? (
                        <Badge tone="red">
                          <span aria-hidden="true">⚠ </span>
                          {t("certExpired")}
                        </Badge>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>

      <ScoreTrend assessments={d.assessments} thresholds={thresholds} />

      <Card title={t("detail.assessments")}>
        {d.assessments.length === 0 ? (
          <p className="text-sm text-slate-600">{t("detail.noAssessments")}</p>
        ) : (
          <ol className="space-y-4">
            {d.assessments.map((a) => (
              <AssessmentItem key={a.id} a={a} contractorId={id} canEdit={canEdit} />
            ))}
          </ol>
        )}
      </Card>

      <Card title={t("detail.history")}>
        <ul className="space-y-1 text-sm text-slate-700">
          {d.history.map((h) => (
            <li key={h.id}>
              {formatDateTime(h.occurredAt)} · {t(`history.${h.action === "create" ? "create" : "update"}`)} · {h.actorEmail ?? t("history.system")}
            </li>
          ))}
          {d.history.length === 0 ? <li>{t("history.none")}</li> : null}
        </ul>
      </Card>
    </div>
  );
}

function Overview({ c }: { c: ContractorDto }) {
  const t = useTranslations("contractors");
  const rows: [string, React.ReactNode][] = [
    [t("fields.services"), c.services],
    [t("fields.dataCategories"), c.dataCategories.length ? c.dataCategories.join(t("listSeparator")) : t("none")],
    [t("fields.dataVolume"), c.dataVolume == null ? t("none") : t("fields.dataVolumeValue", { count: c.dataVolume })],
    [t("fields.contract"), c.contractStart ? `${formatDate(c.contractStart)} – ${c.contractEnd ? formatDate(c.contractEnd) : ""}` : t("none")],
    [
      t("fields.latestResult"),
      c.latest ? (
        <span className="flex flex-wrap items-center gap-2">
          <ResultBadge result={c.latest.result} /> {c.latest.totalPercent}% · {formatDate(c.latest.assessedOn)}
        </span>
      ) : (
        t("filters.resultNone")
      ),
    ],
    [t("fields.nextDueOn"), c.latest ? <strong>{formatDate(c.latest.nextDueOn)}</strong> : t("none")],
    [t("fields.reassessmentMonths"), t("months", { months: c.reassessmentMonths ?? 12 })],
    [t("fields.contact"), [c.contactName, c.contactEmail, c.contactPhone].filter(Boolean).join(" / ") || t("none")],
    [t("fields.note"), c.note ?? t("none")],
  ];
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-slate-600">{k}</dt>
          <dd className="text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const ACTIONS: { status: ContractorStatus; key: string; variant: "primary" | "secondary" | "danger" }[] = [
  { status: "approved", key: "approve", variant: "primary" },
  { status: "conditional", key: "approveConditional", variant: "secondary" },
  { status: "suspended", key: "suspend", variant: "danger" },
  { status: "terminated", key: "terminate", variant: "danger" },
  { status: "candidate", key: "reopen", variant: "secondary" },
];

/** Approve / approve with conditions / suspend / terminate, each confirmed, with a reason. */
function StatusActions({ c }: { c: ContractorDto }) {
  const t = useTranslations("contractors");
  const ts = useTranslations("contractors.status");
  const [target, setTarget] = useState<ContractorStatus | null>(null);
  const [reason, setReason] = useState("");
  const action = useAction({ invalidate: [contractorKeys.all] });
  async function change(status: ContractorStatus) {
    const ok = await action.run(() => apiFetch<ContractorDto>(`/api/v1/contractors/${c.id}/status`, { method: "POST", json: { status, reason, version: c.version } }), {
      success: t("statusChange.done", { status: ts(status) }),
    });
    setTarget(null);
    if (ok) setReason("");
  }
  return (
    <Card title={t("statusChange.title")}>
      <p className="mb-3 text-xs text-slate-600">{t("statusChange.approveHint")}</p>
      {action.message ? (
        <div className="mb-3">
          <ActionMessage message={action.message} />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {ACTIONS.filter((a) => a.status !== c.status).map((a) => (
          <Button
            key={a.status}
            variant={a.variant}
            onClick={() => {
              action.setMessage(null);
              setTarget(a.status);
            }}
          >
            {t(`statusChange.${a.key}`)}
          </Button>
        ))}
      </div>
      <ConfirmDialog
        open={target !== null}
        title={target ? t("statusChange.confirmTitle", { status: ts(target) }) : ""}
        body={
          <div className="space-y-3">
            <p>{t("statusChange.confirmBody")}</p>
            <TextAreaField label={t("statusChange.reason")} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={1000} />
          </div>
        }
        confirmLabel={target ? t(`statusChange.${ACTIONS.find((a) => a.status === target)!.key}`) : ""}
        tone={target === "suspended" || target === "terminated" ? "danger" : "primary"}
        busy={action.busy}
        onCancel={() => setTarget(null)}
        onConfirm={() => target && void change(target)}
      />
    </Card>
  );
}

function ScoreTrend({ assessments, thresholds }: { assessments: AssessmentDto[]; thresholds: Thresholds }) {
  const t = useTranslations("contractors");
  const locale = useLocale();
  const live = assessments.filter((a) => !a.withdrawnAt).slice().reverse();
  const data = live.map((a) => ({ key: String(a.id), label: formatDate(a.assessedOn), value: a.totalPercent }));
  return (
    <Card title={t("detail.trend")}>
      {data.length < 2 ? (
        <p className="text-sm text-slate-600">{t("detail.trendEmpty")}</p>
      ) : (
        <LineChart
          data={data}
          domain={[0, 100]}
          formatValue={(v) => `${v}%`}
          references={
            thresholds
              ? [
                  { value: thresholds.approvedMin, label: `${t("charts.approvedLine")} ${thresholds.approvedMin}%`, color: "var(--status-compliant)" },
                  { value: thresholds.conditionalMin, label: `${t("charts.conditionalLine")} ${thresholds.conditionalMin}%`, color: "var(--status-due-soon)" },
                ]
              : []
          }
          ariaLabel={`${t("charts.trendAria")}: ${data.map((x) => `${x.label} ${x.value}%`).join(locale === "ja" ? "、" : ", ")}`}
          table={{ toggle: t("charts.showTable"), caption: t("detail.trend"), labelHeader: t("charts.date"), valueHeader: t("charts.total") }}
        />
      )}
    </Card>
  );
}

function AssessmentItem({ a, contractorId, canEdit }: { a: AssessmentDto; contractorId: number; canEdit: boolean }) {
  const t = useTranslations("contractors");
  const ta = useTranslations("assessments");
  const [open, setOpen] = useState(false);
  const action = useAction({ invalidate: [contractorKeys.all] });
  async function withdraw(reason: string) {
    await action.run(() => apiFetch<AssessmentDto>(`/api/v1/contractors/${contractorId}/assessments/${a.id}/withdraw`, { method: "POST", json: { reason, version: a.version } }), {
      success: ta("withdrawn"),
      rethrow: isReasonError,
    });
    setOpen(false);
  }
  const withdrawn = a.withdrawnAt !== null;
  return (
    <li className={`rounded-md border p-4 ${withdrawn ? "border-slate-200 bg-slate-50" : "border-slate-300"}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold">
          {formatDate(a.assessedOn)} · {ta(`type.${a.type}`)}
        </h3>
        <ResultBadge result={a.result} />
        <span className="text-sm font-semibold">{a.totalPercent}%</span>
        {withdrawn ? <Badge tone="slate">{ta("withdrawnBadge")}</Badge> : null}
        {canEdit && !withdrawn ? (
          <Button
            variant="secondary"
            className="ml-auto"
            onClick={() => {
              action.setMessage(null);
              setOpen(true);
            }}
          >
            {ta("withdraw")}
          </Button>
        ) : null}
      </div>
      {action.message ? (
        <div className="mt-1">
          <ActionMessage message={action.message} />
        </div>
      ) : null}
      <p className="mt-1 text-sm text-slate-700">
        {ta("fields.assessor")}: {a.assessor} · {ta("templateVersion", { name: a.templateName, version: a.templateVersion })} · {ta("fields.nextDueOn")}: {formatDate(a.nextDueOn)}
      </p>
      {withdrawn ? (
        <p className="mt-1 text-sm text-slate-700">
          {ta("fields.withdrawnReason")}: {a.withdrawnReason} ({formatDateTime(a.withdrawnAt)})
        </p>
      ) : null}
      {a.conditions ? (
        <p className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-950">
          <strong>{ta("fields.conditions")}:</strong> {a.conditions}
        </p>
      ) : null}
      {a.evidence ? (
        <p className="mt-1 text-sm text-slate-700">
          {ta("fields.evidence")}: {a.evidence}
        </p>
      ) : null}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">{t("detail.showScores")}</summary>
        <ScrollArea label={t("detail.showScores")}>
          <table className="mt-2 w-full text-left">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-1 pr-3 font-medium">{ta("fields.criterion")}</th>
                <th scope="col" className="whitespace-nowrap py-1 pr-3 text-right font-medium">{ta("fields.weight")}</th>
                <th scope="col" className="whitespace-nowrap py-1 pr-3 text-right font-medium">{ta("fields.score")}</th>
                <th scope="col" className="py-1 font-medium">{ta("fields.comment")}</th>
              </tr>
            </thead>
            <tbody>
              {a.scores.map((s) => (
                <tr key={s.key} className="border-b border-slate-100">
                  {/* Words keep a readable width on a phone (the table scrolls), as the list kit's textWidth. */}
                  <td className="py-1 pr-3">
                    <div className="min-w-[12rem] lg:min-w-0">{s.label}</div>
                  </td>
                  <td className="py-1 pr-3 text-right">{s.weight}</td>
                  <td className="whitespace-nowrap py-1 pr-3 text-right">
                    {s.score} / {a.maxScore}
                  </td>
                  <td className="py-1 text-slate-700">
                    <div className="min-w-[12rem] lg:min-w-0">{s.comment ?? ""}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </details>
      <ChildEvidence kind="assessment" recordId={a.id} label={`${formatDate(a.assessedOn)} ${ta(`type.${a.type}`)}`} />
      <ReasonDialog
        open={open}
        title={ta("withdrawTitle")}
        body={<p>{ta("withdrawBody")}</p>}
        reasonLabel={ta("fields.withdrawnReason")}
        requiredMessage={ta("errors.reasonRequired")}
        confirmLabel={ta("withdraw")}
        maxLength={1000}
        busy={action.busy}
        onCancel={() => setOpen(false)}
        onConfirm={withdraw}
      />
    </li>
  );
}
