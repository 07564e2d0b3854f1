import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { requirePageUser } from "@/lib/auth/session";
import { TRAINING_WRITERS, hasRole } from "@/lib/auth/roles";
import { listEmployeesQuery } from "@/lib/training/employees-schema";
import { parseListParams } from "@/lib/list/params";
import { listDepartments } from "@/db/queries/departments";
import { listEmployees } from "@/db/queries/employees";
import { EmployeesView } from "@/components/training/employees/employees-view";
import { employeeKeys } from "@/components/training/employees/keys";
import { DEPARTMENT_OPTIONS_QUERY, departmentKeys } from "@/components/training/departments/keys";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("employees");
  return { title: t("title") };
}

export default async function EmployeesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const query = parseListParams(listEmployeesQuery, await searchParams);
  const qc = new QueryClient();
  await Promise.all([
    qc.prefetchQuery({ queryKey: employeeKeys.list(query), queryFn: () => listEmployees(query) }),
    qc.prefetchQuery({ queryKey: departmentKeys.options(), queryFn: () => listDepartments(DEPARTMENT_OPTIONS_QUERY).then((p) => p.items) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <EmployeesView canEdit={hasRole(user.role, TRAINING_WRITERS)} />
    </HydrationBoundary>
  );
}
