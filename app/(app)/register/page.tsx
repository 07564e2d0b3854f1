import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { RegisterList } from "@/components/register/register-list";
import { registerKeys } from "@/components/register/keys";
import { listItems } from "@/db/queries/register";
import { requirePageUser } from "@/lib/auth/session";
import { listSearch, parseListParams } from "@/lib/list/params";
import { REGISTER_WRITERS, listItemsQuery } from "@/lib/register/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("title") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const filters = parseListParams(listItemsQuery, await searchParams);
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: registerKeys.list(listSearch(listItemsQuery, filters)), queryFn: () => listItems(filters) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <RegisterList canEdit={(REGISTER_WRITERS as readonly string[]).includes(user.role)} />
    </HydrationBoundary>
  );
}
