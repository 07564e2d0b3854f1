"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { PickerFieldset, SearchCombobox } from "@/components/ui/search-combobox";
import { matchesItem, type LinkedItem } from "@/lib/register/linked-item";

/**
 * The incident form's "data involved" from the personal information register (docs/domain.md §6,
 * "Links"): a checkbox per item; picking an item with sensitive data ticks the incident's sensitive-data
 * flag (the form does it), and the persons the picked items hold are offered as the number affected.
 * A long register (thousands of items) is narrowed by a filter on code and name: the picked items stay
 * on top, and at most SHOWN_AT_MOST others are drawn at once. The list is the searched-combobox kit
 * (components/ui/search-combobox.tsx), several to a pick; a short register has no search box.
 */
const FILTER_FROM = 12;
const SHOWN_AT_MOST = 60;

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
  const [filter, setFilter] = useState("");
  // The live items, and any item the incident already names though it was retired since.
  const options = [...items, ...linked.filter((l) => !items.some((i) => i.id === l.id))];
  if (options.length === 0) return null;
  const picked = options.filter((o) => selected.includes(o.id));
  const persons = picked.reduce((sum, o) => sum + (o.personCount ?? 0), 0);
  const known = picked.some((o) => o.personCount != null);
  const others = options.filter((o) => !selected.includes(o.id) && matchesItem(o, filter));
  const shown = [...picked, ...others.slice(0, SHOWN_AT_MOST)];
  return (
    <PickerFieldset legend={t("pickItems")} error={error} boxed>
      <p className="text-xs text-slate-600">{t("pickHint")}</p>
      <SearchCombobox
        label={t("filterItems")}
        hint={t("filterHint", { count: options.length })}
        query={filter}
        onQueryChange={setFilter}
        searchable={options.length > FILTER_FROM}
        status="ready"
        options={shown}
        optionKey={(o) => o.id}
        renderOption={(o) => (
          <span className="min-w-0">
            <span className="block text-slate-800">{`${o.code} ${o.name}`}</span>
            <span className="flex flex-wrap gap-1 text-xs text-slate-600">
              {o.kind === "sensitive" ? <Badge tone="amber">{t("sensitive")}</Badge> : null}
              {o.personCount != null ? <span>{t("personCount", { count: o.personCount })}</span> : null}
              {o.retired ? <Badge tone="slate">{t("retiredItem")}</Badge> : null}
            </span>
          </span>
        )}
        isSelected={(o) => selected.includes(o.id)}
        onPick={(o) => (selected.includes(o.id) ? onChange(selected.filter((x) => x !== o.id), null) : onChange([...selected, o.id], o))}
        listLabel={t("dataInvolvedItems")}
        listClassName="grid max-h-56 gap-1 overflow-y-auto rounded-md border border-slate-200 sm:grid-cols-2"
        emptyText={t("noMatch")}
        truncated={others.length > SHOWN_AT_MOST}
        moreText={t("moreItems", { count: others.length - SHOWN_AT_MOST })}
        note={filter && others.length === 0 && picked.length > 0 ? t("noMatch") : undefined}
      />
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
    </PickerFieldset>
  );
}
