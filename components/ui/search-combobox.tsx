"use client";

import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/card";
import { FieldError, fieldDescribedBy, RequiredMark } from "@/components/ui/field";

/**
 * The searched picker of every form (docs/architecture.md §7, "Searched pickers"): a search box that is an ARIA
 * combobox over a listbox of results. The focus stays in the box; ↑/↓ move the active option
 * (aria-activedescendant), Enter picks it, Escape closes the list and, pressed again, clears the box.
 * Typing, ↓/↑, or a change in a control beside the box (a filter of the same search) opens it again.
 * Without a search box (`searchable: false`, a short list) the listbox itself takes the focus and the
 * same keys, plus Home/End and Space. With `isSelected` the list picks several (aria-multiselectable):
 * picking toggles and the list stays open.
 *
 * The caller searches (a server query, or a filter of what it holds) and says where it stands with
 * `status`; the kit draws the idle hint, a skeleton while loading, the error, "nothing matches", the
 * options, the count for screen readers and the "more match, refine the search" note when `truncated`.
 * `PickerFieldset` is the field around a picker: its legend and its error, as the form kit shows them.
 */

export type ComboboxStatus = "idle" | "loading" | "error" | "ready";

/**
 * Where the active option goes on a key, or null when the key is not the list's. -1 is "none".
 * The arrows wrap; Home and End are the list's only without a search box (in a box they move the caret).
 */
export function moveActive(active: number, key: string, count: number, { searchable = true } = {}): number | null {
  if (count === 0) return null;
  switch (key) {
    case "ArrowDown":
      return active < 0 || active >= count - 1 ? 0 : active + 1;
    case "ArrowUp":
      return active <= 0 || active >= count ? count - 1 : active - 1;
    case "Home":
      return searchable ? null : 0;
    case "End":
      return searchable ? null : count - 1;
    default:
      return null;
  }
}

/**
 * Which result set the status region announces. A screen reader speaks a live region only when its text
 * changes, so a new search with as many results as the last would pass in silence: each new result set
 * is a new round, and odd rounds end the text with a no-break space (heard as nothing, but a change).
 * `searched` holds the options as they stood when the search last changed, until different ones are
 * ready: a caller that filters what it holds has them in the same render, one that asks a server (and
 * keeps the last results on screen meanwhile) when the answer comes. Null: no search waiting.
 */
export type Announced<T> = { round: number; searched: readonly T[] | null };

/** The search changed (typed, or a filter beside the box): the next options that differ from these are a new result set. */
export function searchStarted<T>(a: Announced<T>, options: readonly T[]): Announced<T> {
  return { round: a.round, searched: options };
}

/** After a render: the round goes on when the options the search waited for are ready. */
export function resultsSettled<T>(a: Announced<T>, status: ComboboxStatus, options: readonly T[]): Announced<T> {
  return a.searched !== null && status === "ready" && options !== a.searched ? { round: a.round + 1, searched: null } : a;
}

/** The status text of a round: the same words, a trailing no-break space on odd rounds. */
export function announcement(text: string, round: number): string {
  return round % 2 === 1 ? `${text}\u00a0` : text;
}

export type SearchComboboxProps<T> = {
  /** Name of the search box (or, without one, of the list). */
  label: string;
  /** Keep the label for screen readers only (the field's legend already says what is picked). */
  labelHidden?: boolean;
  /** A line under the box (e.g. how many there are to search). */
  hint?: ReactNode;
  query: string;
  onQueryChange: (q: string) => void;
  placeholder?: string;
  invalid?: boolean;
  /** No search box: the list alone, focusable (a list short enough to read). */
  searchable?: boolean;
  /** Put the focus in the box when it appears (after "change" cleared the choice). */
  focusOnMount?: boolean;
  /**
   * Controls beside the box (e.g. a department filter that narrows the same search). A change in any of
   * them is a new search, as typing is: the list opens again on its results, none of them active.
   */
  beside?: ReactNode;
  status: ComboboxStatus;
  options: readonly T[];
  optionKey: (o: T) => string | number;
  renderOption: (o: T) => ReactNode;
  onPick: (o: T) => void;
  /** Several can be picked: which are. */
  isSelected?: (o: T) => boolean;
  /** Name of the list of results. */
  listLabel: string;
  /** Classes of the list (its layout: rows, or columns on wide screens). */
  listClassName?: string;
  /** Said while nothing has been asked (status "idle"). */
  idleText?: ReactNode;
  /** Said when the search finds nothing; default "Nothing matches." */
  emptyText?: ReactNode;
  /** More match than are listed: the note asks to refine the search. */
  truncated?: boolean;
  moreText?: ReactNode;
  /** Another line under the list (e.g. nothing more matches while picked options are still listed). */
  note?: ReactNode;
};

