import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import ja from "@/messages/ja.json";
import en from "@/messages/en.json";
import { ChangeTable } from "./change-table";

const render = (locale: "ja" | "en", props: Parameters<typeof ChangeTable>[0]) =>
  renderToStaticMarkup(h(NextIntlClientProvider, { locale, messages: locale === "ja" ? ja : en, timeZone: "Asia/Tokyo", children: h(ChangeTable, props) }));

describe("ChangeTable", () => {
  it("a row per changed field: its label as the row header, before, after; headers in both languages; the caption when given", () => {
    const html = render("ja", { caption: "2025/04/01 山田 による更新", rows: [{ field: "name", label: "氏名", before: "山田", after: "山本" }] });
    expect(html).toContain('<caption class="sr-only">2025/04/01 山田 による更新</caption>');
    expect(html).toMatch(/>項目<.*>変更前<.*>変更後</s);
    expect(html).toMatch(/<th scope="row"[^>]*>氏名<\/th><td[^>]*>山田<\/td><td[^>]*>.*山本<\/td>/s);
    const en_ = render("en", { rows: [] });
    expect(en_).toMatch(/>Field<.*>Before<.*>After</s);
    expect(en_).not.toContain("<caption");
  });
});
