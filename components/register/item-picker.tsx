"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/field";
import type { LinkedItem } from "@/lib/register/linked-item";

/**
 * The incident form's "data involved" from the personal information register (docs/domain.md §6,
 * "Links"): a checkbox per item; picking an item with sensitive data ticks the incident's sensitive-data
 * flag (the form does it), and the persons the picked items hold are offered as the number affected.
 */
export function RegisterItemPicker({
  items,
  linked,
  selected,
  error,
  personsAffected,
  onChange,
  onUsePersons,
}: {
  items: readonly LinkedItem[];
  linked: readonly LinkedItem[];
  selected: readonly number[];
  error?: string;
  personsAffected: string;
  onChange: (ids: number[], picked: LinkedItem | null) => void;
  onUsePersons: (n: number) => void;
}) {
  const t = useTranslations("registerRisks.links");
  const errorId = useId();
  // The live items, and any item the incident already names though it was retired since.
  const options = [...items, ...linked.filter((l) => !items.some((i) => i.id === l.id))];
  if (options.length === 0) return null;
  const picked = options.filter((o) => selected.includes(o.id));
  const persons = picked.reduce((sum, o) => sum + (o.personCount ?? 0), 0);
  const known = picked.some((o) => o.personCount != null);
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3" aria-describedby={error ? errorId : undefined}>
      <legend className="px-1 text-sm font-medium text-slate-800">{t("pickItems")}</legend>
      <p className="text-xs text-slate-600">{t("pickHint")}</p>
      <div className="grid max-h-56 gap-1 overflow-y-auto sm:grid-cols-2">
        {options.map((o) => (
          <div key={o.id} className="flex items-start gap-2">
            <CheckboxField
              label={`${o.code} ${o.name}`}
              checked={selected.includes(o.id)}
              onChange={(e) => onChange(e.target.checked ? [...selected, o.id] : selected.filter((x) => x !== o.id), e.target.checked ? o : null)}
              hint={
                <span className="flex flex-wrap gap-1">
                  {o.kind === "sensitive" ? <Badge tone="amber">{t("sensitive")}</Badge> : null}
                  {o.personCount != null ? <span>{t("personCount", { count: o.personCount })}</span> : null}
                  {o.retired ? <Badge tone="slate">{t("retiredItem")}</Badge> : null}
                </span>
              }
            />
          </div>
        ))}
      </div>
      {known ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-800" aria-live="polite">
          {t("suggestedPersons", { count: persons })}
          {String(persons) !== personsAffected ? (
            <Button type="button" variant="secondary" onClick={() => onUsePersons(persons)}>
              {t("useSuggestion")}
            </Button>
          ) : null}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
