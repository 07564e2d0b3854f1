"use client";

import { useId } from "react";

/**
 * A choice of several records as a group of checkboxes (a fieldset with its legend, so a screen reader
 * names the group), scrolling within its box when the list is long. The error is announced with it.
 */
export function CheckList({
  legend,
  options,
  value,
  onChange,
  error,
  hint,
  empty,
}: {
  legend: string;
  options: readonly { id: number; label: string; detail?: string }[];
  value: readonly number[];
  onChange: (ids: number[]) => void;
  error?: string;
  hint?: string;
  /** What an empty list of options says. */
  empty?: string;
}) {
  const base = useId();
  const errorId = `${base}-error`;
  return (
    <fieldset className="min-w-0" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? <p className="mb-1 text-xs text-slate-600">{hint}</p> : null}
      {options.length === 0 && empty ? <p className="text-sm text-slate-600">{empty}</p> : null}
      <div className={`max-h-56 space-y-1 overflow-y-auto rounded-md border p-2 ${error ? "border-red-600" : "border-slate-300"}`}>
        {options.map((o) => {
          const id = `${base}-${o.id}`;
          const checked = value.includes(o.id);
          return (
            <div key={o.id} className="flex items-start gap-2">
              <input
                id={id}
                type="checkbox"
                className="mt-1 h-4 w-4 shrink-0 rounded border-slate-400 text-brand-600"
                checked={checked}
                onChange={(e) => onChange(e.target.checked ? [...value, o.id] : value.filter((x) => x !== o.id))}
              />
              <label htmlFor={id} className="text-sm text-slate-800">
                {o.label}
                {o.detail ? <span className="block text-xs text-slate-600">{o.detail}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
