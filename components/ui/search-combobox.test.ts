import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import ja from "@/messages/ja.json";
import en from "@/messages/en.json";
import { announcement, moveActive, resultsSettled, SearchCombobox, searchStarted, type Announced, type SearchComboboxProps } from "./search-combobox";

type Opt = { id: number; name: string };
const OPTIONS: Opt[] = [
  { id: 7, name: "山田 花子" },
  { id: 9, name: "佐藤 次郎" },
];

function render(locale: "ja" | "en", props: Partial<SearchComboboxProps<Opt>>) {
  const all: SearchComboboxProps<Opt> = {
    label: "検索",
    query: "山",
    onQueryChange: vi.fn(),
    status: "ready",
    options: OPTIONS,
    optionKey: (o) => o.id,
    renderOption: (o) => o.name,
    onPick: vi.fn(),
    listLabel: "検索結果",
    ...props,
  };
  return renderToStaticMarkup(
    h(NextIntlClientProvider, { locale, messages: locale === "ja" ? ja : en, timeZone: "Asia/Tokyo", children: h(SearchCombobox<Opt>, all) }),
  );
}

const attr = (html: string, tag: RegExp) => html.match(tag)?.[0] ?? "";

describe("moveActive", () => {
  it("the arrows move through the options and wrap; from none, down is the first and up the last", () => {
    expect(moveActive(-1, "ArrowDown", 3)).toBe(0);
    expect(moveActive(0, "ArrowDown", 3)).toBe(1);
    expect(moveActive(2, "ArrowDown", 3)).toBe(0);
    expect(moveActive(-1, "ArrowUp", 3)).toBe(2);
    expect(moveActive(1, "ArrowUp", 3)).toBe(0);
    expect(moveActive(0, "ArrowUp", 3)).toBe(2);
    // An index left over from a longer list starts again.
    expect(moveActive(5, "ArrowDown", 3)).toBe(0);
    expect(moveActive(5, "ArrowUp", 3)).toBe(2);
  });

  it("Home and End belong to the list only without a search box; other keys and an empty list move nothing", () => {
    expect(moveActive(1, "Home", 3)).toBeNull();
    expect(moveActive(1, "End", 3)).toBeNull();
    expect(moveActive(1, "Home", 3, { searchable: false })).toBe(0);
    expect(moveActive(1, "End", 3, { searchable: false })).toBe(2);
    expect(moveActive(0, "a", 3)).toBeNull();
    expect(moveActive(-1, "ArrowDown", 0)).toBeNull();
  });
});

describe("the status region announces every new result set", () => {
  const start: Announced<Opt> = { round: 0, searched: null };
  /** What the region says after each of a sequence of renders, as the kit computes it. */
  function spoken(renders: { search?: true; status?: "loading" | "ready"; options: readonly Opt[] }[]) {
    let a = start;
    let shown = renders[0]!.options;
    const said: string[] = [];
    for (const r of renders) {
      // An event in the previous render started a search, with the options that render had.
      if (r.search) a = searchStarted(a, shown);
      a = resultsSettled(a, r.status ?? "ready", r.options);
      shown = r.options;
      said.push(announcement(`${r.options.length} results`, a.round));
    }
    return said;
  }
  const changes = (said: string[]) => said.slice(1).map((s, i) => s !== said[i]);

  it("a filter of what the caller holds (new results in the same render): each search changes the text, same count or not", () => {
    // The register's item picker: a new array on every render; the filter typed twice, each time 2 results.
    const said = spoken([{ options: [...OPTIONS] }, { search: true, options: [...OPTIONS] }, { search: true, options: [...OPTIONS] }]);
    expect(changes(said)).toEqual([true, true]);
    expect(said).toEqual(["2 results", "2 results\u00a0", "2 results"]);
  });

  it("a server search that keeps the last results meanwhile: the text changes when the answer comes, not before", () => {
    // The employee picker: the department changes; the same array stays on screen until the answer, also with 2.
    const first = [...OPTIONS];
    const answer = [OPTIONS[1]!, OPTIONS[0]!];
    const said = spoken([{ options: first }, { search: true, options: first }, { options: first }, { options: answer }, { options: answer }]);
    expect(changes(said)).toEqual([false, false, true, false]);
    // Loading between: no round is spent on it, the answer after it is the new set.
    const viaLoading = spoken([{ options: first }, { search: true, status: "loading", options: [] }, { status: "loading", options: [] }, { options: answer }]);
    expect(viaLoading[3]).toBe("2 results\u00a0");
  });

  it("renders without a new search (a pick, the form around it) say nothing new, though the caller makes new arrays", () => {
    expect(changes(spoken([{ options: [...OPTIONS] }, { options: [...OPTIONS] }, { options: [...OPTIONS] }]))).toEqual([false, false]);
  });

  it("the words stay the same in each language: only an odd round adds a no-break space", () => {
    expect(announcement("該当 2 件", 0)).toBe("該当 2 件");
    expect(announcement("該当 2 件", 1)).toBe("該当 2 件\u00a0");
    expect(announcement("2 results", 2)).toBe("2 results");
    expect(announcement("2 results", 3).trim()).toBe("2 results");
  });
});

