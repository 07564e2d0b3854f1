import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import ja from "@/messages/ja.json";
import en from "@/messages/en.json";
import { FilterBar } from "./filter-bar";

const exportSchema = z.object({ q: z.string().optional(), status: z.enum(["open", "closed"]).optional(), sort: z.enum(["name", "date"]).default("name") });

function render(locale: "ja" | "en", props: Parameters<typeof FilterBar>[0]) {
  return renderToStaticMarkup(h(NextIntlClientProvider, { locale, messages: locale === "ja" ? ja : en, timeZone: "Asia/Tokyo", children: h(FilterBar, props) }));
}

const params = (values: Record<string, string | number | undefined>, filtered: boolean) => ({ values, filtered, clear: vi.fn(), update: vi.fn() });

describe("FilterBar", () => {
  it("a search form with the URL's text, clear filters while filtered, CSV and Excel of the list as filtered, the count announced", () => {
    const html = render("ja", {
      label: "絞り込み",
      params: params({ q: "漏えい", status: "open", sort: "date", page: 3, pageSize: 50 }, true),
      search: { label: "検索語" },
      total: 12,
      exportTo: { path: "/api/v1/things/export.csv", schema: exportSchema },
    });
    expect(html).toContain('<section aria-label="絞り込み"');
    expect(html).toContain('role="search"');
    expect(html).toMatch(/<input[^>]*type="search"[^>]*value="漏えい"/);
    expect(html).toContain(">条件をクリア<");
    // The export keeps the filters and the order, not the page; Excel adds format=xlsx.
    expect(html).toContain('href="/api/v1/things/export.csv?q=%E6%BC%8F%E3%81%88%E3%81%84&amp;status=open&amp;sort=date"');
    expect(html).toContain('href="/api/v1/things/export.csv?q=%E6%BC%8F%E3%81%88%E3%81%84&amp;status=open&amp;sort=date&amp;format=xlsx"');
    expect(html).toMatch(/<p role="status" aria-live="polite"[^>]*>該当 12 件<\/p>/);
  });

  it("no clear button without a filter, no count while unknown, English texts", () => {
    const html = render("en", { label: "Filter", params: params({}, false), search: { label: "Search" }, exportTo: { path: "/x.csv", schema: exportSchema } });
    expect(html).not.toContain("Clear filters");
    expect(html).toMatch(/<p role="status" aria-live="polite"[^>]*><\/p>/);
    expect(html).toContain('role="group" aria-label="Download"');
    expect(html).toContain(">Excel<");
    expect(render("en", { label: "Filter", filtered: false, onClear: () => {}, total: 1 })).toContain(">1 result<");
  });
});
