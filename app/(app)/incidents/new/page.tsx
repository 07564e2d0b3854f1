import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IncidentForm } from "@/components/incidents/incident-form";
import { Card, PageHeader } from "@/components/ui/card";
import { listDepartmentOptions } from "@/db/queries/training-records";
import { listPickableItems } from "@/db/queries/register-links";
import { requirePageUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents.form"))("heading") };
}

/** "Report an incident": open to every signed-in user. */
export default async function ReportIncidentPage() {
  await requirePageUser();
  const t = await getTranslations("incidents.form");
  const [departments, registerItems] = await Promise.all([listDepartmentOptions(), listPickableItems()]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("heading")} description={t("intro")} />
      <Card>
        <IncidentForm departments={departments} registerItems={registerItems} />
      </Card>
    </div>
  );
}
