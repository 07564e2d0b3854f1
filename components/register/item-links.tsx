"use client";

import Link from "@/components/ui/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge, Card, Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import type { ItemLinks as ItemLinksDto, LinkedItem } from "@/lib/register/links-schema";
import { riskKeys } from "./risks/keys";

/**
 * A register item's links (docs/domain.md §6, "Links"): the incidents whose data involved names it and
 * the contractors it is outsourced to, for the item's page (/register/[id]).
 */
export function ItemLinks({ itemId }: { itemId: number }) {
  const t = useTranslations("registerRisks.links");
  const ti = useTranslations("incidents");
  const tc = useTranslations("contractors");
  const q = useQuery({ queryKey: riskKeys.links(itemId), queryFn: () => apiFetch<ItemLinksDto>(`/api/v1/register/items/${itemId}/links`) });
  if (q.isPending) return <Skeleton className="h-24 w-full" />;
  if (q.isError) return <LoadError onRetry={() => q.refetch()} />;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card title={t("incidents")}>
        {q.data.incidents.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noIncidents")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {q.data.incidents.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/incidents/${i.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  <span className="font-mono text-xs">{i.reference}</span> {i.title}
                </Link>
                <span className="text-slate-600">{formatDate(i.discoveredAt)}</span>
                <Badge tone={i.severity === "critical" || i.severity === "high" ? "red" : "slate"}>{ti(`severities.${i.severity}`)}</Badge>
                <Badge tone="blue">{ti(`statuses.${i.status}`)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("contractors")}>
        {q.data.contractors.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noContractors")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {q.data.contractors.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/contractors/${c.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {c.name}
                </Link>
                <Badge tone="slate">{tc(`status.${c.status}`)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

/** The register items a contractor processes, for the contractor's page (read on the server, passed in). */
export function ContractorItems({ items }: { items: LinkedItem[] }) {
  const t = useTranslations("registerRisks.links");
  return (
    <Card title={t("contractorItems")}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noContractorItems")}</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {items.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/register/${i.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                <span className="font-mono text-xs">{i.code}</span> {i.name}
              </Link>
              {i.kind === "sensitive" ? <Badge tone="amber">{t("sensitive")}</Badge> : null}
              {i.personCount != null ? <span className="text-slate-600">{t("personCount", { count: i.personCount })}</span> : null}
              {i.retired ? <Badge tone="slate">{t("retiredItem")}</Badge> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
