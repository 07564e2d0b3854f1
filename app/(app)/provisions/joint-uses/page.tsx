import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { JointUses } from "@/components/provisions/joint-uses";
import { provisionKeys } from "@/components/provisions/keys";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { listJointUses } from "@/db/queries/provisions";
import { ADMINS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { REQUEST_READERS } from "@/lib/requests/roles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provisions.joint"))("heading") };
}

export default async function JointUsesPage() {
  const user = await requirePageUser(REQUEST_READERS);
  const t = await getTranslations("provisions.joint");
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: provisionKeys.jointUses(false), queryFn: () => listJointUses() });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <div className="space-y-4">
        <PageHeader title={t("heading")} description={t("description")} actions={<ButtonLink href="/provisions">{t("back")}</ButtonLink>} />
        <JointUses canManage={ADMINS.includes(user.role)} />
      </div>
    </HydrationBoundary>
  );
}
