import type { ReactNode } from "react";

/** A label / value list (settings and system facts): stacked on phones, two columns from `sm`. */
export function DefinitionList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="grid gap-1 py-2 sm:grid-cols-3 sm:gap-4">
          <dt className="font-medium text-slate-700">{k}</dt>
          <dd className="text-slate-900 sm:col-span-2">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
