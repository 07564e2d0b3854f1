"use client";

import { useTranslations } from "next-intl";
import type { EmployeeDto } from "@/lib/training/employees-schema";
import { Badge } from "@/components/ui/card";

const TONE = { active: "green", upcoming: "blue", left: "slate", retired: "red" } as const;

/** Where the employee stands (active, joining, left, retired) and whether they are on leave (exempt). */
export function EmployeeBadges({ employee }: { employee: Pick<EmployeeDto, "state" | "exemptionReason"> }) {
  const t = useTranslations("employees");
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONE[employee.state]}>{t(`state.${employee.state}`)}</Badge>
      {employee.exemptionReason && employee.state !== "retired" && employee.state !== "left" ? <Badge tone="amber">{t("exemptBadge")}</Badge> : null}
    </span>
  );
}
