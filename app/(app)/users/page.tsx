import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { requirePageUser } from "@/lib/auth/session";
import { ADMINS } from "@/lib/auth/roles";
import { listUsersQuery } from "@/lib/users/schema";
import { listUsers } from "@/db/queries/users";
import { UsersAdmin } from "@/components/users/users-admin";
import { usersListKey } from "@/components/users/filters";
import { listSearch, parseListParams } from "@/lib/list/params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requirePageUser(ADMINS);
  const filter = parseListParams(listUsersQuery, await searchParams);
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: usersListKey(listSearch(listUsersQuery, filter)), queryFn: () => listUsers(filter) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <UsersAdmin currentUserId={me.id} />
    </HydrationBoundary>
  );
}
