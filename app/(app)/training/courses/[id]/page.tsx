import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CourseDetail } from "@/components/training/courses/course-detail";
import { getCourseDetail } from "@/db/queries/courses";
import { listDepartmentOptions } from "@/db/queries/training-records";
import { TRAINING_WRITERS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";
import { courseIdParams } from "@/lib/training/courses-schema";
import { EvidenceSection } from "@/components/evidence/evidence-section";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const parsed = courseIdParams.safeParse(await params);
  const detail = parsed.success ? await getCourseDetail(parsed.data.id) : null;
  return { title: detail?.course.title ?? (await getTranslations("courses"))("title") };
}

export default async function CoursePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const parsed = courseIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const [detail, departments] = await Promise.all([getCourseDetail(parsed.data.id), listDepartmentOptions({ includeRetired: true })]);
  if (!detail) notFound();
  return (
    <div className="space-y-6">
      <CourseDetail id={parsed.data.id} initial={detail} canEdit={TRAINING_WRITERS.includes(user.role)} departments={departments} today={todayInTokyo()} />
      <EvidenceSection user={user} kind="course" recordId={parsed.data.id} />
    </div>
  );
}
