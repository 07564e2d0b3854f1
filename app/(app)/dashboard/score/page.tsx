import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { ScoreExplainer } from "@/components/dashboard/score-explainer";
import { dashboardKeys } from "@/components/dashboard/keys";
import { PageHeader } from "@/components/ui/card";
import { getComplianceScoreTrend } from "@/db/queries/dashboard";
import { requirePageUser } from "@/lib/auth/session";
import { dashboardQuery } from "@/lib/dashboard/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.scorePage"))("title") };
}

export default async function ScorePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser();
  const t = await getTranslations("dashboard.scorePage");
  const sp = await searchParams;
  const parsed = dashboardQuery.safeParse({ fy: Array.isArray(sp.fy) ? sp.fy[0] : sp.fy });
  const fy = parsed.success && parsed.data.fy !== undefined ? parsed.data.fy : null;
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: dashboardKeys.score(fy), queryFn: () => getComplianceScoreTrend({ fiscalYear: fy ?? undefined }) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <PageHeader title={t("title")} description={t("description")} />
      <ScoreExplainer fy={fy} />
    </HydrationBoundary>
  );
}
