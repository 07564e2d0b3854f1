"use client";

import { useState } from "react";
import Link from "@/components/ui/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert, Badge, Card, Skeleton } from "@/components/ui/card";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { ActionMessage, ReasonDialog, isReasonError, useAction } from "@/components/ui/form";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";
import { formatDate, formatDateTime } from "@/lib/dates";
import { LIFECYCLE_STAGES, type LifecycleStage } from "@/lib/register/enums";
import { RISK_ACCEPTOR_ROLE } from "@/lib/register/risk";
import type { ItemAnalysis, RiskDetail, RiskDto } from "@/lib/register/risk-schema";
import { riskKeys } from "./keys";
import { Rating } from "./labels";
import { RiskFormDialog } from "./risk-form";

type Me = { role: string };

/**
 * The risk analysis of one register item (docs/domain.md §6, "Risk analysis"): the five lifecycle
 * stages with their risks, each rated before and after its countermeasures; the privacy manager adds,
 * edits, accepts and retires risks, everyone else reads. Mounted on the item's page (/register/[id]).
 * `canEdit` defaults to the signed-in user's role as the server reports it.
 */
export function RiskAnalysis({ itemId, canEdit }: { itemId: number; canEdit?: boolean }) {
  const t = useTranslations("registerRisks");
  const me = useQuery({ queryKey: ["me"], queryFn: () => apiFetch<Me>("/api/v1/me"), enabled: canEdit === undefined, staleTime: 60_000 });
  const editable = canEdit ?? me.data?.role === RISK_ACCEPTOR_ROLE;
  const analysis = useQuery({ queryKey: riskKeys.item(itemId), queryFn: () => apiFetch<ItemAnalysis>(`/api/v1/register/items/${itemId}/risks`) });
  const action = useAction({ invalidate: [riskKeys.all] });
  const [adding, setAdding] = useState<LifecycleStage | null>(null);
  const [editing, setEditing] = useState<RiskDto | null>(null);
  const [accepting, setAccepting] = useState<RiskDto | null>(null);
  const [retiring, setRetiring] = useState<RiskDto | null>(null);
  const [historyOf, setHistoryOf] = useState<RiskDto | null>(null);

  if (analysis.isPending)
    return (
      <Card title={t("title")}>
        <div className="space-y-2" aria-busy="true">
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-20 w-full" />
        </div>
      </Card>
    );
  if (analysis.isError || !analysis.data)
    return (
      <Card title={t("title")}>
        <LoadError onRetry={() => analysis.refetch()} />
      </Card>
    );
  const a = analysis.data;
  const dueTone = a.reviewDueState === "overdue" ? "red" : a.reviewDueState === "due_soon" ? "amber" : "green";

  return (
    <section aria-labelledby={`risk-analysis-${itemId}`} className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`risk-analysis-${itemId}`} className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <span>{a.lastAnalysedOn ? t("lastAnalysed", { date: formatDate(a.lastAnalysedOn) }) : t("neverAnalysed")}</span>
          <span>{t("reviewDue", { date: formatDate(a.reviewDueOn) })}</span>
          <Badge tone={dueTone}>{t(`reviewDueState.${a.reviewDueState}`)}</Badge>
          <Link href={`/register/risks/list?itemId=${itemId}`} className="text-brand-700 underline-offset-2 hover:underline">
            {t("listTitle")}
          </Link>
        </p>
      </div>
      <p className="text-sm text-slate-600">{t("analysisDescription")}</p>
      <ActionMessage message={action.message} />

      {LIFECYCLE_STAGES.map((stage) => {
        const risks = a.risks.filter((r) => r.stage === stage);
        return (
          <Card
            key={stage}
            title={t(`stage.${stage}`)}
            action={
              editable ? (
                <Button variant="secondary" onClick={() => setAdding(stage)}>
                  {t("addRisk")}
                </Button>
              ) : undefined
            }
          >
            {risks.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noRisks")}</p>
            ) : (
              <ul className="divide-y divide-slate-200">
                {risks.map((r) => (
                  <RiskRow
                    key={r.id}
                    risk={r}
                    editable={editable}
                    busy={action.busy}
                    onEdit={() => setEditing(r)}
                    onAccept={() => setAccepting(r)}
                    onRetire={() => setRetiring(r)}
                    onHistory={() => setHistoryOf(r)}
                  />
                ))}
              </ul>
            )}
          </Card>
        );
      })}

      {editable ? (
        <>
          <RiskFormDialog open={adding !== null} onClose={() => setAdding(null)} itemId={itemId} stage={adding ?? "acquisition"} />
          <RiskFormDialog open={editing !== null} onClose={() => setEditing(null)} itemId={itemId} stage={editing?.stage ?? "acquisition"} risk={editing ?? undefined} />
          <ReasonDialog
            open={accepting !== null}
            title={t("acceptTitle")}
            body={t("acceptBody")}
            subject={accepting ? `${t(`threat.${accepting.threat}`)}: ${accepting.description}` : undefined}
            reasonLabel={t("fields.note")}
            requiredMessage={t("acceptRequired")}
            placeholder={t("acceptPlaceholder")}
            confirmLabel={t("accept")}
            tone="primary"
            busy={action.busy}
            onCancel={() => setAccepting(null)}
            onConfirm={async (note) => {
              const r = accepting;
              if (!r) return;
              // A problem with the note stays in the dialog (rethrown); anything else closes it and shows above.
              await action.run(() => apiFetch(`/api/v1/register/risks/${r.id}/accept`, { method: "POST", json: { note, version: r.version } }), {
                success: t("acceptedSaved"),
                rethrow: isReasonError,
              });
              setAccepting(null);
            }}
          />
          <ConfirmDialog
            open={retiring !== null}
            title={t("retireTitle")}
            body={t("retireBody")}
            confirmLabel={t("retire")}
            busy={action.busy}
            onCancel={() => setRetiring(null)}
            onConfirm={async () => {
              const r = retiring;
              if (!r) return;
              await action.run(() => apiFetch(`/api/v1/register/risks/${r.id}/retire`, { method: "POST", json: { version: r.version } }), { success: t("retiredSaved") });
              setRetiring(null);
            }}
          />
        </>
      ) : null}
      <RiskHistoryDialog risk={historyOf} onClose={() => setHistoryOf(null)} />
    </section>
  );
}

