import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { provisionKeys } from "@/components/provisions/keys";
import { ProvisionList } from "@/components/provisions/provision-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { listProvisions } from "@/db/queries/provisions";
import { ADMINS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { listSearch, parseListParams } from "@/lib/list/params";
import { listProvisionsQuery } from "@/lib/provisions/schema";
import { REQUEST_READERS } from "@/lib/requests/roles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provisions"))("title") };
}

export default async function ProvisionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(REQUEST_READERS);
  const t = await getTranslations("provisions.list");
  const filters = parseListParams(listProvisionsQuery, await searchParams);
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: provisionKeys.list(listSearch(listProvisionsQuery, filters)), queryFn: () => listProvisions(filters) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <div className="space-y-4">
        <PageHeader
          title={t("heading")}
          description={t("description")}
          actions={
            <div className="flex flex-wrap gap-2">
              <ButtonLink href="/provisions/joint-uses">{t("jointUses")}</ButtonLink>
              {ADMINS.includes(user.role) ? (
                <ButtonLink href="/provisions/new" variant="primary">
                  {t("new")}
                </ButtonLink>
              ) : null}
            </div>
          }
        />
        <ProvisionList />
      </div>
    </HydrationBoundary>
  );
}
