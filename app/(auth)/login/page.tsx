import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "./login-form";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { listDemoAccounts } from "@/db/queries/users";
import { headers } from "next/headers";
import { appOrigin } from "@/lib/security/origin";
import { requestOriginFromHeaders, safeRedirectPath } from "@/lib/security/redirect";
import { ssoProviders } from "@/lib/auth";
import { env } from "@/lib/env";

/** A refused single sign-on comes back here with ?error= (the signIn callback, or Auth.js's own codes). */
const SSO_ERRORS: Record<string, string> = {
  sso_email_unverified: "ssoEmailUnverified",
  sso_deactivated: "ssoDeactivated",
  sso_no_subject: "ssoFailed",
  sso_failed: "ssoFailed",
};

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> }) {
  const [t, ta, { callbackUrl, error }, demo, h] = await Promise.all([getTranslations("auth"), getTranslations("app"), searchParams, listDemoAccounts(), headers()]);
  const errorCode = typeof error === "string" ? error : undefined;
  // Any other error Auth.js reports (a refused token, a provider that did not answer) is a failed single
  // sign-on; a refused password posted to Auth.js directly (CredentialsSignin) is answered on the form.
  const notice = errorCode && errorCode !== "CredentialsSignin" ? t(SSO_ERRORS[errorCode] ?? "ssoFailed") : undefined;
  const passwordSignIn = env().signInPolicy.passwordSignIn;
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
        <LoginForm callbackUrl={after} demo={passwordSignIn ? demo : []} sso={ssoProviders()} passwordSignIn={passwordSignIn} notice={notice} />
      </div>
    </main>
  );
}
