import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { test, expect, waitForData } from "./fixtures";
import { t, type Locale } from "./i18n";

/**
 * The register item picker of the incident form (components/register/item-picker.tsx, the searched
 * combobox kit): with more than 12 live items a search box filters the list, and every new result set
 * is announced, even one as long as the last; with 12 or fewer there is no box, and the listbox itself
 * takes the focus and the keys (docs/architecture.md §7, "Searched pickers").
 *
 * The demo register has 21 live items, so the short register is made for the test: every live item
 * after the first 12 (by code) is retired through the API, and restored at the end whatever happens, so
 * that the other specs find the demo counts as before.
 */

type Item = { id: number; code: string; name: string; version: number };

const SHORT = 12;
const count = (n: number, locale: Locale) => (locale === "ja" ? `該当 ${n} 件` : `${n} ${n === 1 ? "result" : "results"}`);

async function liveItems(request: APIRequestContext): Promise<Item[]> {
  const res = await request.get("/api/v1/register/items?status=active&sort=code&dir=asc&pageSize=200");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Item[] }).items;
}

async function setRetired(request: APIRequestContext, origin: string, id: number, retire: boolean) {
  const { item } = (await (await request.get(`/api/v1/register/items/${id}`)).json()) as { item: Item };
  const res = await request.post(`/api/v1/register/items/${id}/${retire ? "retire" : "restore"}`, { data: { version: item.version }, headers: { origin } });
  expect(res.status(), `${retire ? "retire" : "restore"} ${item.code}`).toBe(200);
}

/** The picker on the report form: its group (the fieldset), its listbox, and its status region. */
async function openPicker(page: Page, locale: Locale) {
  await page.goto("/incidents/new");
  await waitForData(page);
  const group = page.getByRole("group", { name: t("registerRisks.links.pickItems", {}, locale) });
  const list = group.getByRole("listbox", { name: t("registerRisks.links.dataInvolvedItems", {}, locale) });
  return { group, list, status: group.getByRole("status") };
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** An option's accessible name starts with the item's code (and name): its badges and count follow. */
const startsWith = (...words: string[]) => new RegExp(`^${escaped(words.join(" "))}(\\s|$)`);
const optionOf = (list: Locator, item: Item) => list.getByRole("option", { name: startsWith(item.code) });

test("a long register: the search box filters, and a new search with as many results as the last is announced again", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  const live = await liveItems(page.request);
  expect(live.length).toBeGreaterThan(SHORT);
  const { group, list, status } = await openPicker(page, "ja");
  const box = group.getByRole("combobox", { name: t("registerRisks.links.filterItems") });
  await expect(box).toBeVisible();
  await expect(list.getByRole("option")).toHaveCount(live.length);
  await expect(status).toHaveText(count(live.length, "ja"));

  // Two codes, one result each: the words are the same, the region's text is not (a screen reader speaks it).
  const norm = (text: string) => text.normalize("NFKC").toLowerCase();
  const alone = live.filter((i) => live.every((o) => o === i || !(norm(o.code) + "\n" + norm(o.name)).includes(norm(i.code))));
  expect(alone.length).toBeGreaterThanOrEqual(2);
  const [a, b] = [alone[0]!, alone[1]!];
  await box.fill(a.code);
  await expect(list.getByRole("option")).toHaveCount(1);
  await expect(optionOf(list, a)).toBeVisible();
  const first = await status.textContent();
  await box.fill(b.code);
  await expect(optionOf(list, b)).toBeVisible();
  await expect(list.getByRole("option")).toHaveCount(1);
  // (toHaveText would compare with whitespace collapsed: the raw text is what the screen reader compares.)
  await expect.poll(() => status.textContent()).not.toBe(first);
  expect((await status.textContent())!.trim()).toBe(count(1, "ja"));
  expect(first!.trim()).toBe(count(1, "ja"));
  // And again with the first code: a third search, the same count, a new text once more.
  const second = await status.textContent();
  await box.fill(a.code);
  await expect(optionOf(list, a)).toBeVisible();
  await expect.poll(() => status.textContent()).not.toBe(second);
});

