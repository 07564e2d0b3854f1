import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { CourseList } from "@/components/training/courses/course-list";
import { coursesListQueryKey } from "@/components/training/records/types";
import { listCourses } from "@/db/queries/courses";
import { listDepartmentOptions } from "@/db/queries/training-records";
import { TRAINING_WRITERS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";
import { listSearch, parseListParams } from "@/lib/list/params";
import { listCoursesQuery } from "@/lib/training/courses-schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("courses"))("title") };
}

export default async function CoursesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const filters = parseListParams(listCoursesQuery, await searchParams);
  const qc = new QueryClient();
  const [departments] = await Promise.all([
    listDepartmentOptions({ includeRetired: true }),
    qc.prefetchQuery({ queryKey: coursesListQueryKey(listSearch(listCoursesQuery, filters)), queryFn: () => listCourses(filters) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <CourseList canEdit={TRAINING_WRITERS.includes(user.role)} departments={departments} today={todayInTokyo()} />
    </HydrationBoundary>
  );
}
