import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { PurposesManager } from "@/components/register/purposes-manager";
import { registerKeys } from "@/components/register/keys";
import { listPurposes } from "@/db/queries/register";
import { requirePageUser } from "@/lib/auth/session";
import { REGISTER_WRITERS } from "@/lib/register/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("purposesTitle") };
}

export default async function PurposesPage() {
  const user = await requirePageUser();
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: registerKeys.purposes(false), queryFn: async () => listPurposes(false) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <PurposesManager canEdit={(REGISTER_WRITERS as readonly string[]).includes(user.role)} />
    </HydrationBoundary>
  );
}
