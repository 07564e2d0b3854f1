"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { IncidentDto } from "@/lib/incidents/schema";
import type { ObligationState } from "@/lib/incidents/reporting";
export { incidentKeys, type IncidentPage } from "./keys";


const STATE_TONE: Record<ObligationState, "green" | "amber" | "red" | "slate" | "blue"> = {
  done: "green",
  done_late: "amber",
  late: "red",
  due_soon: "amber",
  pending: "slate",
};

/** "あと3日" / "本日期限" / "2日超過" for a deadline not yet met. */
export function useDaysText() {
  const t = useTranslations("incidents");
  return (daysLeft: number) => (daysLeft > 0 ? t("daysLeft", { days: daysLeft }) : daysLeft === 0 ? t("dueToday") : t("daysLate", { days: -daysLeft }));
}

export function StateBadge({ state }: { state: ObligationState }) {
  const t = useTranslations("incidents.obligationStates");
  return <Badge tone={STATE_TONE[state]}>{t(state)}</Badge>;
}

const SEVERITY_TONE = { low: "slate", medium: "blue", high: "amber", critical: "red" } as const;

export function SeverityBadge({ severity }: { severity: IncidentDto["severity"] }) {
  const t = useTranslations("incidents.severities");
  return <Badge tone={SEVERITY_TONE[severity]}>{t(severity)}</Badge>;
}

export function StatusBadge({ status }: { status: IncidentDto["status"] }) {
  const t = useTranslations("incidents.statuses");
  return <Badge tone={status === "closed" ? "green" : status === "reported" ? "amber" : "blue"}>{t(status)}</Badge>;
}
