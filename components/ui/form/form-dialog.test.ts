import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import ja from "@/messages/ja.json";
import { FormDialog } from "./form-dialog";

const render = (open: boolean) =>
  renderToStaticMarkup(
    h(NextIntlClientProvider, {
      locale: "ja",
      messages: ja,
      timeZone: "Asia/Tokyo",
      children: h(FormDialog, { open, onClose: () => {}, title: "部署を編集", recordId: 7, children: h("form", { "aria-label": "部署" }) }),
    }),
  );

describe("FormDialog", () => {
  it("holds the form only while open, under the dialog's title", () => {
    const html = render(true);
    expect(html).toContain("部署を編集");
    expect(html).toContain('<form aria-label="部署">');
    expect(render(false)).not.toContain("<form");
  });
});
