"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ActionMessage, useAction } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { applyApproval, ReviewRuleError } from "@/lib/regulations/due";
import type { RegulationDetail as Detail, ReviewDto } from "@/lib/regulations/schema";
import { DateText, DueBadge, StatusBadge, regulationKeys, useVersionLabel } from "./labels";
import { RegulationFormDialog, type OwnerOption } from "./regulation-form";
import { ReviewFormDialog } from "./review-form";
import { ScrollArea } from "@/components/ui/data-table";
import { ChildEvidence, ChildEvidenceRow } from "@/components/evidence/child-evidence";

/** A regulation: its facts, the review awaiting approval, the revision history 改訂履歴 and the reviews. */
export function RegulationDetail({ id, initial, canEdit, owners, today }: { id: number; initial: Detail; canEdit: boolean; owners: OwnerOption[]; today: string }) {
  const t = useTranslations("regulations");
  const tc = useTranslations("common");
  const versionLabel = useVersionLabel();
  const te = useTranslations("evidence");
  const q = useQuery({ queryKey: regulationKeys.detail(id), queryFn: () => apiFetch<Detail>(`/api/v1/regulations/${id}`), initialData: initial });
  const [editOpen, setEditOpen] = useState(false);
  const [reviewOpen, setReviewOpen] = useState<"new" | ReviewDto | null>(null);
  const [confirm, setConfirm] = useState<{ kind: "approve" | "discard"; review: ReviewDto } | null>(null);
  const a = useAction({ invalidate: [regulationKeys.all] });
  const reload = async () => {
    a.setMessage(null);
    await a.refresh();
  };
  const act = async ({ kind, review }: { kind: "approve" | "discard"; review: ReviewDto }) => {
    await a.run(() => apiFetch(`/api/v1/regulations/reviews/${review.id}/${kind}`, { method: "POST", json: { version: review.version } }), {
      success: t(kind === "approve" ? "review.approved" : "review.discarded"),
    });
    setConfirm(null);
  };

  const { regulation: r, versions, reviews } = q.data;
  const pending = reviews.find((x) => x.state === "draft" && !x.discarded) ?? null;

  function approvalText(review: ReviewDto): string {
    try {
      const e = applyApproval(r, review, today);
      if (review.outcome === "retired") return t("review.approveRetired");
      if (review.outcome === "revised")
        return t("review.approveRevised", { version: versionLabel(e.currentVersion), date: formatDate(e.effectiveDate), due: formatDate(e.nextReviewDue) });
      return t("review.approveNoChange", { due: formatDate(e.nextReviewDue) });
    } catch (err) {
      return err instanceof ReviewRuleError ? t(err.messageKey.replace(/^regulations\./, "") as never) : "";
    }
  }

  return (
    <div className="space-y-5">
      <Link href="/regulations" className="text-sm text-brand-700 underline-offset-2 hover:underline">
        ← {t("detail.back")}
      </Link>
      <PageHeader
        title={`${r.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs">{r.code}</span>
            <StatusBadge status={r.status} />
            <span>{versionLabel(r.currentVersion)}</span>
          </span>
        }
        actions={
          canEdit ? (
            <>
              <Button variant="secondary" onClick={() => setEditOpen(true)}>
                {t("detail.edit")}
              </Button>
              {r.status !== "retired" ? (
                <Button onClick={() => setReviewOpen("new")} disabled={!!pending} aria-describedby={pending ? "pending-note" : undefined}>
                  {t("detail.recordReview")}
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
      <ActionMessage message={a.message} />
      {r.status === "retired" ? <Alert tone="warning">{t("detail.retiredNote")}</Alert> : null}

      <Card title={t("detail.facts")}>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <Fact label={t("fields.owner")}>{r.ownerLabel}</Fact>
          <Fact label={t("fields.currentVersion")}>{versionLabel(r.currentVersion)}</Fact>
          <Fact label={t(r.status === "draft" ? "fields.plannedEffectiveDate" : "fields.effectiveDate")}>
            <DateText value={r.effectiveDate} />
          </Fact>
          <Fact label={t("fields.reviewIntervalMonths")}>{r.reviewIntervalMonths}</Fact>
          <Fact label={t("fields.lastReviewedOn")}>
            <DateText value={r.lastReviewedOn} />
          </Fact>
          <Fact label={t("fields.nextReviewDue")}>
            <span className="flex flex-wrap items-center gap-2">
              <DateText value={r.nextReviewDue} />
              <DueBadge state={r.dueState} days={r.daysUntilDue} />
            </span>
          </Fact>
          {r.description ? (
            <Fact label={t("fields.description")} className="sm:col-span-2">
              {r.description}
            </Fact>
          ) : null}
        </dl>
      </Card>

      {pending ? (
        <section aria-labelledby="pending-title" className="rounded-lg border-2 border-amber-300 bg-amber-50 p-4" data-testid="pending-review">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <h2 id="pending-title" className="text-base font-semibold text-amber-950">
                {t("detail.pendingTitle")}
              </h2>
              <p id="pending-note" className="mt-1 text-sm text-amber-950">
                {r.status === "draft" ? t("detail.pendingNoteDraft") : t("detail.pendingNote", { version: versionLabel(r.currentVersion) })}
              </p>
            </div>
            {canEdit ? (
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" onClick={() => setReviewOpen(pending)}>
                  {tc("edit")}
                </Button>
                <Button variant="secondary" onClick={() => setConfirm({ kind: "discard", review: pending })}>
                  {t("review.discard")}
                </Button>
                <Button onClick={() => setConfirm({ kind: "approve", review: pending })}>{t("review.approve")}</Button>
              </div>
            ) : null}
          </div>
          <ReviewFacts review={pending} />
        </section>
      ) : null}

      <Card title={t("detail.history")}>
        {versions.length === 0 ? (
          <EmptyState>{t("detail.noVersions")}</EmptyState>
        ) : (
          <ScrollArea label={t("detail.historyCaption")}>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{t("detail.historyCaption")}</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left font-semibold whitespace-nowrap">{t("detail.version")}</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold whitespace-nowrap">{t("fields.effectiveDate")}</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold">{t("detail.summary")}</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold whitespace-nowrap">{t("detail.approvedBy")}</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold whitespace-nowrap">{t("detail.approvedOn")}</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold whitespace-nowrap">{te("child.column")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100" data-testid="version-history">
                {versions.map((v) => (
                  <ChildEvidenceRow key={v.id} kind="regulation_version" recordId={v.id} label={versionLabel(v.versionNumber)} colSpan={6} className={v.current ? "bg-emerald-50/60" : undefined}>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {versionLabel(v.versionNumber)} {v.current ? <Badge tone="green">{t("detail.currentBadge")}</Badge> : null}
                    </td>
                    <td className="px-3 py-2">
                      <DateText value={v.effectiveDate} />
                    </td>
                    {/* Words keep a readable width on a phone (the table scrolls), as the list kit's textWidth. */}
                    <td className="px-3 py-2">
                      <div className="min-w-[12rem] lg:min-w-0">{v.summary}</div>
                    </td>
                    <td className="px-3 py-2">
                      <div className="min-w-[7rem] lg:min-w-0">{v.approvedByName ?? "—"}</div>
                    </td>
                    <td className="px-3 py-2">
                      <DateText value={v.approvedOn} />
                    </td>
                  </ChildEvidenceRow>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        )}
      </Card>

      <Card title={t("detail.reviews")}>
        {reviews.length === 0 ? (
          <EmptyState>{t("detail.noReviews")}</EmptyState>
        ) : (
          <ol className="space-y-3">
            {reviews.map((rv) => (
              <li key={rv.id} className={`rounded-md border p-3 ${rv.discarded ? "border-slate-200 opacity-70" : "border-slate-200"}`}>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium">
                    <DateText value={rv.reviewedOn} />
                  </span>
                  <Badge tone="slate">{t(`triggers.${rv.trigger}`)}</Badge>
                  <Badge tone={rv.outcome === "revised" ? "blue" : rv.outcome === "retired" ? "amber" : "slate"}>{t(`outcomes.${rv.outcome}`)}</Badge>
                  {rv.outcome === "revised" && rv.proposedVersion ? <span>→ {versionLabel(rv.proposedVersion)}</span> : null}
                  <Badge tone={rv.discarded ? "slate" : rv.state === "approved" ? "green" : "amber"}>
                    {t(`reviewStates.${rv.discarded ? "discarded" : rv.state}`)}
                  </Badge>
                </div>
                <ReviewFacts review={rv} />
                <ChildEvidence kind="regulation_review" recordId={rv.id} label={t("detail.reviewOf", { date: formatDate(rv.reviewedOn) })} />
              </li>
            ))}
          </ol>
        )}
      </Card>

      {canEdit ? (
        <>
          <RegulationFormDialog
            open={editOpen}
            onClose={() => setEditOpen(false)}
            regulation={r}
            owners={owners}
            onSaved={() => {
              setEditOpen(false);
              a.setMessage({ tone: "success", text: t("form.updated") });
            }}
            onConflictReload={async () => {
              setEditOpen(false);
              await reload();
            }}
          />
          <ReviewFormDialog
            open={reviewOpen !== null}
            onClose={() => setReviewOpen(null)}
            regulation={r}
            review={reviewOpen && reviewOpen !== "new" ? reviewOpen : undefined}
            today={today}
            onSaved={() => {
              setReviewOpen(null);
              a.setMessage({ tone: "success", text: t("review.saved") });
            }}
            onConflictReload={async () => {
              setReviewOpen(null);
              await reload();
            }}
          />
          <ConfirmDialog
            open={confirm !== null}
            title={confirm?.kind === "approve" ? t("review.approveTitle") : t("review.discardTitle")}
            body={confirm ? (confirm.kind === "approve" ? approvalText(confirm.review) : t("review.discardBody")) : null}
            confirmLabel={confirm?.kind === "approve" ? t("review.approve") : t("review.discard")}
            tone={confirm?.kind === "approve" ? "primary" : "danger"}
            busy={a.busy}
            onCancel={() => setConfirm(null)}
            onConfirm={() => confirm && void act(confirm)}
          />
        </>
      ) : null}
    </div>
  );
}

function Fact({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}

function ReviewFacts({ review }: { review: ReviewDto }) {
  const t = useTranslations("regulations");
  const tc = useTranslations("common");
  return (
    <dl className="mt-2 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      <Fact label={t("review.reviewers")}>{review.reviewers}</Fact>
      {review.summary ? <Fact label={t("review.summary")}>{review.summary}</Fact> : null}
      {review.outcome === "revised" ? (
        <Fact label={t("review.proposedEffectiveDate")}>
          {review.proposedEffectiveDate
            ? formatDate(review.proposedEffectiveDate)
            : review.state === "approved" && review.approvedOn
              ? formatDate(review.approvedOn)
              : t("review.onApproval")}
        </Fact>
      ) : null}
      {review.minutes ? <Fact label={t("review.minutes")}>{review.minutes}</Fact> : null}
      {review.recordedByName ? <Fact label={t("review.recordedBy")}>{review.recordedByName}</Fact> : null}
      {review.state === "approved" ? (
        <Fact label={t("detail.approvedBy")}>
          {review.approvedByName ?? "—"}
          {tc("inParens", { text: formatDate(review.approvedOn) })}
        </Fact>
      ) : null}
    </dl>
  );
}
