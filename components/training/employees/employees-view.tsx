"use client";

import Link from "@/components/ui/link";
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { formatDate } from "@/lib/dates";
import { FLAG_VALUES } from "@/lib/list/params";
import { EMPLOYEE_STATUS_FILTERS, EMPLOYMENT_TYPES, exportEmployeesQuery, listEmployeesQuery, type EmployeeDto } from "@/lib/training/employees-schema";
import { Alert, PageHeader } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import type { Column } from "@/components/ui/data-table";
import { EnumSelect, IdSelect } from "@/components/ui/field";
import { FilterBar, ListTable, useListParams } from "@/components/ui/list";
import { departmentKeys } from "../departments/keys";
import { fetchDepartmentOptions } from "../departments/queries";
import { EmployeeBadges } from "./badges";
import { EmployeeFormDialog } from "./employee-form";
import { employeeKeys } from "./keys";
import { fetchEmployees } from "./queries";

export function EmployeesView({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("employees");
  const tc = useTranslations("common");
  const tt = useTranslations("employmentTypes");
  const listParams = useListParams(listEmployeesQuery);
  const { values: query, update: setQuery } = listParams;

  const list = useQuery({ queryKey: employeeKeys.list(query), queryFn: () => fetchEmployees(query), placeholderData: keepPreviousData });
  const departments = useQuery({ queryKey: departmentKeys.options(), queryFn: fetchDepartmentOptions });

  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<EmployeeDto | null>(null);

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

      <FilterBar
        label={t("filters.label")}
        className="mb-4"
        search={{ label: t("filters.search"), placeholder: t("filters.searchPlaceholder") }}
        params={listParams}
        total={list.data?.total}
        exportTo={{ path: "/api/v1/employees/export.csv", schema: exportEmployeesQuery }}
      >
        <IdSelect
          label={t("filters.department")}
          options={(departments.data ?? []).map((d) => ({ id: d.id, label: `${d.code} ${d.retiredAt ? t("retiredDepartment", { name: d.name }) : d.name}` }))}
          value={query.departmentId}
          empty={t("filters.allDepartments")}
          onValueChange={(departmentId) => setQuery({ departmentId })}
        />
        <EnumSelect
          label={t("filters.employmentType")}
          values={EMPLOYMENT_TYPES}
          value={query.employmentType}
          empty={t("filters.allTypes")}
          optionLabel={(type) => tt(type)}
          onValueChange={(employmentType) => setQuery({ employmentType })}
        />
        <EnumSelect
          label={t("filters.status")}
          values={EMPLOYEE_STATUS_FILTERS}
          value={query.status}
          optionLabel={(s) => t(`statusFilter.${s}`)}
          onValueChange={(status) => setQuery({ status })}
        />
        <EnumSelect
          label={t("filters.exempt")}
          values={FLAG_VALUES}
          value={query.exempt}
          empty={t("filters.exemptAny")}
          optionLabel={(v) => (v === "true" ? t("filters.exemptOnly") : t("filters.notExempt"))}
          onValueChange={(exempt) => setQuery({ exempt })}
        />
      </FilterBar>

      <ListTable caption={t("caption")} columns={columns} rowKey={(e) => e.id} query={list} params={listParams} />

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
