import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { requirePageUser } from "@/lib/auth/session";
import { getStatusFilterOptions, listTrainingStatus } from "@/db/queries/training-status";
import { StatusList } from "@/components/training/status/status-list";
import { listQueryInput, statusKeys, statusListFilterFrom } from "@/components/training/status/filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trainingStatus");
  return { title: t("listTitle") };
}

export default async function TrainingStatusListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser();
  const filter = statusListFilterFrom(await searchParams);
  const qc = new QueryClient();
  const [options] = await Promise.all([
    getStatusFilterOptions(),
    qc.prefetchQuery({ queryKey: statusKeys.list(filter), queryFn: () => listTrainingStatus(listQueryInput(filter)) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <StatusList
        options={{ departments: options.departments, courses: options.courses, fiscalYears: options.fiscalYears, currentFiscalYear: options.currentFiscalYear }}
      />
    </HydrationBoundary>
  );
}
