import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ContractorDetailView } from "@/components/contractors/contractor-detail";
import { getCurrentTemplate } from "@/db/queries/assessments";
import { getContractorDetail } from "@/db/queries/contractors";
import { requirePageUser } from "@/lib/auth/session";
import { CONTRACTOR_WRITERS, idParams } from "@/lib/contractors/schema";
import { EvidenceSection } from "@/components/evidence/evidence-section";
import { ContractorItems } from "@/components/register/item-links";
import { listContractorItems } from "@/db/queries/register-links";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const parsed = idParams.safeParse(await params);
  const detail = parsed.success ? await getContractorDetail(parsed.data.id, "ja") : null;
  return { title: detail?.contractor.name ?? (await getTranslations("contractors"))("registerTitle") };
}

export default async function ContractorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const parsed = idParams.safeParse(await params);
  if (!parsed.success) notFound();
  const locale = (await getLocale()) === "en" ? "en" : "ja";
  const [detail, template, items] = await Promise.all([getContractorDetail(parsed.data.id, locale), getCurrentTemplate(), listContractorItems(parsed.data.id)]);
  if (!detail) notFound();
  return (
    <div className="space-y-6">
      <ContractorDetailView
        id={parsed.data.id}
        initial={detail}
        canEdit={(CONTRACTOR_WRITERS as readonly string[]).includes(user.role)}
        thresholds={template ? { approvedMin: template.approvedMin, conditionalMin: template.conditionalMin } : null}
      />
      <ContractorItems items={items} />
      <EvidenceSection user={user} kind="contractor" recordId={parsed.data.id} />
    </div>
  );
}
