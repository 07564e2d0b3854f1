import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProvisionForm } from "@/components/provisions/provision-form";
import { Card, PageHeader } from "@/components/ui/card";
import { listProvisionOptions } from "@/db/queries/provisions";
import { listRegisterItemOptions } from "@/db/queries/requests";
import { ADMINS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provisions.form"))("heading") };
}

export default async function NewProvisionPage() {
  await requirePageUser(ADMINS);
  const t = await getTranslations("provisions.form");
  const [options, registerItems] = await Promise.all([listProvisionOptions(), listRegisterItemOptions()]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("heading")} description={t("intro")} />
      <Card>
        <ProvisionForm contractors={options.contractors} jointUses={options.jointUses} registerItems={registerItems} today={todayInTokyo()} />
      </Card>
    </div>
  );
}
