import { createElement as h, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import ja from "@/messages/ja.json";
import { TextField } from "./field";
import { PickerFieldset } from "./search-combobox";
import { EmployeePicker } from "./employee-picker";
import { RegisterItemPicker } from "@/components/register/item-picker";
import { ExclusivePostsPicker } from "@/components/regulations/structure-view";
import type { LinkedItem } from "@/lib/register/linked-item";
import type { PostDto } from "@/lib/regulations/structure-schema";

function render(node: ReactNode) {
  const client = new QueryClient();
  return renderToStaticMarkup(
    h(NextIntlClientProvider, { locale: "ja", messages: ja, timeZone: "Asia/Tokyo", children: h(QueryClientProvider, { client, children: node }) }),
  );
}

const ERROR = "この役職とは兼任できません。";
const FIELD_ERROR = /<p id="([^"]+)" role="alert" class="text-xs font-medium text-red-700">この役職とは兼任できません。<\/p>/;

/** The ids the picker's group is described by. */
function describedBy(html: string): string[] {
  const fieldset = html.match(/<fieldset[^>]*>/)?.[0] ?? "";
  return fieldset.match(/aria-describedby="([^"]*)"/)?.[1].split(" ") ?? [];
}

/**
 * A picker's error, as every picker shows it: the message once, in the form kit's field error (the same
 * markup as under a text field), which the picker's group names in its aria-describedby.
 */
function expectFieldError(html: string) {
  expect(html.split(ERROR)).toHaveLength(2);
  const errorId = html.match(FIELD_ERROR)?.[1];
  expect(errorId, "the error is the form kit's field error").toBeTruthy();
  expect(html.match(new RegExp(`id="${errorId}"`, "g"))).toHaveLength(1);
  expect(describedBy(html)).toContain(errorId);
  return errorId!;
}

describe("PickerFieldset (the field a searched picker stands in)", () => {
  it("shows the error once with the markup of a text field's error, and the group is described by it", () => {
    const html = render(h(PickerFieldset, { legend: "担当者", error: ERROR, children: h("input", { role: "combobox" }) }));
    const errorId = expectFieldError(html);
    expect(describedBy(html)).toEqual([errorId]);
    const field = render(h(TextField, { label: "担当者", id: "f", error: ERROR }));
    expect(field.match(FIELD_ERROR)?.[0].replace(/id="[^"]+"/, "")).toBe(html.match(FIELD_ERROR)?.[0].replace(/id="[^"]+"/, ""));
    expect(html).toMatch(/<legend class="text-sm font-medium text-slate-800">担当者<\/legend>/);
  });

  it("the hint under the legend is described too, before the error; without either the group is described by nothing", () => {
    const html = render(h(PickerFieldset, { legend: "兼任不可の役職", hint: "同じ人が務められません", error: ERROR, boxed: true, children: null }));
    const errorId = expectFieldError(html);
    const [hintId, ...rest] = describedBy(html);
    expect(rest).toEqual([errorId]);
    expect(html).toContain(`<p id="${hintId}" class="text-xs text-slate-600">同じ人が務められません</p>`);
    expect(html).toMatch(/<fieldset class="space-y-2 rounded-md border border-slate-200 p-3"/);
    expect(html).toMatch(/<legend class="px-1 text-sm font-medium text-slate-800">/);

    const clean = render(h(PickerFieldset, { legend: "担当者", children: null }));
    expect(clean).not.toContain("aria-describedby");
    expect(clean).not.toContain('role="alert"');
  });

  it("a required picker's legend has the form kit's required mark", () => {
    expect(render(h(PickerFieldset, { legend: "担当者", required: true, children: null }))).toMatch(
      /<legend[^>]*>担当者<span class="ml-1 text-xs font-normal text-red-700">\*<span class="sr-only">必須<\/span><\/span><\/legend>/,
    );
  });
});

describe("every picker shows its error through the kit", () => {
  const departments = [{ id: 1, name: "総務部" }];

  it("the employee picker: while searching (the box marked invalid) and with someone chosen (the box gone, the error stays)", () => {
    const searching = render(h(EmployeePicker, { label: "担当者", required: true, value: null, onChange: vi.fn(), departments, error: ERROR }));
    expectFieldError(searching);
    expect(searching.match(/<input[^>]*role="combobox"[^>]*>/)?.[0]).toContain('aria-invalid="true"');

    const chosen = render(h(EmployeePicker, { label: "担当者", value: { id: 7, label: "E007 山田 花子" }, onChange: vi.fn(), departments, error: ERROR }));
    expectFieldError(chosen);
    expect(chosen).not.toContain('role="combobox"');
    expect(chosen).toContain("山田 花子");

    const fine = render(h(EmployeePicker, { label: "担当者", value: null, onChange: vi.fn(), departments }));
    expect(fine).not.toContain('role="alert"');
    expect(describedBy(fine)).toEqual([]);
  });

  it("the incident form's register item picker", () => {
    const items: LinkedItem[] = [
      { id: 1, code: "R-001", name: "顧客名簿", kind: "personal", personCount: 120, retired: false },
      { id: 2, code: "R-002", name: "健康診断記録", kind: "sensitive", personCount: 40, retired: false },
    ];
    const props = { items, linked: [], selected: [1], personsAffected: "", onChange: vi.fn(), onUsePersons: vi.fn() };
    const html = render(h(RegisterItemPicker, { ...props, error: ERROR }));
    expect(describedBy(html)).toEqual([expectFieldError(html)]);
    expect(render(h(RegisterItemPicker, props))).not.toContain('role="alert"');
  });

  it("the structure page's 兼任不可 posts: described by its hint and then the error", () => {
    const post = (id: number, title: string): PostDto => ({
      id,
      code: `POST-${id}`,
      title,
      departmentId: null,
      departmentName: null,
      description: null,
      sortOrder: 100,
      exclusiveWith: [],
      retiredAt: null,
      version: 1,
      holders: [],
      gap: true,
      appointments: [],
    });
    const html = render(h(ExclusivePostsPicker, { options: [post(1, "監査責任者"), post(2, "個人情報保護管理者")], selected: [1], error: ERROR, onChange: vi.fn() }));
    const errorId = expectFieldError(html);
    const [hintId, ...rest] = describedBy(html);
    expect(rest).toEqual([errorId]);
    expect(html).toContain(`<p id="${hintId}" class="text-xs text-slate-600">${ja.pmsStructure.exclusiveHint}</p>`);
  });
});
