import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditPlan } from "@/components/audits/audit-plan";
import { PmarkBanner } from "@/components/audits/pmark-banner";
import { listAuditDepartments, listAuditPeople } from "@/db/queries/audits";
import { getCurrentCertificate } from "@/db/queries/pmark";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { AUDIT_WRITERS } from "@/lib/audits/roles";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";
import { currentFiscalYear } from "@/lib/fiscal-year";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audits"))("title") };
}

export default async function AuditsPage() {
  const user = await requirePageUser();
  const [cert, people, departments, startMonth] = await Promise.all([getCurrentCertificate(), listAuditPeople(), listAuditDepartments(), getFiscalYearStartMonth()]);
  const fy = currentFiscalYear(todayInTokyo(), startMonth);
  return (
    <>
      <PmarkBanner certificate={cert.current} />
      <AuditPlan
        canEdit={AUDIT_WRITERS.includes(user.role)}
        currentFy={fy}
        fyOptions={[fy + 1, fy, fy - 1, fy - 2, fy - 3]}
        people={people.map(({ id, name, departmentId }) => ({ id, name, departmentId }))}
        departments={departments}
      />
    </>
  );
}
