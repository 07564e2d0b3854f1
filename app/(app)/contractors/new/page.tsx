import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ContractorForm } from "@/components/contractors/contractor-form";
import { requirePageUser } from "@/lib/auth/session";
import { CONTRACTOR_WRITERS } from "@/lib/contractors/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contractors"))("newTitle") };
}

export default async function NewContractorPage() {
  await requirePageUser(CONTRACTOR_WRITERS);
  return <ContractorForm />;
}
