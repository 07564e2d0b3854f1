import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { requestKeys } from "@/components/requests/keys";
import { RequestList } from "@/components/requests/request-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { getRequestSettings, listRequests } from "@/db/queries/requests";
import { ADMINS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { listSearch, parseListParams } from "@/lib/list/params";
import { REQUEST_READERS } from "@/lib/requests/roles";
import { listRequestsQuery } from "@/lib/requests/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("title") };
}

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(REQUEST_READERS);
  const t = await getTranslations("requests.list");
  const filters = parseListParams(listRequestsQuery, await searchParams);
  const qc = new QueryClient();
  const [, settings] = await Promise.all([
    qc.prefetchQuery({ queryKey: requestKeys.list(listSearch(listRequestsQuery, filters)), queryFn: () => listRequests(filters) }),
    getRequestSettings(),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <div className="space-y-4">
        <PageHeader
          title={t("heading")}
          description={t("description", { days: settings.targetDays, fee: settings.feeExclTax.toLocaleString(), rate: settings.taxRatePercent, months: settings.retentionMonths })}
          actions={
            ADMINS.includes(user.role) ? (
              <ButtonLink href="/requests/new" variant="primary">
                {t("new")}
              </ButtonLink>
            ) : null
          }
        />
        <RequestList />
      </div>
    </HydrationBoundary>
  );
}
