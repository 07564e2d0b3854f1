import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BulkSession } from "@/components/training/records/bulk-session";
import { listCourseOptions } from "@/db/queries/courses";
import { listDepartmentOptions } from "@/db/queries/training-records";
import { TRAINING_WRITERS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("records.bulk"))("title") };
}

export default async function RecordSessionPage() {
  await requirePageUser(TRAINING_WRITERS);
  const [courses, departments] = await Promise.all([listCourseOptions(), listDepartmentOptions()]);
  return <BulkSession courses={courses} departments={departments} today={todayInTokyo()} />;
}
