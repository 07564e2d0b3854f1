import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { EvidenceSection } from "@/components/evidence/evidence-section";
import { ItemDetailView } from "@/components/register/item-detail";
import { ItemLinks } from "@/components/register/item-links";
import { RiskAnalysis } from "@/components/register/risks/risk-analysis";
import { registerKeys } from "@/components/register/keys";
import { getItemDetail, itemHistory } from "@/db/queries/register";
import { requirePageUser } from "@/lib/auth/session";
import { REGISTER_WRITERS, itemIdParams } from "@/lib/register/schema";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const parsed = itemIdParams.safeParse(await params);
  const detail = parsed.success ? await getItemDetail(parsed.data.id) : null;
  return { title: detail?.item.name ?? (await getTranslations("register"))("title") };
}

export default async function RegisterItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const parsed = itemIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const id = parsed.data.id;
  const [detail, history] = await Promise.all([getItemDetail(id), itemHistory(id)]);
  if (!detail) notFound();
  const canEdit = (REGISTER_WRITERS as readonly string[]).includes(user.role);
  const qc = new QueryClient();
  qc.setQueryData(registerKeys.detail(id), detail);
  if (history) qc.setQueryData(registerKeys.history(id), history);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      {/* The risk analysis and the item's links (incidents, contractors) are the risk part's components. */}
      <ItemDetailView
        id={id}
        canEdit={canEdit}
        riskAnalysis={
          <div className="space-y-4">
            <RiskAnalysis itemId={id} canEdit={canEdit} />
            <ItemLinks itemId={id} />
          </div>
        }
      />
      <div className="mt-6">
        <EvidenceSection user={user} kind="register_item" recordId={id} />
      </div>
    </HydrationBoundary>
  );
}