function RiskRow({
  risk: r,
  editable,
  busy,
  onEdit,
  onAccept,
  onRetire,
  onHistory,
}: {
  risk: RiskDto;
  editable: boolean;
  busy: boolean;
  onEdit: () => void;
  onAccept: () => void;
  onRetire: () => void;
  onHistory: () => void;
}) {
  const t = useTranslations("registerRisks");
  return (
    <li className="space-y-2 py-3 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-slate-900">
          <span className="font-medium">{t(`threat.${r.threat}`)}</span>
          <span className="ml-2">{r.description}</span>
        </p>
        {r.high && !r.acceptedOn ? <Badge tone="red">{t("highMark")}</Badge> : null}
      </div>
      <dl className="grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-600">{t("fields.inherent")}</dt>
        <dd>
          <Rating likelihood={r.likelihood} impact={r.impact} score={r.score} level={r.level} />
        </dd>
        <dt className="text-slate-600">{t("fields.countermeasures")}</dt>
        <dd>
          {r.countermeasures.length === 0 ? (
            <span className="text-slate-600">{t("noCountermeasures")}</span>
          ) : (
            <ul className="list-disc space-y-1 pl-5">
              {r.countermeasures.map((c, i) => (
                <li key={i}>
                  <span className="font-medium">{t(`safeguard.${c.safeguard}`)}</span> {c.description}
                  {c.regulationId ? (
                    <Link href={`/regulations/${c.regulationId}`} className="ml-2 text-brand-700 underline-offset-2 hover:underline">
                      {c.regulationCode} {c.regulationTitle}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="text-slate-600">{t("fields.after")}</dt>
        <dd>
          <Rating likelihood={r.residualLikelihood} impact={r.residualImpact} score={r.residualScore} level={r.residualLevel} />
        </dd>
        <dt className="text-slate-600">{t("fields.acceptance")}</dt>
        <dd>
          {r.acceptedOn ? (
            <span>
              <Badge tone="green">{t("accepted", { date: formatDate(r.acceptedOn), name: r.acceptedByName ?? "" })}</Badge>
              {r.acceptanceNote ? <span className="ml-2 text-slate-700">{r.acceptanceNote}</span> : null}
            </span>
          ) : (
            <Badge tone="slate">{t("notAccepted")}</Badge>
          )}
        </dd>
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button variant="ghost" onClick={onHistory}>
          {t("history")}
        </Button>
        {editable ? (
          <>
            <Button variant="secondary" onClick={onEdit} disabled={busy}>
              {t("edit")}
            </Button>
            {!r.acceptedOn ? (
              <Button variant="secondary" onClick={onAccept} disabled={busy}>
                {t("accept")}
              </Button>
            ) : null}
            <Button variant="ghost" onClick={onRetire} disabled={busy}>
              {t("retire")}
            </Button>
          </>
        ) : null}
      </div>
    </li>
  );
}

/** Every version of a risk, newest first: what it said, who changed it and when. */
function RiskHistoryDialog({ risk, onClose }: { risk: RiskDto | null; onClose: () => void }) {
  const t = useTranslations("registerRisks");
  const detail = useQuery({
    queryKey: riskKeys.detail(risk?.id ?? 0),
    queryFn: () => apiFetch<RiskDetail>(`/api/v1/register/risks/${risk!.id}`),
    enabled: risk !== null,
  });
  return (
    <Dialog open={risk !== null} onClose={onClose} title={t("historyTitle")} wide>
      {detail.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : detail.isError ? (
        <LoadError onRetry={() => detail.refetch()} />
      ) : detail.data.history.length === 0 ? (
        <p className="text-sm text-slate-600">{t("historyEmpty")}</p>
      ) : (
        <ol className="space-y-3 text-sm">
          {detail.data.history.map((h) => (
            <li key={h.version} className="rounded-md border border-slate-200 p-3">
              <p className="font-medium text-slate-900">
                {t("versionN", { n: h.version })} {t(`action.${h.action as "created"}`)}{" "}
                <span className="font-normal text-slate-600">
                  {formatDateTime(h.changedAt)} {h.changedByName ? t("by", { name: h.changedByName }) : null}
                </span>
              </p>
              <p className="mt-1 text-slate-800">
                {t(`stage.${h.snapshot.stage}`)} / {t(`threat.${h.snapshot.threat}`)}: {h.snapshot.description}
              </p>
              <p className="mt-1 flex flex-wrap gap-3">
                <span>
                  {t("fields.inherent")} {t("rating", { likelihood: h.snapshot.likelihood, impact: h.snapshot.impact, score: h.snapshot.likelihood * h.snapshot.impact })}
                </span>
                <span>
                  {t("fields.after")}{" "}
                  {t("rating", { likelihood: h.snapshot.residualLikelihood, impact: h.snapshot.residualImpact, score: h.snapshot.residualLikelihood * h.snapshot.residualImpact })}
                </span>
                <span>{h.snapshot.acceptedOn ? t("accepted", { date: formatDate(h.snapshot.acceptedOn), name: h.snapshot.acceptedByName ?? "" }) : t("notAccepted")}</span>
              </p>
              {h.snapshot.countermeasures.length ? (
                <ul className="mt-1 list-disc pl-5 text-slate-700">
                  {h.snapshot.countermeasures.map((c, i) => (
                    <li key={i}>
                      {t(`safeguard.${c.safeguard}`)} {c.description}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {risk?.retired ? <Alert tone="info">{t("retired")}</Alert> : null}
    </Dialog>
  );
}
