import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StructureView } from "@/components/regulations/structure-view";
import { listPosts } from "@/db/queries/pms-structure";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";
import { REGULATION_WRITERS } from "@/lib/regulations/roles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pmsStructure"))("title") };
}

export default async function StructurePage() {
  const user = await requirePageUser();
  const posts = await listPosts();
  return <StructureView initial={posts} canEdit={REGULATION_WRITERS.includes(user.role)} today={todayInTokyo()} />;
}
