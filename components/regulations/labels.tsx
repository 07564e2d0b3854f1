"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import type { DueState, RegulationStatus } from "@/lib/regulations/due";

export { regulationKeys } from "./keys";

const DUE_TONE: Record<DueState, "red" | "amber" | "green" | "slate"> = { overdue: "red", due_soon: "amber", on_time: "green", none: "slate" };
const STATUS_TONE: Record<RegulationStatus, "blue" | "green" | "slate"> = { draft: "blue", in_force: "green", retired: "slate" };

/** 第N版 / Version N; "not in force" without a version. */
export function useVersionLabel() {
  const t = useTranslations("regulations");
  return (n: number | null | undefined) => (n === null || n === undefined ? t("versionNone") : t("versionLabel", { n }));
}

/** The due state in words and colour (never colour alone), with the days left or overdue. */
export function DueBadge({ state, days }: { state: DueState; days: number | null }) {
  const t = useTranslations("regulations");
  const detail =
    days === null
      ? null
      : days < 0
        ? t("dueText.overdue", { days: -days })
        : days === 0
          ? t("dueText.dueToday")
          : t(state === "due_soon" ? "dueText.dueSoon" : "dueText.onTime", { days });
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={DUE_TONE[state]}>
        {state === "overdue" ? "⚠ " : null}
        {t(`dueState.${state}`)}
      </Badge>
      {detail && state !== "on_time" ? <span className={`text-xs ${state === "overdue" ? "font-semibold text-red-700" : "text-slate-700"}`}>{detail}</span> : null}
    </span>
  );
}

export function StatusBadge({ status }: { status: RegulationStatus }) {
  const t = useTranslations("regulations");
  return <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>;
}

/** A date cell: yyyy/MM/dd, or a dash. */
export function DateText({ value }: { value: string | null | undefined }) {
  return <span className="whitespace-nowrap tabular-nums">{value ? formatDate(value) : "—"}</span>;
}
