"use client";

import { useTranslations } from "next-intl";
import { audienceParts, courseRuleSummary, type CourseDto } from "@/lib/training/courses-schema";
import type { DepartmentOption } from "../records/types";

/** 「全従業者」 or 「営業部、カスタマーサポート部、派遣社員」. */
export function useAudienceText(departments: DepartmentOption[]) {
  const t = useTranslations("courses");
  return (c: Pick<CourseDto, "audienceAll" | "audienceDepartmentIds" | "audienceEmploymentTypes">) => {
    const a = audienceParts(c, (id) => departments.find((d) => d.id === id)?.name);
    if (a.all) return t("audience.summaryAll");
    return [...a.departments, ...a.employmentTypes.map((x) => t(`employmentTypes.${x}`))].join(t("listSeparator"));
  };
}

/** The course's rules in words, one per line: 「12か月ごとに受講」「入社後30日以内」「合格点 80点」. */
export function CourseRules({ course }: { course: CourseDto }) {
  const t = useTranslations();
  return (
    <ul className="space-y-1.5">
      {courseRuleSummary(course).map((m) => (
        <li key={m.key} className="flex items-start gap-2 text-sm text-slate-900">
          <span aria-hidden="true" className="mt-1.5 h-1.5 w-1.5 shrink-0 rounded-full bg-brand-600" />
          {t(m.key, m.values)}
        </li>
      ))}
    </ul>
  );
}
