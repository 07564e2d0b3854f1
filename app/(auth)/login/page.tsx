import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "./login-form";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { listDemoAccounts } from "@/db/queries/users";
import { headers } from "next/headers";
import { appOrigin } from "@/lib/security/origin";
import { requestOriginFromHeaders, safeRedirectPath } from "@/lib/security/redirect";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const [t, ta, { callbackUrl }, demo, h] = await Promise.all([getTranslations("auth"), getTranslations("app"), searchParams, listDemoAccounts(), headers()]);
  // Where to go after signing in: the page the proxy sent the visitor here from, if it is ours.
  const after = safeRedirectPath(callbackUrl, appOrigin(requestOriginFromHeaders(h)));
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div className="mb-6 flex items-start justify-between gap-2">
          <div>
            <p className="text-sm text-slate-600">{ta("tagline")}</p>
            <h1 className="text-xl font-bold">{ta("name")}</h1>
          </div>
          <LanguageSwitch />
        </div>
        <h2 className="mb-4 text-lg font-semibold">{t("title")}</h2>
        <LoginForm callbackUrl={after} demo={demo} />
      </div>
    </main>
  );
}
