"use client";

import { useTranslations } from "next-intl";

const headerCell = "px-3 py-2 text-left font-semibold text-slate-700";

/** The header cells of a table of people that name each one: employee number, name, department. */
export function EmployeeHeaderCells() {
  const t = useTranslations("records");
  return (
    <>
      <th scope="col" className={headerCell}>
        {t("columns.employeeNumber")}
      </th>
      <th scope="col" className={headerCell}>
        {t("columns.employee")}
      </th>
      <th scope="col" className={headerCell}>
        {t("columns.department")}
      </th>
    </>
  );
}
