import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { notificationKeys } from "@/components/notifications/keys";
import { NotificationAdmin } from "@/components/notifications/notification-admin";
import { listDeliveries } from "@/db/queries/notification-outbox";
import { getLeadDays } from "@/db/queries/notifications";
import { getWebhooks } from "@/db/queries/notification-webhooks";
import { ADMINS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { listSearch, parseListParams } from "@/lib/list/params";
import { deliveryQuery } from "@/lib/notifications/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("deliveries.title") };
}

export default async function NotificationDeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(ADMINS);
  const filters = parseListParams(deliveryQuery, await searchParams);
  const qc = new QueryClient();
  const [lead, webhooks] = await Promise.all([getLeadDays(), getWebhooks(), qc.prefetchQuery({ queryKey: notificationKeys.deliveries(listSearch(deliveryQuery, filters)), queryFn: () => listDeliveries(filters) })]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <NotificationAdmin initialLead={lead} initialWebhooks={webhooks} />
    </HydrationBoundary>
  );
}