test("a short register (12 items): no search box; the listbox takes Tab, the arrows, Home/End, Enter and Space; Escape leaves it as it is", async ({
  signedInAs,
  baseURL,
}) => {
  const page = await signedInAs("privacy_manager");
  const origin = new URL(baseURL!).origin;
  const live = await liveItems(page.request);
  const kept = live.slice(0, SHORT);
  const retired = live.slice(SHORT);
  try {
    for (const item of retired) await setRetired(page.request, origin, item.id, true);

    for (const locale of ["ja", "en"] as const) {
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: origin }]);
      const { group, list, status } = await openPicker(page, locale);
      // What a screen reader meets: a named, multi-select listbox described by the keys, no search box.
      await expect(group.getByRole("combobox")).toHaveCount(0);
      await expect(group.getByRole("searchbox")).toHaveCount(0);
      await expect(list).toHaveAttribute("aria-multiselectable", "true");
      await expect(list).toHaveAttribute("tabindex", "0");
      await expect(list).toHaveAccessibleDescription(t("combobox.keyboardHintList", {}, locale));
      await expect(list.getByRole("option")).toHaveCount(SHORT);
      await expect(status).toHaveText(count(SHORT, locale));
      for (const item of kept) await expect(optionOf(list, item)).toHaveAttribute("aria-selected", "false");
      await expect(list).not.toHaveAttribute("aria-activedescendant");

      // Tab from the field before it lands on the list; no option is active until an arrow is pressed.
      await page.getByLabel(t("incidents.form.personsAffected", {}, locale)).focus();
      await page.keyboard.press("Tab");
      await expect(list).toBeFocused();
      const active = async () => list.getByRole("option").and(page.locator(`[id="${await list.getAttribute("aria-activedescendant")}"]`));
      const [firstItem, secondItem, lastItem] = [kept[0]!, kept[1]!, kept[SHORT - 1]!];
      await page.keyboard.press("ArrowDown");
      await expect(await active()).toHaveAccessibleName(startsWith(firstItem.code, firstItem.name));
      await page.keyboard.press("ArrowDown");
      await expect(await active()).toHaveAccessibleName(startsWith(secondItem.code));
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowUp");
      await expect(await active()).toHaveAccessibleName(startsWith(lastItem.code)); // wraps to the last
      await page.keyboard.press("Home");
      await expect(await active()).toHaveAccessibleName(startsWith(firstItem.code));
      await page.keyboard.press("End");
      await expect(await active()).toHaveAccessibleName(startsWith(lastItem.code));

      // Enter picks the active item: it is selected and moves to the top, still the active one.
      await page.keyboard.press("Enter");
      await expect(optionOf(list, lastItem)).toHaveAttribute("aria-selected", "true");
      await expect(list.getByRole("option").first()).toHaveAccessibleName(startsWith(lastItem.code));
      await expect(await active()).toHaveAccessibleName(startsWith(lastItem.code));
      await expect(list).toBeFocused();
      await expect(list.locator('[aria-selected="true"]')).toHaveCount(1);

      // Escape neither closes the list nor drops the pick (there is nothing to close; the form stays as it is).
      await page.keyboard.press("Escape");
      await expect(list).toBeVisible();
      await expect(list).toBeFocused();
      await expect(list.getByRole("option")).toHaveCount(SHORT);
      await expect(optionOf(list, lastItem)).toHaveAttribute("aria-selected", "true");

      // Space on a picked item drops it; it goes back to its place, last.
      await page.keyboard.press(" ");
      await expect(optionOf(list, lastItem)).toHaveAttribute("aria-selected", "false");
      await expect(list.getByRole("option").last()).toHaveAccessibleName(startsWith(lastItem.code));
      await expect(list.locator('[aria-selected="true"]')).toHaveCount(0);

      // Two picked: Home, Enter, ArrowDown, Space — both selected, the first picked first.
      await page.keyboard.press("Home");
      await page.keyboard.press("Enter");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press(" ");
      await expect(list.locator('[aria-selected="true"]')).toHaveCount(2);
      await expect(optionOf(list, firstItem)).toHaveAttribute("aria-selected", "true");
      await expect(optionOf(list, secondItem)).toHaveAttribute("aria-selected", "true");
    }
  } finally {
    await page.context().clearCookies({ name: "NEXT_LOCALE" });
    for (const item of retired) await setRetired(page.request, origin, item.id, false);
  }
  expect(await liveItems(page.request)).toHaveLength(live.length);
});
