"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Card, Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import type { JointUseDto } from "@/lib/provisions/schema";
import { provisionKeys } from "./keys";

/** Each joint use with the notice for the website generated from it (policy §4(3)). */
export function JointUses() {
  const t = useTranslations("provisions.joint");
  const q = useQuery({ queryKey: provisionKeys.jointUses, queryFn: () => apiFetch<JointUseDto[]>("/api/v1/joint-uses") });
  if (q.isPending) return <Skeleton className="h-40 w-full" />;
  if (q.isError) return <LoadError onRetry={q.refetch}>{t("empty")}</LoadError>;
  if (!q.data.length) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t("empty")}</p>;
  return (
    <div className="space-y-4">
      {q.data.map((j) => (
        <Card key={j.id} title={j.title}>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-600">{t("publishedOn")}</dt>
            <dd>{j.publishedOn ? formatDate(j.publishedOn) : t("notPublished")}</dd>
            <dt className="text-slate-600">{t("purpose")}</dt>
            <dd>{j.purpose}</dd>
            <dt className="text-slate-600">{t("partners")}</dt>
            <dd>{j.partners}</dd>
          </dl>
          <h3 className="mt-3 text-sm font-semibold">{t("notice")}</h3>
          <pre lang="ja" className="mt-1 overflow-x-auto rounded-md bg-slate-50 p-3 text-sm whitespace-pre-wrap">
            {j.notice}
          </pre>
        </Card>
      ))}
    </div>
  );
}
