import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ManagementReviewDetailView } from "@/components/audits/management-reviews";
import { listAuditPeople } from "@/db/queries/audits";
import { getManagementReview } from "@/db/queries/management-reviews";
import { PMARK_OWNERS } from "@/lib/audits/roles";
import { requirePageUser } from "@/lib/auth/session";
import { EvidenceSection } from "@/components/evidence/evidence-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("managementReviews"))("title") };
}

export default async function ManagementReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2147483647) notFound();
  const [detail, people] = await Promise.all([getManagementReview(id), listAuditPeople()]);
  if (!detail) notFound();
  return (
    <div className="space-y-6">
      <ManagementReviewDetailView initial={detail} canEdit={PMARK_OWNERS.includes(user.role)} people={people.map(({ id: pid, name, departmentId }) => ({ id: pid, name, departmentId }))} />
      <EvidenceSection user={user} kind="management_review" recordId={id} />
    </div>
  );
}
