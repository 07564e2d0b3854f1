"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import type { RequestDto } from "@/lib/requests/schema";

const CLOCK_TONE = { pending: "slate", due_soon: "amber", late: "red", paused: "blue", answered_on_time: "green", answered_late: "red", withdrawn: "slate" } as const;
const STAGE_TONE = { awaiting_identity: "amber", awaiting_fee: "amber", in_progress: "blue", answered: "green", withdrawn: "slate" } as const;

export function StageBadge({ stage }: { stage: RequestDto["stage"] }) {
  const t = useTranslations("requests.stages");
  return <Badge tone={STAGE_TONE[stage]}>{t(stage)}</Badge>;
}

export function ClockBadge({ state }: { state: RequestDto["clockState"] }) {
  const t = useTranslations("requests.clockStates");
  return <Badge tone={CLOCK_TONE[state]}>{t(state)}</Badge>;
}

/** The due date with what it means today: days left, late by, paused. */
export function DueCell({ r }: { r: RequestDto }) {
  const t = useTranslations("requests.list");
  const open = r.daysLeft !== null;
  return (
    <span className={r.clockState === "late" ? "font-semibold text-red-700" : r.clockState === "due_soon" ? "font-medium text-amber-800" : ""}>
      {formatDate(r.dueOn)}
      {open ? (
        <span className="block text-xs">{r.paused ? t("pausedNow") : r.daysLeft! < 0 ? t("daysLate", { count: -r.daysLeft! }) : t("daysLeft", { count: r.daysLeft! })}</span>
      ) : null}
    </span>
  );
}
