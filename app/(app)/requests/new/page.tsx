import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RequestForm } from "@/components/requests/request-form";
import { Card, PageHeader } from "@/components/ui/card";
import { listRegisterItemOptions } from "@/db/queries/requests";
import { ADMINS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests.form"))("heading") };
}

/** Log a request received: the privacy manager only. */
export default async function NewRequestPage() {
  await requirePageUser(ADMINS);
  const t = await getTranslations("requests.form");
  const registerItems = await listRegisterItemOptions();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("heading")} description={t("intro")} />
      <Card>
        <RequestForm registerItems={registerItems} today={todayInTokyo()} />
      </Card>
    </div>
  );
}
