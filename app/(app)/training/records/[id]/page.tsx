import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RecordDetail } from "@/components/training/records/record-detail";
import { listCourseOptions } from "@/db/queries/courses";
import { getTrainingRecordDetail, listDepartmentOptions } from "@/db/queries/training-records";
import { TRAINING_WRITERS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";
import { recordIdParams } from "@/lib/training/records-schema";
import { EvidenceSection } from "@/components/evidence/evidence-section";
import { RecordSessionLink } from "@/components/training/sessions/record-session-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("records"))("title") };
}

export default async function TrainingRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const parsed = recordIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const [detail, courses, departments] = await Promise.all([getTrainingRecordDetail(parsed.data.id), listCourseOptions(), listDepartmentOptions()]);
  if (!detail) notFound();
  return (
    <div className="space-y-6">
      <RecordDetail
        id={parsed.data.id}
        initial={detail}
        canEdit={TRAINING_WRITERS.includes(user.role)}
        courses={courses}
        departments={departments}
        today={todayInTokyo()}
      />
      <RecordSessionLink recordId={parsed.data.id} />
      <EvidenceSection user={user} kind="training_record" recordId={parsed.data.id} />
    </div>
  );
}
