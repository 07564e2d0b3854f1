import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FindingsList } from "@/components/audits/findings-list";
import { listAuditDepartments } from "@/db/queries/audits";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";
import { currentFiscalYear } from "@/lib/fiscal-year";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("findings"))("title") };
}

export default async function FindingsPage() {
  await requirePageUser();
  const [departments, startMonth] = await Promise.all([listAuditDepartments(), getFiscalYearStartMonth()]);
  const fy = currentFiscalYear(todayInTokyo(), startMonth);
  return <FindingsList departments={departments} fyOptions={[fy, fy - 1, fy - 2, fy - 3]} />;
}
