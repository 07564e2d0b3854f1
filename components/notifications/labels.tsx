"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { NotificationStage } from "@/lib/notifications/enums";

const TONE: Record<NotificationStage, "blue" | "amber" | "red"> = { soon: "blue", due: "amber", late: "red" };

/** Coming up / due today / late, as a badge (the word carries the meaning, the colour repeats it). */
export function StageBadge({ stage }: { stage: NotificationStage }) {
  const t = useTranslations("notifications");
  return <Badge tone={TONE[stage]}>{t(`stage.${stage}`)}</Badge>;
}
