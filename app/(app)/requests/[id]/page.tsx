import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { requestKeys } from "@/components/requests/keys";
import { RequestDetail } from "@/components/requests/request-detail";
import { getRequest, listRegisterItemOptions } from "@/db/queries/requests";
import { ADMINS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";
import { REQUEST_READERS } from "@/lib/requests/roles";
import { requestIdParams } from "@/lib/requests/schema";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const parsed = requestIdParams.safeParse(await params);
  const r = parsed.success ? await getRequest(parsed.data.id) : null;
  return { title: r ? r.reference : (await getTranslations("requests"))("title") };
}

export default async function RequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(REQUEST_READERS);
  const parsed = requestIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const [r, registerItems] = await Promise.all([getRequest(parsed.data.id), listRegisterItemOptions()]);
  if (!r) notFound();
  const qc = new QueryClient();
  qc.setQueryData(requestKeys.detail(r.id), r);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <RequestDetail id={r.id} canManage={ADMINS.includes(user.role)} registerItems={registerItems} created={(await searchParams).created === "1"} today={todayInTokyo()} />
    </HydrationBoundary>
  );
}
