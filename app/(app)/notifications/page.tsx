import type { Metadata } from "next";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getLocale, getTranslations } from "next-intl/server";
import { notificationKeys } from "@/components/notifications/keys";
import { NotificationList } from "@/components/notifications/notification-list";
import { listNotifications } from "@/db/queries/notifications";
import { requirePageUser } from "@/lib/auth/session";
import { listSearch, parseListParams } from "@/lib/list/params";
import { listNotificationsQuery } from "@/lib/notifications/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const locale = (await getLocale()) === "en" ? "en" : "ja";
  const filters = parseListParams(listNotificationsQuery, await searchParams);
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: notificationKeys.list(listSearch(listNotificationsQuery, filters)), queryFn: () => listNotifications(user, filters, locale) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <NotificationList />
    </HydrationBoundary>
  );
}
