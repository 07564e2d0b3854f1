import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { ContractorList } from "@/components/contractors/contractor-list";
import { contractorKeys } from "@/components/contractors/keys";
import { listContractors } from "@/db/queries/contractors";
import { requirePageUser } from "@/lib/auth/session";
import { CONTRACTOR_WRITERS, listContractorsQuery } from "@/lib/contractors/schema";
import { listSearch, parseListParams } from "@/lib/list/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contractors"))("registerTitle") };
}

export default async function ContractorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const filters = parseListParams(listContractorsQuery, await searchParams);
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: contractorKeys.list(listSearch(listContractorsQuery, filters)), queryFn: () => listContractors(filters) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <ContractorList canEdit={(CONTRACTOR_WRITERS as readonly string[]).includes(user.role)} />
    </HydrationBoundary>
  );
}
