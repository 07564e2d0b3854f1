import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/card";
import { Card } from "@/components/ui/card";
import { SecondFactorPanel } from "@/components/auth/second-factor-panel";
import { ChangePasswordCard } from "@/components/account/change-password-card";
import { hasOwnPassword } from "@/db/queries/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secondFactor");
  return { title: t("pageTitle") };
}

/** The signed-in user's own sign-in security: the password and the second factor (docs/security.md, "Passwords", "Second factor"). */
export default async function AccountSecurityPage() {
  const user = await requirePageUser();
  const [t, tp, withPassword] = await Promise.all([getTranslations("secondFactor"), getTranslations("account.password"), hasOwnPassword(user.id)]);
  return (
    <div className="max-w-2xl">
      <PageHeader title={t("pageTitle")} description={t("pageDescription")} />
      <div className="space-y-6">
        {withPassword ? (
          <ChangePasswordCard />
        ) : (
          <Card title={tp("heading")}>
            <p className="text-sm text-slate-600">{tp("ssoOnly")}</p>
          </Card>
        )}
        <SecondFactorPanel />
      </div>
    </div>
  );
}
