"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { ProvisionDto } from "@/lib/provisions/schema";

const TONE = { not_required: "slate", retained: "green", disposable: "amber", disposed: "slate" } as const;

export function RetentionBadge({ state }: { state: ProvisionDto["retentionState"] }) {
  const t = useTranslations("provisions.retentionStates");
  return <Badge tone={TONE[state]}>{t(state)}</Badge>;
}
