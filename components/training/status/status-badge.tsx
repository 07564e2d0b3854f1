"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { TrainingStatus } from "@/lib/training/status";

const TONE = { compliant: "green", due_soon: "amber", overdue: "red", exempt: "slate" } as const;
/** A shape as well as a colour, so the status reads without colour too. */
const MARK: Record<TrainingStatus, string> = { compliant: "✓", due_soon: "!", overdue: "×", exempt: "–" };

export function StatusBadge({ status }: { status: TrainingStatus }) {
  const t = useTranslations("statuses");
  return (
    <Badge tone={TONE[status]}>
      <span aria-hidden="true" className="mr-1 font-bold">
        {MARK[status]}
      </span>
      <span className="whitespace-nowrap">{t(status)}</span>
    </Badge>
  );
}
