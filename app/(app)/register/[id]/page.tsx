import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { ItemDetailView } from "@/components/register/item-detail";
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
  const qc = new QueryClient();
  qc.setQueryData(registerKeys.detail(id), detail);
  if (history) qc.setQueryData(registerKeys.history(id), history);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      {/* The risk analysis (components/register/risks/risk-analysis.tsx, the `risk` part) goes in as `riskAnalysis={<RiskAnalysis itemId={id} />}` once it exists. */}
      <ItemDetailView id={id} canEdit={(REGISTER_WRITERS as readonly string[]).includes(user.role)} />
    </HydrationBoundary>
  );
}
