import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CorrespondenceView } from "@/components/renewal/correspondence-view";
import { getCorrespondence } from "@/db/queries/renewal-correspondence";
import { requirePageUser } from "@/lib/auth/session";
import { CORRESPONDENCE_WRITERS, RENEWAL_READERS } from "@/lib/renewal/roles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("renewal.correspondence"))("title") };
}

/** The correspondence table of the regulations to the P-mark guideline's clauses (docs/domain.md, "Correspondence table"). */
export default async function CorrespondencePage() {
  const user = await requirePageUser(RENEWAL_READERS);
  return <CorrespondenceView initial={await getCorrespondence()} canEdit={CORRESPONDENCE_WRITERS.includes(user.role)} />;
}
