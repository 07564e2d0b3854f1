import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { Button } from "@/components/ui/button";
import { getSessionAccount } from "@/lib/auth/session";
import { DEFAULT_AFTER_SIGN_IN, LOGIN_PATH } from "@/lib/security/redirect";
import { logoutAction } from "../login/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("waitingTitle") };
}

/**
 * An account created at its first single sign-on, without a role the provider's claims map to, lands
 * here until the privacy manager gives it one (docs/security.md, "Single sign-on").
 */
export default async function WaitingForAccessPage() {
  const account = await getSessionAccount();
  if (!account) redirect(LOGIN_PATH);
  if (account.role) redirect(DEFAULT_AFTER_SIGN_IN);
  const [t, ta] = await Promise.all([getTranslations("auth"), getTranslations("app")]);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div className="mb-6 flex items-start justify-between gap-2">
          <div>
            <p className="text-sm text-slate-600">{ta("tagline")}</p>
            <p className="text-xl font-bold">{ta("name")}</p>
          </div>
          <LanguageSwitch />
        </div>
        <h1 className="mb-3 text-lg font-semibold">{t("waitingTitle")}</h1>
        <p className="mb-6 text-sm text-slate-700">{t("waitingBody", { email: account.email })}</p>
        <form action={logoutAction}>
          <Button type="submit" variant="secondary" className="w-full">
            {t("signOut")}
          </Button>
        </form>
      </div>
    </main>
  );
}
