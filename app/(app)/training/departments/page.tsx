import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { requirePageUser } from "@/lib/auth/session";
import { TRAINING_WRITERS, hasRole } from "@/lib/auth/roles";
import { listDepartmentsQuery } from "@/lib/training/departments-schema";
import { parseListParams } from "@/lib/list/params";
import { listDepartments } from "@/db/queries/departments";
import { DepartmentsView } from "@/components/training/departments/departments-view";
import { departmentKeys } from "@/components/training/departments/keys";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("departments");
  return { title: t("title") };
}

export default async function DepartmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const query = parseListParams(listDepartmentsQuery, await searchParams);
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: departmentKeys.list(query), queryFn: () => listDepartments(query) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <DepartmentsView canEdit={hasRole(user.role, TRAINING_WRITERS)} />
    </HydrationBoundary>
  );
}