describe("SearchCombobox", () => {
  it("with results: an expanded combobox that controls a labelled listbox of options, the count announced", () => {
    const html = render("ja", {});
    const input = attr(html, /<input[^>]*>/);
    expect(input).toContain('role="combobox"');
    expect(input).toContain('aria-expanded="true"');
    expect(input).toContain('aria-autocomplete="list"');
    expect(input).toContain('value="山"');
    const listId = input.match(/aria-controls="([^"]+)"/)?.[1];
    expect(listId).toBeTruthy();
    const list = attr(html, /<ul[^>]*>/);
    expect(list).toContain(`id="${listId}"`);
    expect(list).toContain('role="listbox"');
    expect(list).toContain('aria-label="検索結果"');
    expect(list).not.toContain("aria-multiselectable");
    expect(html.match(/role="option"/g)).toHaveLength(2);
    expect(html).toMatch(new RegExp(`<li id="${listId!.replace(/-list$/, "")}-option-7" role="option" aria-selected="false"`));
    // No option is active before a key is pressed.
    expect(input).not.toContain("aria-activedescendant");
    expect(html).toMatch(/<p class="sr-only" role="status">該当 2 件<\/p>/);
    // The keys are described while the list is open; the label is visible unless hidden.
    expect(input).toMatch(/aria-describedby="[^"]*-keys"/);
    expect(html).toContain("↑・↓キーで候補を移り");
    expect(html).toMatch(/<label for="[^"]+" class="mb-1 block[^"]*">検索<\/label>/);
    expect(html).not.toContain("絞り込んでください");
  });

  it("truncated: the note asks to refine the search, the caller's words or the kit's, in each language", () => {
    expect(render("ja", { truncated: true })).toContain("ほかにも該当があります。条件を絞り込んでください。");
    expect(render("en", { truncated: true })).toContain("More match. Refine the search.");
    expect(render("en", { truncated: true, moreText: "12 more items match" })).toContain("12 more items match");
    expect(render("en", {})).toMatch(/<p class="sr-only" role="status">2 results<\/p>/);
  });

  it("idle, loading, error and empty: the list is collapsed and hidden, and each state says what it is", () => {
    for (const [status, options] of [
      ["idle", OPTIONS],
      ["loading", OPTIONS],
      ["error", OPTIONS],
      ["ready", []],
    ] as const) {
      const html = render("en", { status, options, idleText: "Type a name." });
      expect(attr(html, /<input[^>]*>/), status).toContain('aria-expanded="false"');
      expect(attr(html, /<ul[^>]*>/), status).toContain('class="hidden"');
      expect(html, status).not.toContain('role="option"');
    }
    expect(render("en", { status: "idle", idleText: "Type a name." })).toContain("Type a name.");
    const loading = render("ja", { status: "loading" });
    expect(loading).toContain('aria-busy="true"');
    expect(loading).toContain('role="status">検索しています…<');
    expect(render("ja", { status: "error" })).toMatch(/<p role="alert"[^>]*>データを読み込めませんでした。<\/p>/);
    expect(render("en", { options: [] })).toMatch(/role="status">Nothing matches.<\/p>/);
    expect(render("en", { options: [], emptyText: "No matching employee." })).toContain("No matching employee.");
  });

  it("several to a pick: a multiselectable listbox whose options say whether they are picked, with a check mark", () => {
    const html = render("en", { isSelected: (o) => o.id === 9 });
    expect(attr(html, /<ul[^>]*>/)).toContain('aria-multiselectable="true"');
    expect(html).toMatch(/-option-7" role="option" aria-selected="false"/);
    expect(html).toMatch(/-option-9" role="option" aria-selected="true"/);
    expect(html.match(/>✓</g)).toHaveLength(1);
  });

  it("without a search box: the listbox takes the focus and the keys itself", () => {
    const html = render("en", { searchable: false, isSelected: () => false });
    expect(html).not.toContain("<input");
    const list = attr(html, /<ul[^>]*>/);
    expect(list).toContain('tabindex="0"');
    expect(list).toMatch(/aria-describedby="[^"]*-keys"/);
  });

  it("a hidden label stays for screen readers; the box is marked invalid when the field has an error", () => {
    const html = render("en", { labelHidden: true, invalid: true });
    expect(html).toMatch(/<label for="[^"]+" class="sr-only">検索<\/label>/);
    expect(attr(html, /<input[^>]*>/)).toContain('aria-invalid="true"');
  });
});
