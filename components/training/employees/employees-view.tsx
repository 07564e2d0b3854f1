"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toQueryString } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import {
  EMPLOYEE_STATUS_FILTERS,
  EMPLOYMENT_TYPES,
  listEmployeesQuery,
  type EmployeeDto,
  type EmploymentType,
  type ListEmployeesQuery,
} from "@/lib/training/employees-schema";
import { listSearch, parseListParams } from "@/lib/training/employees-list-params";
import { Alert, PageHeader } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import { DataTable, Pagination, type Column } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { departmentKeys } from "../departments/keys";
import { fetchDepartmentOptions } from "../departments/queries";
import { EmployeeBadges } from "./badges";
import { EmployeeFormDialog } from "./employee-form";
import { LIST_DEFAULTS, employeeKeys } from "./keys";
import { fetchEmployees } from "./queries";

export function EmployeesView({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("employees");
  const tc = useTranslations("common");
  const tt = useTranslations("employmentTypes");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = parseListParams(listEmployeesQuery, searchParams);

  const list = useQuery({ queryKey: employeeKeys.list(query), queryFn: () => fetchEmployees(query), placeholderData: keepPreviousData });
  const departments = useQuery({ queryKey: departmentKeys.options(), queryFn: fetchDepartmentOptions });

  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<EmployeeDto | null>(null);

  function setQuery(next: Partial<ListEmployeesQuery>) {
    const q = { ...query, page: 1, ...next };
    router.replace(`${pathname}${listSearch(q, LIST_DEFAULTS)}`, { scroll: false });
  }

  function onSearch(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setQuery({ q: String(new FormData(e.currentTarget).get("q") ?? "").trim() || undefined });
  }

  const { page: _p, pageSize: _ps, ...filters } = query;
  void _p;
  void _ps;
  const exportHref = `/api/v1/employees/export.csv${toQueryString(filters)}`;
  const hasFilters = Boolean(query.q || query.departmentId || query.employmentType || query.exempt || query.status !== LIST_DEFAULTS.status);

  const columns: Column<EmployeeDto>[] = [
    {
      key: "number",
      header: t("fields.employeeNumber"),
      sort: "number",
      className: "whitespace-nowrap",
      cell: (e) => (
        <Link href={`/training/employees/${e.id}`} className="font-mono font-medium text-brand-700 underline-offset-2 hover:underline" aria-label={t("viewDetails", { name: e.name })}>
          {e.employeeNumber}
        </Link>
      ),
    },
    {
      key: "name",
      header: t("fields.name"),
      sort: "name",
      className: "whitespace-nowrap",
      cell: (e) => (
        <Link href={`/training/employees/${e.id}`} className="block hover:text-brand-700">
          <span className="block font-medium text-slate-900">{e.name}</span>
          {e.nameKana ? <span className="block text-xs text-slate-600">{e.nameKana}</span> : null}
        </Link>
      ),
    },
    {
      key: "department",
      header: t("fields.departmentId"),
      sort: "department",
      className: "whitespace-nowrap",
      cell: (e) => (
        <span>
          <span className="font-mono text-xs text-slate-600">{e.departmentCode}</span> {e.departmentRetired ? t("retiredDepartment", { name: e.departmentName }) : e.departmentName}
        </span>
      ),
    },
    { key: "type", header: t("fields.employmentType"), className: "whitespace-nowrap", cell: (e) => tt(e.employmentType) },
    { key: "hireDate", header: t("fields.hireDate"), sort: "hireDate", className: "whitespace-nowrap", cell: (e) => formatDate(e.hireDate) },
    { key: "leaveDate", header: t("fields.leaveDate"), className: "whitespace-nowrap", cell: (e) => formatDate(e.leaveDate) },
    { key: "status", header: t("fields.status"), className: "min-w-24", cell: (e) => <EmployeeBadges employee={e} /> },
  ];

  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <a
              href={exportHref}
              download
              className="inline-flex min-h-9 items-center justify-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
            >
              {tc("exportCsv")}
            </a>
            {canEdit ? (
              <>
                <ButtonLink href="/training/employees/import">{t("importCsv")}</ButtonLink>
                <Button
                  onClick={() => {
                    setCreated(null);
                    setFormOpen(true);
                  }}
                >
                  {t("add")}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {!canEdit ? <p className="-mt-3 mb-4 text-sm text-slate-600">{t("readOnly")}</p> : null}
      {created ? (
        <div className="mb-4">
          <Alert tone="success">
            {t("created", { name: created.name })}{" "}
            <Link href={`/training/employees/${created.id}`} className="font-medium underline">
              {tc("details")}
            </Link>
          </Alert>
        </div>
      ) : null}

      <section aria-label={t("filters.label")} className="mb-4 rounded-lg border border-slate-200 bg-white p-3">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(14rem,2fr)_repeat(4,minmax(9rem,1fr))]">
          <form onSubmit={onSearch} role="search" className="flex items-end gap-2">
            <div className="min-w-0 flex-1">
              <TextField key={query.q ?? ""} label={t("filters.search")} name="q" type="search" defaultValue={query.q ?? ""} placeholder={t("filters.searchPlaceholder")} />
            </div>
            <Button type="submit" variant="secondary">
              {t("filters.apply")}
            </Button>
          </form>
          <SelectField
            label={t("filters.department")}
            value={query.departmentId ? String(query.departmentId) : ""}
            onChange={(e) => setQuery({ departmentId: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">{t("filters.allDepartments")}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.code} {d.retiredAt ? t("retiredDepartment", { name: d.name }) : d.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("filters.employmentType")}
            value={query.employmentType ?? ""}
            onChange={(e) => setQuery({ employmentType: (e.target.value || undefined) as EmploymentType | undefined })}
          >
            <option value="">{t("filters.allTypes")}</option>
            {EMPLOYMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {tt(type)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("filters.status")} value={query.status} onChange={(e) => setQuery({ status: e.target.value as ListEmployeesQuery["status"] })}>
            {EMPLOYEE_STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`statusFilter.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("filters.exempt")} value={query.exempt ?? ""} onChange={(e) => setQuery({ exempt: (e.target.value || undefined) as ListEmployeesQuery["exempt"] })}>
            <option value="">{t("filters.exemptAny")}</option>
            <option value="true">{t("filters.exemptOnly")}</option>
            <option value="false">{t("filters.notExempt")}</option>
          </SelectField>
        </div>
        {hasFilters ? (
          <div className="mt-2 flex justify-end">
            <Button variant="ghost" onClick={() => router.replace(pathname, { scroll: false })}>
              {tc("clearFilters")}
            </Button>
          </div>
        ) : null}
      </section>

      <DataTable
        caption={t("caption")}
        columns={columns}
        rows={list.data?.items}
        rowKey={(e) => e.id}
        loading={list.isFetching}
        error={list.isError && !list.data ? list.error : undefined}
        onRetry={() => void list.refetch()}
        sort={{ sort: query.sort, dir: query.dir }}
        onSort={(s) => setQuery({ sort: s.sort as ListEmployeesQuery["sort"], dir: s.dir })}
      />
      {list.data && list.data.total > 0 ? (
        <Pagination page={query.page} pageSize={query.pageSize} total={list.data.total} onPage={(page) => setQuery({ page })} onPageSize={(pageSize) => setQuery({ pageSize })} />
      ) : null}

      <EmployeeFormDialog
        open={formOpen}
        employee={null}
        onClose={() => setFormOpen(false)}
        onSaved={(e) => {
          setFormOpen(false);
          setCreated(e);
        }}
      />
    </div>
  );
}
