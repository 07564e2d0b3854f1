import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { Tone } from "./tone";
import { TONE_STYLES, ToneBadge } from "./tone-icon";

/**
 * One KPI: what it is, the figure (a link to the filtered list that shows the same count), the state
 * in words with an icon and a colour, and a line of detail.
 */
export function Kpi({ id, label, value, href, tone, detail, children }: { id: string; label: string; value: string; href: string; tone: Tone; detail?: ReactNode; children?: ReactNode }) {
  const t = useTranslations("dashboard");
  return (
    <div data-testid={`kpi-${id}`} className={`flex min-w-0 flex-col rounded-lg border border-l-4 border-slate-200 bg-white p-3 shadow-sm ${TONE_STYLES[tone].border}`}>
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-700">{label}</h3>
        <ToneBadge tone={tone} label={t(`state.${tone}`)} />
      </div>
      <Link
        href={href}
        className="mt-1 self-start rounded text-3xl font-bold tabular-nums text-slate-900 underline decoration-slate-300 decoration-2 underline-offset-4 hover:decoration-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600"
        aria-label={`${label}: ${value} — ${t("openList", { label })}`}
        data-testid={`kpi-${id}-link`}
      >
        {value}
      </Link>
      {detail ? <div className="mt-1 text-xs text-slate-600">{detail}</div> : null}
      {children}
    </div>
  );
}
