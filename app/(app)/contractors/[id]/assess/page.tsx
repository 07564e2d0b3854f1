import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AssessmentForm } from "@/components/contractors/assessment-form";
import { EmptyState } from "@/components/ui/card";
import { getCurrentTemplate } from "@/db/queries/assessments";
import { getContractor } from "@/db/queries/contractors";
import { requirePageUser } from "@/lib/auth/session";
import { CONTRACTOR_WRITERS, idParams } from "@/lib/contractors/schema";
import { todayInTokyo } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessments"))("title") };
}

export default async function AssessContractorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(CONTRACTOR_WRITERS);
  const parsed = idParams.safeParse(await params);
  if (!parsed.success) notFound();
  const [contractor, template] = await Promise.all([getContractor(parsed.data.id), getCurrentTemplate()]);
  if (!contractor) notFound();
  if (!template) return <EmptyState>{(await getTranslations("assessments.templates"))("noTemplate")}</EmptyState>;
  return (
    <AssessmentForm
      contractor={{ id: contractor.id, name: contractor.name, reassessmentMonths: contractor.reassessmentMonths }}
      template={template}
      defaultType={contractor.latest ? "periodic" : "initial"}
      assessor={user.name}
      today={todayInTokyo()}
    />
  );
}
