import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { RegisterList } from "@/components/regulations/register-list";
import { regulationKeys } from "@/components/regulations/keys";
import { listOwnerOptions, listRegulations } from "@/db/queries/regulations";
import { requirePageUser } from "@/lib/auth/session";
import { REGULATION_WRITERS } from "@/lib/regulations/roles";
import { listSearch, parseListParams } from "@/lib/list/params";
import { listRegulationsQuery } from "@/lib/regulations/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("regulations"))("title") };
}

export default async function RegulationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const filters = parseListParams(listRegulationsQuery, await searchParams);
  const qc = new QueryClient();
  const [owners] = await Promise.all([
    listOwnerOptions(),
    qc.prefetchQuery({ queryKey: regulationKeys.list(listSearch(listRegulationsQuery, filters)), queryFn: () => listRegulations(filters) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <RegisterList canEdit={REGULATION_WRITERS.includes(user.role)} owners={owners.map((o) => ({ id: o.id, name: o.name }))} />
    </HydrationBoundary>
  );
}
