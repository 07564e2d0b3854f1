"use client";

import Link from "@/components/ui/link";
import { useState, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Badge, Card, PageHeader, Skeleton } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ActionMessage, useAction } from "@/components/ui/form";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";
import { formatDate, formatDateTime } from "@/lib/dates";
import type { ItemDetail, ItemVersionDto, RegisterItemDto, RegisterReviewDto } from "@/lib/register/schema";
import { DueBadge, KindBadge } from "./badges";
import { registerKeys } from "./keys";
import { ReviewDialog } from "./review-dialog";

/**
 * One register item: what it holds and how it is handled, its reviews and its history (every version,
 * with the fields each changed), and — from the risk analysis — its risks per lifecycle stage.
 */
export function ItemDetailView({ id, canEdit, riskAnalysis }: { id: number; canEdit: boolean; riskAnalysis?: ReactNode }) {
  const t = useTranslations("register");
  const detail = useQuery({ queryKey: registerKeys.detail(id), queryFn: () => apiFetch<ItemDetail>(`/api/v1/register/items/${id}`) });
  const [reviewOpen, setReviewOpen] = useState(false);
  const [confirm, setConfirm] = useState<"retire" | "restore" | null>(null);
  const action = useAction({ invalidate: [registerKeys.all] });

  if (detail.isError && !detail.data) return <LoadError onRetry={() => detail.refetch()}>{t("loadError")}</LoadError>;
  if (!detail.data) return <Skeleton className="h-64 w-full" />;
  const { item, reviews } = detail.data;

  async function toggle(kind: "retire" | "restore", i: RegisterItemDto) {
    await action.run(() => apiFetch<RegisterItemDto>(`/api/v1/register/items/${i.id}/${kind}`, { method: "POST", json: { version: i.version } }), {
      success: t(kind === "retire" ? "actions.retired" : "actions.restored"),
    });
    setConfirm(null);
  }

  const list = (xs: readonly string[]) => (xs.length ? xs.join(t("listSeparator")) : "—");
  const text = (v: string | null) => v ?? "—";
  return (
    <div className="space-y-4">
      <PageHeader
        title={item.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{item.code}</span>
            <KindBadge kind={item.kind} />
            <DueBadge state={item.dueState} />
            {item.retiredAt ? <Badge tone="slate">{t("retiredBadge")}</Badge> : null}
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/register">{t("backToList")}</ButtonLink>
            {canEdit && !item.retiredAt ? (
              <>
                <Button type="button" variant="secondary" onClick={() => setReviewOpen(true)}>
                  {t("actions.review")}
                </Button>
                <ButtonLink href={`/register/${item.id}/edit`} variant="primary">
                  {t("actions.edit")}
                </ButtonLink>
                <Button type="button" variant="danger" onClick={() => setConfirm("retire")}>
                  {t("actions.retire")}
                </Button>
              </>
            ) : null}
            {canEdit && item.retiredAt ? (
              <Button type="button" variant="primary" onClick={() => setConfirm("restore")}>
                {t("actions.restore")}
              </Button>
            ) : null}
          </div>
        }
      />
      {action.message ? <ActionMessage message={action.message} /> : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("sections.what")}>
          <DefinitionList
            rows={[
              [t("fields.kind"), t(`kind.${item.kind}`)],
              [t("fields.dataSubjects"), list(item.dataSubjects)],
              [t("fields.dataItems"), list(item.dataItems)],
              [t("fields.personCount"), item.personCount === null ? "—" : t("persons", { count: item.personCount })],
              [t("fields.form"), t(`form.${item.form}`)],
              [t("fields.acquisitionMethod"), t(`acquisition.${item.acquisitionMethod}`)],
              [t("fields.noticeOrConsent"), text(item.noticeOrConsent)],
              [
                t("fields.purposeIds"),
                item.purposes.length ? (
                  <ul className="space-y-1">
                    {item.purposes.map((p) => (
                      <li key={p.id}>
                        <span className="font-mono text-xs">{p.code}</span> {p.text}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t("purposes.none")
                ),
              ],
            ]}
          />
        </Card>
        <Card title={t("sections.handling")}>
          <DefinitionList
            rows={[
              [t("fields.ownerDepartmentId"), text(item.ownerDepartmentName)],
              [t("fields.storagePlace"), text(item.storagePlace)],
              [t("fields.storageMethod"), text(item.storageMethod)],
              [t("fields.accessScope"), text(item.accessScope)],
              [t("fields.usePeriod"), text(item.usePeriod)],
              [t("fields.retentionPeriod"), text(item.retentionPeriod)],
              [t("fields.disposalMethod"), text(item.disposalMethod)],
              [
                t("fields.contractorIds"),
                item.contractors.length ? (
                  <ul className="space-y-1">
                    {item.contractors.map((c) => (
                      <li key={c.id}>
                        <Link href={`/contractors/${c.id}`} className="text-brand-700 underline">
                          {c.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  "—"
                ),
              ],
              [t("fields.provision"), t(`provision.${item.provision}`)],
              [t("fields.provisionBasis"), text(item.provisionBasis)],
              [t("fields.abroadCountries"), list(item.abroadCountries)],
              [t("fields.lastReviewedOn"), item.lastReviewedOn ? formatDate(item.lastReviewedOn) : "—"],
              [t("fields.nextReviewDueOn"), item.retiredAt ? "—" : formatDate(item.nextReviewDueOn)],
              [t("fields.reviewIntervalMonths"), String(item.reviewIntervalMonths)],
              [t("fields.note"), text(item.note)],
            ]}
          />
        </Card>
      </div>

      {/* ── Risk analysis (the `risk` part: components/register/risks/risk-analysis.tsx, passed in by the page) ── */}
      {riskAnalysis ? <section aria-label={t("riskSection")}>{riskAnalysis}</section> : null}

      <Reviews reviews={reviews} />
      <History id={item.id} />

      {canEdit ? <ReviewDialog open={reviewOpen} onClose={() => setReviewOpen(false)} item={item} /> : null}
      <ConfirmDialog
        open={confirm !== null}
        title={t(confirm === "restore" ? "actions.restoreTitle" : "actions.retireTitle")}
        tone={confirm === "restore" ? "primary" : "danger"}
        confirmLabel={t(confirm === "restore" ? "actions.restore" : "actions.retire")}
        busy={action.busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => confirm && void toggle(confirm, item)}
        body={<p>{t(confirm === "restore" ? "actions.restoreBody" : "actions.retireBody", { name: item.name })}</p>}
      />
    </div>
  );
}

function Reviews({ reviews }: { reviews: RegisterReviewDto[] }) {
  const t = useTranslations("register");
  return (
    <Card title={t("reviewsTitle")}>
      {reviews.length === 0 ? (
        <p className="text-sm text-slate-600">{t("review.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {reviews.map((r) => (
            <li key={r.id} className="py-2 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <strong>{formatDate(r.reviewedOn)}</strong>
                <Badge tone={r.result === "changed" ? "amber" : r.result === "retired" ? "slate" : "green"}>{t(`review.resultLabel.${r.result}`)}</Badge>
                <span className="text-slate-700">{r.itemId === null ? t("review.wholeRegister") : null}</span>
                <span className="text-slate-700">{r.reviewer}</span>
                {r.risksReviewed ? <span className="text-xs text-slate-600">{t("review.risksReviewed")}</span> : null}
              </p>
              {r.changes ? <p className="mt-1 whitespace-pre-line text-slate-700">{r.changes}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Every version, newest first: what happened, who, when, what changed; the version's contents on request. */
function History({ id }: { id: number }) {
  const t = useTranslations("register");
  const history = useQuery({ queryKey: registerKeys.history(id), queryFn: () => apiFetch<{ items: ItemVersionDto[] }>(`/api/v1/register/items/${id}/history`) });
  const fieldLabel = (k: string) => {
    const key = k === "purposes" ? "purposeIds" : k === "contractors" ? "contractorIds" : k === "ownerDepartmentName" ? "ownerDepartmentId" : k;
    return t.has(`fields.${key}`) ? t(`fields.${key}`) : k;
  };
  return (
    <Card title={t("historyTitle")}>
      {history.isError && !history.data ? (
        <LoadError onRetry={() => history.refetch()}>{t("loadError")}</LoadError>
      ) : !history.data ? (
        <Skeleton className="h-16 w-full" />
      ) : history.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("history.none")}</p>
      ) : (
        <ol className="divide-y divide-slate-200">
          {history.data.items.map((v) => {
            const fields = [...new Set(v.changedFields.filter((k) => k !== "ownerDepartmentId").map(fieldLabel))];
            return (
              <li key={v.version} className="py-2 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <strong>{t("history.version", { version: v.version })}</strong>
                  <Badge tone="blue">{t.has(`history.action.${v.action}`) ? t(`history.action.${v.action}`) : v.action}</Badge>
                  <span className="text-slate-700">{formatDateTime(v.changedAt)}</span>
                  {v.changedByName ? <span className="text-slate-700">{v.changedByName}</span> : null}
                </p>
                {fields.length ? <p className="mt-1 text-slate-700">{t("history.changed", { fields: fields.join(t("listSeparator")) })}</p> : null}
                <details className="mt-1">
                  <summary className="cursor-pointer text-brand-700">{t("actions.showSnapshot")}</summary>
                  <dl className="mt-2 grid gap-x-4 gap-y-1 text-xs sm:grid-cols-[12rem_1fr]">
                    {Object.entries(v.snapshot)
                      .filter(([k]) => k !== "ownerDepartmentId" && k !== "retiredAt")
                      .map(([k, val]) => (
                        <div key={k} className="contents">
                          <dt className="font-medium text-slate-700">{fieldLabel(k)}</dt>
                          <dd className="break-words text-slate-800">{ENUM_LABELS[k] && typeof val === "string" ? t(`${ENUM_LABELS[k]}.${val}`) : snapshotText(val, t("listSeparator"))}</dd>
                        </div>
                      ))}
                  </dl>
                </details>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

/** Snapshot fields that hold an enumeration → their labels' namespace. */
const ENUM_LABELS: Record<string, string> = { kind: "kind", form: "form", acquisitionMethod: "acquisition", provision: "provision" };

/** A snapshot value as text: lists joined, records by their code or name. */
function snapshotText(v: unknown, sep: string): string {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === "object" && x ? String((x as { code?: string; name?: string }).code ?? (x as { name?: string }).name ?? "") : String(x))).join(sep) : "—";
  return String(v);
}
