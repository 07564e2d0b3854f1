import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RegulationDetail } from "@/components/regulations/regulation-detail";
import { getRegulationDetail, listOwnerOptions } from "@/db/queries/regulations";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";
import { REGULATION_WRITERS } from "@/lib/regulations/roles";
import { regulationIdParams } from "@/lib/regulations/schema";
import { EvidenceSection } from "@/components/evidence/evidence-section";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const parsed = regulationIdParams.safeParse(await params);
  const detail = parsed.success ? await getRegulationDetail(parsed.data.id) : null;
  return { title: detail?.regulation.title ?? (await getTranslations("regulations"))("title") };
}

export default async function RegulationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const parsed = regulationIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const [detail, owners] = await Promise.all([getRegulationDetail(parsed.data.id), listOwnerOptions()]);
  if (!detail) notFound();
  return (
    <div className="space-y-6">
      <RegulationDetail
        id={parsed.data.id}
        initial={detail}
        canEdit={REGULATION_WRITERS.includes(user.role)}
        owners={owners.map((o) => ({ id: o.id, name: o.name }))}
        today={todayInTokyo()}
      />
      <EvidenceSection user={user} kind="regulation" recordId={parsed.data.id} />
    </div>
  );
}
