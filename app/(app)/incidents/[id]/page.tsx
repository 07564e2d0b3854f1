import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { incidentKeys } from "@/components/incidents/keys";
import { IncidentDetail } from "@/components/incidents/incident-detail";
import { getIncidentDetail } from "@/db/queries/incidents";
import { listDepartmentOptions } from "@/db/queries/training-records";
import { listPickableItems } from "@/db/queries/register-links";
import { ADMINS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";
import { incidentIdParams } from "@/lib/incidents/schema";
import { EvidenceSection } from "@/components/evidence/evidence-section";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const parsed = incidentIdParams.safeParse(await params);
  const detail = parsed.success ? await getIncidentDetail(parsed.data.id) : null;
  return { title: detail ? `${detail.incident.reference} ${detail.incident.title}` : (await getTranslations("incidents"))("title") };
}

export default async function IncidentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const parsed = incidentIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const [detail, departments, registerItems] = await Promise.all([getIncidentDetail(parsed.data.id), listDepartmentOptions({ includeRetired: true }), listPickableItems()]);
  if (!detail) notFound();
  const qc = new QueryClient();
  qc.setQueryData(incidentKeys.detail(parsed.data.id), detail);
  return (
    <div className="space-y-6">
      <HydrationBoundary state={dehydrate(qc)}>
        <IncidentDetail id={parsed.data.id} canManage={ADMINS.includes(user.role)} departments={departments} registerItems={registerItems} created={(await searchParams).created === "1"} today={todayInTokyo()} />
      </HydrationBoundary>
      <EvidenceSection user={user} kind="incident" recordId={parsed.data.id} />
    </div>
  );
}
