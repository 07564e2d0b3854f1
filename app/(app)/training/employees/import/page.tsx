import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { TRAINING_WRITERS } from "@/lib/auth/roles";
import { EmployeeImport } from "@/components/training/employees/employee-import";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("employees.import");
  return { title: t("title") };
}

export default async function EmployeeImportPage() {
  await requirePageUser(TRAINING_WRITERS);
  return <EmployeeImport />;
}
