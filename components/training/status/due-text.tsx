"use client";

import { useTranslations } from "next-intl";
import { formatDate } from "@/lib/dates";
import type { StatusRow } from "./filters";

/** The due date and how far away it is ("あと12日", "15日超過"); once-only courses have none. */
export function DueText({ row }: { row: Pick<StatusRow, "status" | "dueOn" | "daysLeft" | "validUntil" | "lastCompletedOn"> }) {
  const t = useTranslations("trainingStatus.due");
  if (row.status === "exempt") return <span className="text-slate-500">—</span>;
  if (row.dueOn === null) return <span className="text-slate-600">{t("noExpiry")}</span>;
  const d = row.daysLeft ?? 0;
  const tone = d < 0 ? "text-red-800 font-semibold" : row.status === "due_soon" ? "text-amber-900 font-medium" : "text-slate-600";
  return (
    <span className="inline-block whitespace-nowrap">
      <span className="tabular-nums">{formatDate(row.dueOn)}</span>
      <span className={`block text-xs ${tone}`}>{d < 0 ? t("overdue", { days: -d }) : d === 0 ? t("today") : t("left", { days: d })}</span>
    </span>
  );
}
