import type { Metadata } from "next";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Dashboard } from "@/components/dashboard/dashboard";
import { PageHeader } from "@/components/ui/card";
import { getDashboardSummary } from "@/db/queries/dashboard";
import type { DashboardSummaryDto } from "@/lib/dashboard/schema";
import { requirePageUser } from "@/lib/auth/session";
import { dashboardQuery } from "@/lib/dashboard/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

/** ?fy= picks the fiscal year; anything unreadable falls back to the current one. */
function fyFrom(sp: Record<string, string | string[] | undefined>): number | null {
  const raw = Array.isArray(sp.fy) ? sp.fy[0] : sp.fy;
  const parsed = dashboardQuery.safeParse({ fy: raw });
  return parsed.success && parsed.data.fy !== undefined ? parsed.data.fy : null;
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const t = await getTranslations("dashboard");
  const fy = fyFrom(await searchParams);
  // The cards are read through the same function as the API (no HTTP to ourselves) and rendered here,
  // so their figures are in the first HTML; the score's monthly recomputation is heavier and loads in
  // its own panel, behind its own skeleton.
  let summary: DashboardSummaryDto | null = null;
  try {
    summary = await getDashboardSummary({ fiscalYear: fy ?? undefined });
  } catch (err) {
    unstable_rethrow(err);
    console.error("dashboard: the summary could not be read", err);
  }
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Dashboard role={user.role} fy={fy} summary={summary} />
    </>
  );
}
