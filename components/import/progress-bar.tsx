"use client";

/**
 * A progress bar that screen readers understand: role=progressbar with aria-valuenow and a text
 * value, and the same text visible beside it. `percent` null: working, amount unknown.
 */
export function ImportProgressBar({ label, percent, text }: { label: string; percent: number | null; text: string }) {
  const value = percent === null ? undefined : Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-slate-800" aria-live="polite">
          {text}
        </span>
        {value !== undefined ? <span className="tabular-nums text-slate-600">{value}%</span> : null}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={value !== undefined ? `${value}% ${text}` : text}
        aria-busy={value === undefined || value < 100 ? true : undefined}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full bg-brand-600 transition-[width] duration-300 ${value === undefined ? "w-1/3 animate-pulse" : ""}`}
          style={value !== undefined ? { width: `${value}%` } : undefined}
        />
      </div>
    </div>
  );
}
