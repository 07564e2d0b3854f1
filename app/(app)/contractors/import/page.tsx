import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ContractorImport } from "@/components/contractors/contractor-import";
import { requirePageUser } from "@/lib/auth/session";
import { CONTRACTOR_WRITERS } from "@/lib/contractors/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contractors.import"))("title") };
}

export default async function ContractorImportPage() {
  await requirePageUser(CONTRACTOR_WRITERS);
  return <ContractorImport />;
}
