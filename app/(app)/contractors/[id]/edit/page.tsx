import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ContractorForm } from "@/components/contractors/contractor-form";
import { getContractor } from "@/db/queries/contractors";
import { requirePageUser } from "@/lib/auth/session";
import { CONTRACTOR_WRITERS, idParams } from "@/lib/contractors/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contractors"))("editTitle") };
}

export default async function EditContractorPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser(CONTRACTOR_WRITERS);
  const parsed = idParams.safeParse(await params);
  if (!parsed.success) notFound();
  const contractor = await getContractor(parsed.data.id);
  if (!contractor) notFound();
  return <ContractorForm contractor={contractor} />;
}
