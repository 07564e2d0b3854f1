import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { ADMINS } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import { getOrganization, getSecuritySettings, getSettings } from "@/db/queries/settings";
import { databaseKind } from "@/db/queries/health";
import { PageHeader } from "@/components/ui/card";
import { FiscalYearSettings } from "@/components/settings/fiscal-year-settings";
import { OrganizationSettings } from "@/components/settings/organization-settings";
import { SecuritySettings } from "@/components/settings/security-settings";
import { SystemInfo } from "@/components/settings/system-info";
import { EvidenceSettings } from "@/components/settings/evidence-settings";
import { RequestSettingsCard } from "@/components/settings/request-settings";
import { TrainingReminderSettings } from "@/components/settings/training-reminder-settings";
import { AuditChainStatus, AuditChainStatusSkeleton } from "@/components/settings/audit-chain-status";
import pkg from "@/package.json";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const user = await requirePageUser(ADMINS);
  const [t, settings, organization, security, dbKind] = await Promise.all([
    getTranslations("settings"),
    getSettings(),
    getOrganization(),
    getSecuritySettings(),
    databaseKind(),
  ]);
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <OrganizationSettings initial={organization} />
        <FiscalYearSettings initial={settings} today={todayInTokyo()} />
        <SecuritySettings initial={security} />
        <EvidenceSettings />
        <RequestSettingsCard />
        <TrainingReminderSettings />
        <SystemInfo dbKind={dbKind} version={pkg.version} />
        {user.role === "privacy_manager" ? (
          <Suspense fallback={<AuditChainStatusSkeleton title={t("auditChain.title")} />}>
            <AuditChainStatus />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
