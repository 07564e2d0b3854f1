"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { RegisterKind } from "@/lib/register/enums";
import type { RegisterDueState } from "@/lib/register/review";

const KIND_TONE: Record<RegisterKind, "slate" | "red" | "blue" | "amber" | "green"> = {
  personal: "slate",
  sensitive: "red",
  person_related: "blue",
  pseudonymized: "amber",
  anonymized: "green",
};

export function KindBadge({ kind }: { kind: RegisterKind }) {
  const t = useTranslations("register.kind");
  return <Badge tone={KIND_TONE[kind]}>{t(kind)}</Badge>;
}

/** The review state of an item: overdue in red, due soon in amber; nothing for on time or retired. */
export function DueBadge({ state }: { state: RegisterDueState }) {
  const t = useTranslations("register.dueState");
  if (state === "overdue") return <Badge tone="red">{t(state)}</Badge>;
  if (state === "due_soon") return <Badge tone="amber">{t(state)}</Badge>;
  return null;
}
