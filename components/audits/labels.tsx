"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { AuditStatusValue, FindingGradeValue, FindingStatusValue } from "@/lib/audits/rules";

export function AuditStatusBadge({ status }: { status: AuditStatusValue }) {
  const t = useTranslations("audits.status");
  const tone = ({ planned: "slate", in_progress: "blue", reported: "amber", closed: "green" } as const)[status];
  return <Badge tone={tone}>{t(status)}</Badge>;
}

export function GradeBadge({ grade }: { grade: FindingGradeValue }) {
  const t = useTranslations("findings.grade");
  const tone = ({ major_nc: "red", minor_nc: "amber", observation: "blue", good_practice: "green" } as const)[grade];
  return <Badge tone={tone}>{t(grade)}</Badge>;
}

export function FindingStatusBadge({ status, overdue }: { status: FindingStatusValue; overdue?: boolean }) {
  const t = useTranslations("findings");
  const tone = ({ open: "slate", action_planned: "blue", done: "amber", verified: "green" } as const)[status];
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={tone}>{t(`status.${status}`)}</Badge>
      {overdue ? <Badge tone="red">{t("overdue")}</Badge> : null}
    </span>
  );
}

export type Person = { id: number; name: string; departmentId: number | null };
export type Dept = { id: number; name: string };

/** A retired finding: kept, out of every count. */
export function RetiredBadge() {
  const tf = useTranslations("findings");
  return <span className="inline-flex items-center rounded border border-slate-400 bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{tf("retire.badge")}</span>;
}
