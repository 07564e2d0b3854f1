"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { ContractorFlag, ContractorStatus } from "@/lib/contractors/rules";
import type { AssessmentResult } from "@/lib/contractors/scoring";

export { contractorKeys } from "./keys";

const STATUS_TONE: Record<ContractorStatus, "green" | "amber" | "red" | "slate" | "blue"> = {
  candidate: "blue",
  approved: "green",
  conditional: "amber",
  suspended: "red",
  terminated: "slate",
};
const RESULT_TONE: Record<AssessmentResult, "green" | "amber" | "red"> = { approved: "green", conditional: "amber", rejected: "red" };

export const RESULT_COLOR: Record<AssessmentResult | "none", string> = {
  approved: "var(--status-compliant)",
  conditional: "var(--status-due-soon)",
  rejected: "var(--status-overdue)",
  none: "var(--status-exempt)",
};

export function StatusBadge({ status }: { status: ContractorStatus }) {
  const t = useTranslations("contractors.status");
  return <Badge tone={STATUS_TONE[status]}>{t(status)}</Badge>;
}

export function ResultBadge({ result }: { result: AssessmentResult }) {
  const t = useTranslations("assessments.result");
  return <Badge tone={RESULT_TONE[result]}>{t(result)}</Badge>;
}

/** Flags in words (a warning sign and text, never colour alone). */
export function FlagList({ flags }: { flags: readonly ContractorFlag[] }) {
  const t = useTranslations("contractors.flags");
  if (flags.length === 0) return null;
  return (
    <ul className="flex min-w-36 flex-col gap-1">
      {flags.map((f) => (
        <li key={f} className="rounded bg-red-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-red-900">
          <span aria-hidden="true">⚠ </span>
          {t(f)}
        </li>
      ))}
    </ul>
  );
}
