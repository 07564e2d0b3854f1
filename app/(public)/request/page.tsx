import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { PublicRequestForm } from "@/components/requests/public-request-form";
import { getOrganization } from "@/db/queries/settings";
import { getRequestSettings } from "@/db/queries/requests";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests.public"))("title") };
}

/**
 * The public intake page for requests from individuals (docs/domain.md §7): no sign-in, off unless the
 * privacy manager turns it on (settings, "Requests from individuals"); the company links it from its
 * privacy policy. The form posts to POST /api/v1/public/requests (limited per client address).
 */
export default async function PublicRequestPage() {
  const [settings, organization, t] = await Promise.all([getRequestSettings(), getOrganization(), getTranslations("requests.public")]);
  if (!settings.publicIntake) notFound();
  return (
    <main className="mx-auto max-w-2xl p-4 sm:py-10">
      <div className="mb-6 flex items-start justify-between gap-3">
        <div>
          {organization.name ? <p className="text-sm text-slate-600">{organization.name}</p> : null}
          <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        </div>
        <LanguageSwitch />
      </div>
      <div className="space-y-3 text-sm text-slate-700">
        <p>{t("intro")}</p>
        <p>{t("identity")}</p>
        <p>{t("fee", { fee: settings.feeExclTax })}</p>
      </div>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <PublicRequestForm targetDays={settings.targetDays} />
      </div>
    </main>
  );
}
