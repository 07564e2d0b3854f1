import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { riskKeys } from "@/components/register/risks/keys";
import { RiskList } from "@/components/register/risks/risk-list";
import { listRisks } from "@/db/queries/register-risks";
import { requirePageUser } from "@/lib/auth/session";
import { listSearch, parseListParams } from "@/lib/list/params";
import { listRisksQuery } from "@/lib/register/risk-schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registerRisks"))("listTitle") };
}

/** The register's risks, filtered as the URL says (a heat-map cell, the dashboard's figure). */
export default async function RiskListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser();
  const filters = parseListParams(listRisksQuery, await searchParams);
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: riskKeys.list(listSearch(listRisksQuery, filters)), queryFn: () => listRisks(filters) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <RiskList />
    </HydrationBoundary>
  );
}
