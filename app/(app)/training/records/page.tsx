import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { RecordList } from "@/components/training/records/record-list";
import { recordsListQueryKey } from "@/components/training/records/types";
import { listCourseOptions } from "@/db/queries/courses";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { listDepartmentOptions, listTrainingRecords } from "@/db/queries/training-records";
import { TRAINING_WRITERS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";
import { listSearch, parseListParams } from "@/lib/list/params";
import { listRecordsQuery } from "@/lib/training/records-schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("records"))("title") };
}

export default async function TrainingRecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const [departments, courses, fyStartMonth] = await Promise.all([
    listDepartmentOptions({ includeRetired: true }),
    listCourseOptions({ includeRetired: true }),
    getFiscalYearStartMonth(),
  ]);
  const filters = parseListParams(listRecordsQuery, await searchParams);
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: recordsListQueryKey(listSearch(listRecordsQuery, filters)), queryFn: () => listTrainingRecords(filters, fyStartMonth) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <RecordList canEdit={TRAINING_WRITERS.includes(user.role)} departments={departments} courses={courses} fyStartMonth={fyStartMonth} today={todayInTokyo()} />
    </HydrationBoundary>
  );
}
