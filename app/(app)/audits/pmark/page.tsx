import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PmarkView } from "@/components/audits/pmark-view";
import { getCurrentCertificate } from "@/db/queries/pmark";
import { PMARK_OWNERS } from "@/lib/audits/roles";
import { requirePageUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pmark"))("title") };
}

export default async function PmarkPage() {
  const user = await requirePageUser();
  return <PmarkView initial={await getCurrentCertificate()} canEdit={PMARK_OWNERS.includes(user.role)} />;
}
