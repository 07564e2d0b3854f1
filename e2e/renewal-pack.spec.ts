import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { test, expect } from "./fixtures";
import { axeViolations } from "./axe";
import { t } from "./i18n";

/**
 * The renewal pack 更新申請サマリー (/renewal/pack): the manager chooses a period, sees every document,
 * downloads one workbook with a sheet per document (in Japanese, named by the period) and prints
 * without the app's frame. A backward period is refused beside its field.
 */

const PACK = "/renewal/pack";
// A4 is 210 mm wide; the page's @page rule leaves 15 mm each side: 180 mm at 96 CSS px per inch.
const PRINTABLE_WIDTH_PX = Math.floor((180 / 25.4) * 96);

test("the manager previews the pack for a period, downloads the workbook and prints it", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  await page.goto(PACK);
  await expect(page.getByRole("heading", { level: 1, name: t("renewalPack.title") })).toBeVisible({ timeout: 60_000 });
  expect(await axeViolations(page)).toEqual([]);

  // Every document of the table of contents is on the page.
  const contents = page.getByRole("navigation", { name: t("renewalPack.contents") }).getByRole("link");
  await expect(contents).toHaveCount(7);
  for (const key of ["training", "auditsAndReviews", "organisation", "documents", "changes", "correspondence"])
    await expect(page.locator(`#doc-${key}`).getByRole("heading", { level: 2 })).toBeVisible();

  // Choose the period: the fiscal year 2025 (April to March).
  await page.getByLabel(t("renewalPack.form.from")).fill("2025-04-01");
  await page.getByLabel(t("renewalPack.form.to")).fill("2026-03-31");
  await page.getByRole("button", { name: t("renewalPack.form.show") }).click();
  await expect(page).toHaveURL(/from=2025-04-01&to=2026-03-31/);
  await expect(page.locator("#doc-cover")).toContainText("2025/04/01〜2026/03/31");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t("renewalPack.download") }).click()]);
  expect(download.suggestedFilename()).toBe("更新申請サマリー_2025-04-01_2026-03-31.xlsx");
  const wb = new ExcelJS.Workbook();
  const bytes = readFileSync(await download.path());
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["表紙", "教育実施サマリー", "内部監査", "マネジメントレビュー", "個人情報保護体制", "PMS文書の一覧", "変更の一覧", "対応表"]);

  // Printing: the toolbar and the app's frame stay off the paper; no table is wider than A4.
  await page.setViewportSize({ width: PRINTABLE_WIDTH_PX, height: 1000 });
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: t("renewalPack.print") })).toBeHidden();
  await expect(page.getByRole("navigation", { name: t("nav.label") })).toBeHidden();
  const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll(".pack-table")].map((e) => e.getBoundingClientRect().width)));
  expect(widest).toBeLessThanOrEqual(PRINTABLE_WIDTH_PX);
});

test("a period that runs backwards is refused beside its end, and the default period is shown", async ({ signedInAs }) => {
  const page = await signedInAs("auditor");
  await page.goto(`${PACK}?from=2026-04-01&to=2026-03-01`);
  await expect(page.getByText(t("renewalPack.errors.fromAfterTo"))).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel(t("renewalPack.form.to"))).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#doc-training")).toBeVisible();
});
