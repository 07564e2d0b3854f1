import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReadinessView } from "@/components/renewal/readiness-view";
import { getRenewalReadiness } from "@/db/queries/renewal-readiness";
import { requirePageUser } from "@/lib/auth/session";
import { RENEWAL_READERS } from "@/lib/renewal/roles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("renewal"))("title") };
}

/** Renewal readiness (docs/domain.md, "Renewal readiness"): the privacy manager, the executive and the auditor. */
export default async function RenewalReadinessPage() {
  await requirePageUser(RENEWAL_READERS);
  return <ReadinessView data={await getRenewalReadiness()} />;
}
