import { createElement as h, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import ja from "@/messages/ja.json";
import en from "@/messages/en.json";
import { IdSelect } from "@/components/ui/field";
import { LoadError } from "@/components/ui/load-error";
import { FlagCheckbox } from "./flag-checkbox";
import { ListTable } from "./list-table";

function render(locale: "ja" | "en", children: ReactNode) {
  return renderToStaticMarkup(h(NextIntlClientProvider, { locale, messages: locale === "ja" ? ja : en, timeZone: "Asia/Tokyo", children }));
}

type Row = { id: number; name: string };
const columns = [{ key: "name", header: "Name", sort: "name", cell: (r: Row) => r.name }];
const params = { sortProps: { sort: { sort: "name", dir: "asc" as const }, onSort: vi.fn() }, pageProps: (p: { page: number; pageSize: number; total: number }) => ({ ...p, onPage: vi.fn() }) };
const query = (over: Partial<{ data: { items: Row[]; total: number; page: number; pageSize: number }; isFetching: boolean; isError: boolean; error: unknown }>) => ({
  data: undefined,
  isFetching: false,
  isError: false,
  error: null,
  refetch: vi.fn(),
  ...over,
});

describe("ListTable", () => {
  it("the page's rows under sortable headers and the pager of the server's page", () => {
    const html = render("ja", h(ListTable<Row>, { caption: "一覧", columns, rowKey: (r) => r.id, query: query({ data: { items: [{ id: 1, name: "総務" }], total: 41, page: 2, pageSize: 20 } }), params }));
    expect(html).toContain('<caption class="sr-only">一覧</caption>');
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toContain(">総務<");
    expect(html).toContain("2 / 3 ページ（全 41 件）");
  });

  it("an empty page still shows its pager (the count of 0); nothing loaded yet: skeleton rows, no pager", () => {
    expect(render("en", h(ListTable<Row>, { caption: "List", columns, rowKey: (r) => r.id, query: query({ data: { items: [], total: 0, page: 1, pageSize: 20 } }), params }))).toContain("Page 1 of 1 (0 in all)");
    const loading = render("en", h(ListTable<Row>, { caption: "List", columns, rowKey: (r) => r.id, query: query({ isFetching: true }), params }));
    expect(loading).toContain('aria-busy="true"');
    expect(loading).not.toContain("in all");
  });

  it("an empty list says the list's own message in the table (as on a laptop) and in the cards (on a phone), not the common one", () => {
    const empty = query({ data: { items: [], total: 0, page: 1, pageSize: 20 } });
    const table = render("en", h(ListTable<Row>, { caption: "List", columns, rowKey: (r) => r.id, query: empty, params, empty: "No unread notifications." }));
    expect(table).toContain(">No unread notifications.<");
    expect(table).not.toContain(en.common.empty);
    const both = render("en", h(ListTable<Row>, { caption: "List", columns, rowKey: (r) => r.id, query: empty, params, empty: "No unread notifications.", cards: (r: Row) => r.name }));
    expect(both.match(/>No unread notifications\.</g)).toHaveLength(2);
    expect(both).not.toContain(en.common.empty);
    // Without a message of its own: the common one.
    expect(render("ja", h(ListTable<Row>, { caption: "一覧", columns, rowKey: (r) => r.id, query: empty, params }))).toContain(`>${ja.common.empty}<`);
  });

  it("a failure with nothing loaded: the error and a retry; a failed refetch keeps the rows", () => {
    const failed = render("ja", h(ListTable<Row>, { caption: "一覧", columns, rowKey: (r) => r.id, query: query({ isError: true, error: new Error("x") }), params }));
    expect(failed).toContain('role="alert"');
    expect(failed).toContain("データを読み込めませんでした。");
    expect(failed).toContain(">再試行<");
    const stale = render("ja", h(ListTable<Row>, { caption: "一覧", columns, rowKey: (r) => r.id, query: query({ isError: true, error: new Error("x"), data: { items: [{ id: 1, name: "総務" }], total: 1, page: 1, pageSize: 20 } }), params }));
    expect(stale).not.toContain('role="alert"');
    expect(stale).toContain(">総務<");
  });
});

describe("LoadError", () => {
  it("says the data did not load and offers a retry, in both languages; a message of its own replaces the common one", () => {
    expect(render("en", h(LoadError, { onRetry: () => {} }))).toMatch(/role="alert".*could not be loaded.*>Retry</s);
    expect(render("ja", h(LoadError, { onRetry: () => {}, children: "読めません" }))).toMatch(/読めません.*>再試行</s);
    expect(render("ja", h(LoadError, {}))).not.toContain("再試行");
  });
});

describe("FlagCheckbox and IdSelect", () => {
  it("a flag ticked by `true` in the URL, unticked otherwise", () => {
    const on = render("ja", h(FlagCheckbox<"includeRetired">, { label: "廃止済みも表示", params: { values: { includeRetired: "true" }, update: vi.fn() }, name: "includeRetired" }));
    expect(on).toMatch(/<input[^>]*type="checkbox"[^>]*checked=""/);
    const off = render("ja", h(FlagCheckbox<"includeRetired">, { label: "廃止済みも表示", params: { values: {}, update: vi.fn() }, name: "includeRetired" }));
    expect(off).not.toContain("checked");
  });

  it("an id select: the empty option first, each id with its label, the current id selected", () => {
    const html = render("ja", h(IdSelect, { label: "部署", options: [{ id: 3, label: "総務部" }, { id: 7, label: "営業部" }], value: 7, empty: "すべて", onValueChange: () => {} }));
    expect(html).toMatch(/<option value="">すべて<\/option><option value="3">総務部<\/option><option value="7" selected="">営業部<\/option>/);
  });
});
