import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { RiskHeatMap } from "@/components/register/risks/heat-map";
import { heatMapSearch, riskKeys } from "@/components/register/risks/keys";
import { riskHeatMap } from "@/db/queries/register-risks";
import { getRiskThreshold } from "@/db/queries/settings";
import { requirePageUser } from "@/lib/auth/session";
import { parseListParams } from "@/lib/list/params";
import { RISK_ACCEPTOR_ROLE } from "@/lib/register/risk";
import { heatMapViewQuery } from "@/lib/register/risk-schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registerRisks"))("heatMapTitle") };
}

/** The heat map of the register's risks (docs/domain.md §6, "Risk analysis"). */
export default async function RiskHeatMapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const filters = parseListParams(heatMapViewQuery, await searchParams);
  const qc = new QueryClient();
  await Promise.all([
    qc.prefetchQuery({ queryKey: riskKeys.heatMap(heatMapSearch(filters)), queryFn: () => riskHeatMap(filters) }),
    qc.prefetchQuery({ queryKey: riskKeys.threshold, queryFn: () => getRiskThreshold() }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <RiskHeatMap canEdit={user.role === RISK_ACCEPTOR_ROLE} />
    </HydrationBoundary>
  );
}
