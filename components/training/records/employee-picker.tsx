"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { EmployeePicker, type EmployeePickSource, type PickedEmployee } from "@/components/ui/employee-picker";
import { employeeOptionsQuery, type EmployeeOption } from "@/lib/training/records-schema";
import { queryKeys, type DepartmentOption } from "./types";

/**
 * The employee picker of the record forms: searches the training endpoint, which also says whether
 * the course applies to each person and whether they already have a record of it that day.
 */
export function RecordEmployeePicker({
  courseId,
  ...props
}: {
  value: PickedEmployee | null;
  onChange: (e: PickedEmployee | null) => void;
  date: string;
  courseId: number | null;
  departments: DepartmentOption[];
  error?: string;
  label: string;
  required?: boolean;
}) {
  const t = useTranslations("records.form");
  const source: EmployeePickSource<EmployeeOption> = {
    path: "/api/v1/training-records/employee-options",
    query: employeeOptionsQuery,
    params: { courseId: courseId ?? undefined },
    queryKey: queryKeys.employeeOptions,
    badges: (e) => (
      <>
        {e.inAudience === false ? <Badge tone="amber">{t("notInAudience")}</Badge> : null}
        {e.recordedId ? <Badge tone="slate">{t("alreadyRecorded")}</Badge> : null}
      </>
    ),
    picked: (e) => ({ inAudience: e.inAudience }),
  };
  const outside = props.value?.inAudience === false;
  return (
    <EmployeePicker
      {...props}
      source={source}
      noResults={t("noEmployees")}
      pickedBadges={outside ? <Badge tone="amber">{t("notInAudience")}</Badge> : undefined}
      hint={outside ? <p className="text-xs text-amber-900">{t("notInAudienceHint")}</p> : undefined}
    />
  );
}
