import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { requirePageUser } from "@/lib/auth/session";
import { TRAINING_WRITERS, hasRole } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/api/errors";
import { employeeIdParams } from "@/lib/training/employees-schema";
import { listDepartments } from "@/db/queries/departments";
import { getEmployee, getEmployeeHistory } from "@/db/queries/employees";
import { EmployeeDetail } from "@/components/training/employees/employee-detail";
import { employeeKeys } from "@/components/training/employees/keys";
import { DEPARTMENT_OPTIONS_QUERY, departmentKeys } from "@/components/training/departments/keys";

type Props = { params: Promise<{ id: string }> };

async function load(params: Props["params"]) {
  const parsed = employeeIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  try {
    return await getEmployee(parsed.data.id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("employees");
  const parsed = employeeIdParams.safeParse(await params);
  if (!parsed.success) return { title: t("title") };
  const e = await getEmployee(parsed.data.id).catch(() => null);
  return { title: e ? `${e.name}${(await getTranslations("common"))("inParens", { text: e.employeeNumber })}` : t("title") };
}

export default async function EmployeePage({ params }: Props) {
  const user = await requirePageUser();
  const employee = await load(params);
  const qc = new QueryClient();
  qc.setQueryData(employeeKeys.detail(employee.id), employee);
  await Promise.all([
    qc.prefetchQuery({ queryKey: [...employeeKeys.history(employee.id), employee.version], queryFn: () => getEmployeeHistory(employee.id) }),
    qc.prefetchQuery({ queryKey: departmentKeys.options(), queryFn: () => listDepartments(DEPARTMENT_OPTIONS_QUERY).then((p) => p.items) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <EmployeeDetail id={employee.id} canEdit={hasRole(user.role, TRAINING_WRITERS)} />
    </HydrationBoundary>
  );
}
