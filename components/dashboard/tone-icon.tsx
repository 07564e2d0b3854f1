import type { Tone } from "./tone";

export const TONE_STYLES: Record<Tone, { border: string; badge: string; text: string }> = {
  good: { border: "border-l-green-600", badge: "bg-green-100 text-green-900", text: "text-green-800" },
  attention: { border: "border-l-amber-500", badge: "bg-amber-100 text-amber-900", text: "text-amber-900" },
  critical: { border: "border-l-red-600", badge: "bg-red-100 text-red-900", text: "text-red-800" },
  info: { border: "border-l-slate-400", badge: "bg-slate-100 text-slate-800", text: "text-slate-800" },
};

/** The state's shape, so that it never rests on colour alone: check, triangle, cross, circle. */
export function ToneIcon({ tone, className = "h-4 w-4" }: { tone: Tone; className?: string }) {
  const common = { className, viewBox: "0 0 20 20", fill: "none", stroke: "currentColor", strokeWidth: 2, "aria-hidden": true as const };
  switch (tone) {
    case "good":
      return (
        <svg {...common}>
          <circle cx="10" cy="10" r="8" />
          <path d="M6 10.5l2.5 2.5L14 7.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      );
    case "attention":
      return (
        <svg {...common}>
          <path d="M10 2.5l8 14H2z" strokeLinejoin="round" />
          <path d="M10 8v4M10 14.5v.5" strokeLinecap="round" />
        </svg>
      );
    case "critical":
      return (
        <svg {...common}>
          <circle cx="10" cy="10" r="8" />
          <path d="M7 7l6 6M13 7l-6 6" strokeLinecap="round" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <circle cx="10" cy="10" r="8" />
          <path d="M10 9v5M10 6v.5" strokeLinecap="round" />
        </svg>
      );
  }
}

/** The state in words, with its icon and colour. */
export function ToneBadge({ tone, label }: { tone: Tone; label: string }) {
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${TONE_STYLES[tone].badge}`}>
      <ToneIcon tone={tone} className="h-3.5 w-3.5" />
      {label}
    </span>
  );
}