export function SearchCombobox<T>(props: SearchComboboxProps<T>) {
  const { label, labelHidden, hint, query, onQueryChange, placeholder, invalid, searchable = true, focusOnMount, beside, status, options } = props;
  const { optionKey, renderOption, onPick, isSelected, listLabel, listClassName, idleText, emptyText, truncated, moreText, note } = props;
  const t = useTranslations("combobox");
  const tc = useTranslations("common");
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const keysId = `${id}-keys`;
  const optionId = (o: T) => `${id}-option-${optionKey(o)}`;
  const [open, setOpen] = useState(true);
  // The active option by key, so that new results never leave a stale index behind.
  const [activeKey, setActiveKey] = useState<string | number | null>(null);
  const ready = status === "ready" && options.length > 0;
  const expanded = ready && (open || !searchable);
  const activeIndex = expanded ? options.findIndex((o) => optionKey(o) === activeKey) : -1;
  const active = activeIndex >= 0 ? options[activeIndex] : undefined;
  const activeId = active === undefined ? undefined : optionId(active);
  const multiple = isSelected !== undefined;
  const [announced, setAnnounced] = useState<Announced<T>>({ round: 0, searched: null });
  // Adjusted while rendering (React's pattern for state that follows props): the new text is in the
  // same commit as the new results.
  const settled = resultsSettled(announced, status, options);
  if (settled !== announced) setAnnounced(settled);

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  // A new search (typed, or a filter beside the box changed): the list shows its results again, even
  // after Escape closed it, and the status region announces them (even as many as before).
  const searchChanged = () => {
    setOpen(true);
    setActiveKey(null);
    setAnnounced((a) => searchStarted(a, options));
  };

  const pick = (o: T) => {
    setActiveKey(optionKey(o));
    onPick(o);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === "Escape") {
      if (!searchable) return;
      if (expanded) setOpen(false);
      else if (query) onQueryChange("");
      else return;
      // Closing the list is not closing the dialog the picker sits in.
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if (e.key === "Enter" || (!searchable && e.key === " ")) {
      if (!expanded) return;
      // Enter in the box never submits the form while the list is open: it picks, or does nothing.
      e.preventDefault();
      if (active !== undefined) pick(active);
      return;
    }
    if (!ready) return;
    if (searchable && !open && (e.key === "ArrowDown" || e.key === "ArrowUp")) setOpen(true);
    const next = moveActive(activeIndex, e.key, options.length, { searchable });
    if (next === null) return;
    e.preventDefault();
    setActiveKey(optionKey(options[next]));
  };

  const describedBy = [hint ? hintId : null, expanded ? keysId : null].filter(Boolean).join(" ") || undefined;
  const box = searchable ? (
    <div>
      <label htmlFor={inputId} className={labelHidden ? "sr-only" : "mb-1 block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        // Only when the user asked to change the choice: the box takes the place of the button they pressed.
        autoFocus={focusOnMount}
        value={query}
        placeholder={placeholder}
        onChange={(e) => {
          onQueryChange(e.target.value);
          searchChanged();
        }}
        onKeyDown={onKeyDown}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 ${invalid ? "border-red-600" : "border-slate-300"}`}
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  ) : null;

  return (
    <div className="space-y-2">
      {box && beside ? (
        <div className="grid gap-2 sm:grid-cols-2">
          {box}
          {/* React's change event bubbles: whatever control the caller puts here reaches the kit. */}
          <div onChange={searchChanged}>{beside}</div>
        </div>
      ) : (
        box
      )}
      <p id={keysId} className="sr-only">
        {/* Without a search box there is no list to close: Escape does nothing, Space picks, Home and End jump. */}
        {t(searchable ? "keyboardHint" : "keyboardHintList")}
      </p>
      {status === "idle" ? (
        idleText ? <p className="text-xs text-slate-600">{idleText}</p> : null
      ) : status === "loading" ? (
        <div className="space-y-1" aria-busy="true">
          <p className="sr-only" role="status">
            {t("loading")}
          </p>
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-full" />
        </div>
      ) : status === "error" ? (
        <p role="alert" className="text-sm text-red-700">
          {tc("error")}
        </p>
      ) : options.length === 0 ? (
        <p className="text-sm text-slate-600" role="status">
          {emptyText ?? tc("empty")}
          {announcement("", settled.round)}
        </p>
      ) : (
        <p className="sr-only" role="status">
          {announcement(tc("list.resultCount", { count: options.length }), settled.round)}
        </p>
      )}
      <ul
        id={listId}
        role="listbox"
        aria-label={listLabel}
        aria-multiselectable={multiple || undefined}
        tabIndex={searchable ? -1 : 0}
        aria-activedescendant={searchable ? undefined : activeId}
        aria-describedby={searchable ? undefined : keysId}
        onKeyDown={searchable ? undefined : onKeyDown}
        // A class, not the hidden attribute: the list's own display (grid, flex) would override that.
        className={expanded ? (listClassName ?? "max-h-56 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200") : "hidden"}
      >
        {expanded
          ? options.map((o) => {
              const selected = isSelected?.(o) ?? false;
              const isActive = optionKey(o) === activeKey;
              return (
                <li
                  key={optionKey(o)}
                  id={optionId(o)}
                  role="option"
                  aria-selected={multiple ? selected : isActive}
                  // The focus stays in the box: a pointer press only picks.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(o)}
                  className={`flex w-full cursor-pointer flex-wrap items-start gap-2 px-3 py-2 text-left text-sm hover:bg-brand-50 ${isActive ? "bg-brand-50 outline-2 -outline-offset-2 outline-brand-600" : ""}`}
                >
                  {multiple ? (
                    <span
                      aria-hidden="true"
                      className={`mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded border text-[10px] leading-none ${selected ? "border-brand-600 bg-brand-600 text-white" : "border-slate-400 bg-white"}`}
                    >
                      {selected ? "✓" : ""}
                    </span>
                  ) : null}
                  {renderOption(o)}
                </li>
              );
            })
          : null}
      </ul>
      {expanded && truncated ? <p className="text-xs text-slate-600">{moreText ?? t("moreMatch")}</p> : null}
      {note ? <p className="text-xs text-slate-600">{note}</p> : null}
    </div>
  );
}

/**
 * The field a picker stands in (docs/architecture.md §7, "Searched pickers"): a fieldset named by its
 * legend (with the required mark), an optional hint under the legend, the picker and whatever goes with
 * it (`children`), and the field's error under them: the form kit's FieldError, which the fieldset's
 * aria-describedby names (with the hint). The error stays while the picker shows a choice instead of its
 * search box; the caller marks the box itself `invalid`. `boxed` draws the group with a border.
 */
export function PickerFieldset({
  legend,
  required,
  hint,
  error,
  boxed,
  children,
}: {
  legend: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  boxed?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className={boxed ? "space-y-2 rounded-md border border-slate-200 p-3" : "space-y-2"} aria-describedby={fieldDescribedBy(id, error, hint)}>
      <legend className={boxed ? "px-1 text-sm font-medium text-slate-800" : "text-sm font-medium text-slate-800"}>
        {legend}
        {required ? <RequiredMark /> : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
