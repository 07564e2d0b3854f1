import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CalendarView } from "@/components/audits/calendar/calendar-view";
import { SubscribePanel } from "@/components/audits/calendar/subscribe-panel";
import { PageHeader } from "@/components/ui/card";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { requirePageUser } from "@/lib/auth/session";
import { parseCalendarSearchParams } from "@/lib/calendar/view-params";
import { todayInTokyo } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calendar"))("title") };
}

/** Every role sees the calendar (each type only when the role may read its module) and may have a feed. */
export default async function AuditCalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser();
  const t = await getTranslations("calendar");
  const today = todayInTokyo();
  const startMonth = await getFiscalYearStartMonth();
  const state = parseCalendarSearchParams(await searchParams, today, startMonth);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <CalendarView state={state} today={today} startMonth={startMonth} />
      <SubscribePanel />
    </div>
  );
}
