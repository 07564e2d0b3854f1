"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Card, Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import type { DueItem } from "@/lib/incidents/schema";
import { StateBadge, incidentKeys, useDaysText } from "./common";

const LIMIT = 8;
/** The most the endpoint answers at once (dueQuery in lib/incidents/schema.ts). */
const MAX = 200;

/** Reports and notices not yet made, ordered by deadline; late ones in red. */
export function DuePanel() {
  const t = useTranslations("incidents");
  const daysText = useDaysText();
  // The first eight (prefetched by the page); "Show all" asks for the rest.
  const [limit, setLimit] = useState(LIMIT);
  const due = useQuery({
    queryKey: limit === LIMIT ? incidentKeys.due : [...incidentKeys.due, limit],
    queryFn: () => apiFetch<{ items: DueItem[]; total: number }>(`/api/v1/incidents/due?limit=${limit}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title={t("due.heading")}>
      {due.isPending ? (
        <div className="space-y-2">
          <Skeleton />
          <Skeleton />
          <Skeleton />
        </div>
      ) : due.isError ? (
        <LoadError onRetry={due.refetch} />
      ) : due.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("due.empty")}</p>
      ) : (
        <>
          <ol className="divide-y divide-slate-100 text-sm" aria-label={t("due.heading")}>
            {due.data.items.map((d) => (
              <li key={`${d.incidentId}-${d.key}`} className={`flex flex-wrap items-center gap-x-3 gap-y-1 py-2 ${d.state === "late" ? "text-red-800" : ""}`}>
                <span className={`w-24 shrink-0 font-medium ${d.state === "late" ? "text-red-700" : ""}`}>{formatDate(d.dueOn)}</span>
                <span className={`w-20 shrink-0 text-xs ${d.state === "late" ? "font-semibold text-red-700" : "text-slate-600"}`}>{daysText(d.daysLeft)}</span>
                <StateBadge state={d.state} />
                {/* At least 16rem: on a phone the text takes a line of its own instead of a sliver beside the date. */}
                <span className="min-w-64 flex-1">
                  <span className="font-medium">{t(`obligations.${d.key}`)}</span>
                  <span className="mx-1 text-slate-400">·</span>
                  <Link href={`/incidents/${d.incidentId}`} className="text-brand-700 underline-offset-2 hover:underline">
                    <span className="font-mono text-xs">{d.reference}</span> {d.title}
                  </Link>
                </span>
              </li>
            ))}
          </ol>
          {due.data.total > due.data.items.length ? (
            <p className="mt-2 flex flex-wrap items-center gap-x-3 text-xs text-slate-600">
              {t("due.more", { count: due.data.total - due.data.items.length })}
              <button
                type="button"
                className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800 disabled:opacity-60"
                disabled={due.isFetching}
                onClick={() => setLimit(Math.min(due.data.total, MAX))}
              >
                {t("due.showAll", { count: due.data.total })}
              </button>
            </p>
          ) : null}
        </>
      )}
    </Card>
  );
}
