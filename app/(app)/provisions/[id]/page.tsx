import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { provisionKeys } from "@/components/provisions/keys";
import { ProvisionDetail } from "@/components/provisions/provision-detail";
import { getProvision, listProvisionOptions } from "@/db/queries/provisions";
import { listRegisterItemOptions } from "@/db/queries/requests";
import { ADMINS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { todayInTokyo } from "@/lib/dates";
import { provisionIdParams } from "@/lib/provisions/schema";
import { REQUEST_READERS } from "@/lib/requests/roles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provisions"))("title") };
}

export default async function ProvisionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(REQUEST_READERS);
  const parsed = provisionIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const [p, options, registerItems] = await Promise.all([getProvision(parsed.data.id), listProvisionOptions(), listRegisterItemOptions()]);
  if (!p) notFound();
  const qc = new QueryClient();
  qc.setQueryData(provisionKeys.detail(p.id), p);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <ProvisionDetail
        id={p.id}
        canManage={ADMINS.includes(user.role)}
        contractors={options.contractors}
        jointUses={options.jointUses}
        registerItems={registerItems}
        created={(await searchParams).created === "1"}
        today={todayInTokyo()}
      />
    </HydrationBoundary>
  );
}
