import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { incidentKeys } from "@/components/incidents/keys";
import { DuePanel } from "@/components/incidents/due-panel";
import { IncidentCharts } from "@/components/incidents/incident-charts";
import { IncidentList } from "@/components/incidents/incident-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { listDueNow, listIncidents } from "@/db/queries/incidents";
import { requirePageUser } from "@/lib/auth/session";
import { listIncidentsQuery } from "@/lib/incidents/schema";
import { listSearch, parseListParams } from "@/lib/list/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents"))("title") };
}

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser();
  const t = await getTranslations("incidents.list");
  const filters = parseListParams(listIncidentsQuery, await searchParams);
  const qc = new QueryClient();
  await Promise.all([
    qc.prefetchQuery({ queryKey: incidentKeys.list(listSearch(listIncidentsQuery, filters)), queryFn: () => listIncidents(filters) }),
    qc.prefetchQuery({ queryKey: incidentKeys.due, queryFn: () => listDueNow(8) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <div className="space-y-4">
        <PageHeader
          title={t("heading")}
          description={t("description")}
          actions={
            <ButtonLink href="/incidents/new" variant="primary">
              {t("report")}
            </ButtonLink>
          }
        />
        <DuePanel />
        <IncidentList />
        <IncidentCharts />
      </div>
    </HydrationBoundary>
  );
}
