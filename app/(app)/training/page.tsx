import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { requirePageUser } from "@/lib/auth/session";
import { getTrainingStatusSummary } from "@/db/queries/training-status";
import { TrainingOverview } from "@/components/training/status/overview";
import { statusKeys, summaryFilterFrom } from "@/components/training/status/filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trainingStatus");
  return { title: t("title") };
}

/** The training overview (for now also the app's home): every role reads it. */
export default async function TrainingOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser();
  const filter = summaryFilterFrom(await searchParams);
  const qc = new QueryClient();
  await qc.prefetchQuery({
    queryKey: statusKeys.summary(filter),
    queryFn: () =>
      getTrainingStatusSummary({
        fiscalYear: filter.fiscalYear ?? undefined,
        department: filter.department.length ? filter.department : undefined,
        course: filter.course.length ? filter.course : undefined,
      }),
  });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <TrainingOverview />
    </HydrationBoundary>
  );
}
