import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StructureView } from "@/components/regulations/structure-view";
import { listPosts } from "@/db/queries/pms-structure";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";
import { REGULATION_WRITERS } from "@/lib/regulations/roles";
import { postsQuery } from "@/lib/regulations/structure-schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pmsStructure"))("title") };
}

export default async function StructurePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  // The same parameters as GET /api/v1/pms-posts (the view refetches with them).
  const query = postsQuery.safeParse(await searchParams);
  const posts = await listPosts(query.success ? { asOf: query.data.asOf, vacant: query.data.vacant === "true" } : {});
  return <StructureView initial={posts} canEdit={REGULATION_WRITERS.includes(user.role)} today={todayInTokyo()} />;
}
