"use client";

import { useTranslations } from "next-intl";

const headerCell = "px-3 py-2 text-left font-semibold text-slate-700";
/** A name or a department keeps a readable width on a phone (the table scrolls); a laptop's table is as before. */
const wordsWidth = "min-w-[7rem] lg:min-w-0";

/** The header cells of a table of people that name each one: employee number, name, department. */
export function EmployeeHeaderCells() {
  const t = useTranslations("records");
  return (
    <>
      <th scope="col" className={`${headerCell} whitespace-nowrap`}>
        {t("columns.employeeNumber")}
      </th>
      <th scope="col" className={headerCell}>
        <div className={wordsWidth}>{t("columns.employee")}</div>
      </th>
      <th scope="col" className={headerCell}>
        <div className={wordsWidth}>{t("columns.department")}</div>
      </th>
    </>
  );
}
