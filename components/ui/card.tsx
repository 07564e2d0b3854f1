import type { ReactNode } from "react";

export function Card({ title, action, children, className = "" }: { title?: ReactNode; action?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${className}`}>
      {title || action ? (
        <div className="mb-3 flex items-center justify-between gap-2">
          {title ? <h2 className="text-base font-semibold text-slate-900">{title}</h2> : <span />}
          {action}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function Alert({ tone = "info", children }: { tone?: "info" | "error" | "success" | "warning"; children: ReactNode }) {
  const styles = {
    info: "border-brand-100 bg-brand-50 text-brand-800",
    error: "border-red-200 bg-red-50 text-red-800",
    success: "border-green-200 bg-green-50 text-green-800",
    warning: "border-amber-200 bg-amber-50 text-amber-900",
  }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${styles}`}>
      {children}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="rounded-md border border-dashed border-slate-300 px-4 py-10 text-center text-sm text-slate-600">{children}</div>;
}

export function Skeleton({ className = "h-4 w-full" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-slate-200 ${className}`} />;
}

export function Badge({ tone = "slate", children }: { tone?: "green" | "amber" | "red" | "slate" | "blue"; children: ReactNode }) {
  const styles = {
    green: "bg-green-100 text-green-900",
    amber: "bg-amber-100 text-amber-900",
    red: "bg-red-100 text-red-900",
    slate: "bg-slate-100 text-slate-800",
    blue: "bg-brand-100 text-brand-800",
  }[tone];
  // break-keep: a Japanese label ("合格", "本人確認待ち") stays whole in a narrow column; English still wraps at its spaces.
  return <span className={`inline-flex items-center break-keep rounded-full px-2 py-0.5 text-xs font-medium ${styles}`}>{children}</span>;
}

/** The placeholder of a page while its server component loads: a title, optional KPI cards, a body. */
export function PageSkeleton({ loadingLabel, cards = 0 }: { loadingLabel: string; cards?: number }) {
  return (
    <div role="status" className="space-y-4">
      <span className="sr-only">{loadingLabel}</span>
      <Skeleton className="h-8 w-64" />
      {cards ? (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: cards }, (_, i) => (
            <Skeleton key={i} className="h-28 w-full" />
          ))}
        </div>
      ) : (
        <Skeleton className="h-40 w-full" />
      )}
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
