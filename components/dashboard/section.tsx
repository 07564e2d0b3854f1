import type { ReactNode } from "react";

/** A titled block of the dashboard (a landmark-free section labelled by its heading). */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`dash-${id}`} data-section={id} className="space-y-3">
      <h2 id={`dash-${id}`} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
