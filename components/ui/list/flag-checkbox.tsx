"use client";

import { CheckboxField } from "@/components/ui/field";
import type { ParamValue } from "@/lib/list/params";

/** What FlagCheckbox needs of useListParams (its return value fits). */
type FlagParams<K extends string> = { values: Partial<Record<K, ParamValue>>; update(patch: Partial<Record<K, ParamValue>>): void };

/**
 * A yes/no filter of a list as a checkbox (e.g. "show retired"): ticked is `name=true` in the URL,
 * unticked leaves it out. Uncontrolled so that it ticks at once; re-created when the URL says
 * otherwise (back button, clear filters).
 */
export function FlagCheckbox<K extends string>({ label, params, name }: { label: string; params: FlagParams<NoInfer<K>>; name: K }) {
  const on = params.values[name] === "true" || params.values[name] === true;
  return (
    <CheckboxField
      key={String(on)}
      label={label}
      defaultChecked={on}
      onChange={(e) => params.update({ [name]: e.target.checked ? "true" : undefined } as Partial<Record<K, ParamValue>>)}
    />
  );
}
