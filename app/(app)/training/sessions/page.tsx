import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { SessionList } from "@/components/training/sessions/session-list";
import { sessionKeys } from "@/components/training/sessions/keys";
import { listCourseOptions } from "@/db/queries/courses";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { listTrainingSessions } from "@/db/queries/training-sessions";
import { TRAINING_WRITERS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";
import { listSearch, parseListParams } from "@/lib/list/params";
import { listSessionsQuery } from "@/lib/training/sessions-schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions"))("title") };
}

export default async function TrainingSessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const [courses, fyStartMonth] = await Promise.all([listCourseOptions({ includeRetired: true }), getFiscalYearStartMonth()]);
  const filters = parseListParams(listSessionsQuery, await searchParams);
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: sessionKeys.list(listSearch(listSessionsQuery, filters)), queryFn: () => listTrainingSessions(filters, fyStartMonth) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <SessionList canEdit={TRAINING_WRITERS.includes(user.role)} courses={courses} fyStartMonth={fyStartMonth} today={todayInTokyo()} />
    </HydrationBoundary>
  );
}
