import { test, expect, waitForData } from "./fixtures";
import { t } from "./i18n";

/**
 * A filter that matches nothing: every list of the list kit says so in its table (or cards) and keeps
 * its pager, "1 / 1 ページ（全 0 件）" — the incidents, requests and provision records lists showed a
 * box of their own instead, with no pager, unlike the others (the contractors' register here).
 */
const LISTS = [
  { path: "/incidents", empty: "incidents.list.empty" },
  { path: "/requests", empty: "requests.list.empty" },
  { path: "/provisions", empty: "provisions.list.empty" },
  { path: "/contractors", empty: "contractors.list.empty" },
] as const;

for (const viewport of [
  { name: "laptop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`a search that matches nothing keeps the pager, like the other lists (${viewport.name})`, async ({ signedInAs }) => {
    const page = await signedInAs("privacy_manager");
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const list of LISTS) {
      await page.goto(`${list.path}?q=${encodeURIComponent("該当するもののない語zq")}`);
      await waitForData(page);
      await expect(page.getByText(t(list.empty), { exact: true }).filter({ visible: true }), list.path).toHaveCount(1);
      const pager = page.getByRole("navigation", { name: t("common.pageOf", { page: 1, pages: 1, total: 0 }), exact: true });
      await expect(pager, list.path).toBeVisible();
      await expect(pager.getByRole("button", { name: t("common.previous"), exact: true }), list.path).toBeDisabled();
      await expect(pager.getByRole("button", { name: t("common.next"), exact: true }), list.path).toBeDisabled();
    }
  });
}
