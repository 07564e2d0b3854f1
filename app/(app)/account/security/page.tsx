import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/card";
import { SecondFactorPanel } from "@/components/auth/second-factor-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secondFactor");
  return { title: t("pageTitle") };
}

/** The signed-in user's own sign-in security: the second factor (docs/security.md, "Second factor"). */
export default async function AccountSecurityPage() {
  await requirePageUser();
  const t = await getTranslations("secondFactor");
  return (
    <div className="max-w-2xl">
      <PageHeader title={t("pageTitle")} description={t("pageDescription")} />
      <SecondFactorPanel />
    </div>
  );
}
