import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditDetailView } from "@/components/audits/audit-detail";
import { getAuditDetail, listAuditDepartments, listAuditPeople } from "@/db/queries/audits";
import { AUDIT_WRITERS } from "@/lib/audits/roles";
import { requirePageUser } from "@/lib/auth/session";
import { EvidenceSection } from "@/components/evidence/evidence-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audits"))("title") };
}

export default async function AuditPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2147483647) notFound();
  const [detail, people, departments] = await Promise.all([getAuditDetail(id), listAuditPeople(), listAuditDepartments()]);
  if (!detail) notFound();
  return (
    <div className="space-y-6">
      <AuditDetailView
        initial={detail}
        canEdit={AUDIT_WRITERS.includes(user.role)}
        currentUserId={user.id}
        people={people.map(({ id: pid, name, departmentId }) => ({ id: pid, name, departmentId }))}
        departments={departments}
      />
      <EvidenceSection user={user} kind="audit" recordId={id} />
    </div>
  );
}
