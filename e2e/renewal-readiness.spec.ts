import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { test, expect, waitForData } from "./fixtures";
import { axeViolations } from "./axe";
import { t, type Locale } from "./i18n";

/**
 * Renewal readiness (/renewal): the manager opens it, follows a missing item to the list of the records
 * concerned (the list shows as many as the item says), and goes on to download the renewal pack; in
 * Japanese and English. The correspondence table flags the clause no regulation covers.
 */

for (const locale of ["ja", "en"] as Locale[]) {
  test(`the manager follows a missing item to its records and downloads the pack (${locale})`, async ({ signedInAs, baseURL }) => {
    const page = await signedInAs("privacy_manager");
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    await page.goto("/renewal");
    await expect(page.getByRole("heading", { level: 1, name: t("renewal.title", {}, locale) })).toBeVisible({ timeout: 60_000 });
    expect(await axeViolations(page)).toEqual([]);

    // Three fiscal years, each with its six checks.
    await expect(page.locator('[data-testid^="check-"]')).toHaveCount(18);
    await expect(page.getByTestId("readiness-summary")).toBeVisible();

    // The first missing item of the training check that has overdue courses opens the training status
    // list filtered to that year's overdue rows, and the list counts as many.
    const missing = page.locator('[data-testid$="-trainingOverdue"]').first();
    await expect(missing).toBeVisible();
    const text = (await missing.textContent()) ?? "";
    const count = Number(text.replace(/,/g, "").match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);
    await missing.click();
    await expect(page).toHaveURL(/\/training\/status\?fiscalYear=\d+&status=overdue/, { timeout: 60_000 });
    await waitForData(page);
    await expect(page.getByRole("status").filter({ hasText: /\d/ }).first()).toContainText(count.toLocaleString("en-US"), { timeout: 60_000 });

    // Back to readiness, then the pack: downloaded as one workbook.
    await page.goto("/renewal");
    await page.getByRole("link", { name: t("renewal.packLink", {}, locale) }).click();
    await expect(page).toHaveURL(/\/renewal\/pack/, { timeout: 60_000 });
    await expect(page.getByRole("heading", { level: 1, name: t("renewalPack.title", {}, locale) })).toBeVisible({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t("renewalPack.download", {}, locale) }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(1);
  });
}

test("the correspondence table flags the clause no regulation covers, and the manager maps one to it", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  await page.goto("/renewal");
  await page.getByRole("link", { name: t("renewal.correspondenceLink") }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("renewal.correspondence.title") })).toBeVisible({ timeout: 60_000 });
  const j11 = page.getByTestId("clause-J.11");
  await expect(j11).toContainText(t("renewal.correspondence.uncovered"));
  expect(await axeViolations(page)).toEqual([]);

  await j11.getByRole("button", { name: t("renewal.correspondence.addTo", { clause: "J.11" }) }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(t("renewal.correspondence.regulation")).selectOption({ label: "REG-07 開示等請求対応規程" });
  await dialog.getByLabel(t("renewal.correspondence.note")).fill("第9条（苦情及び相談）");
  await dialog.getByRole("button", { name: t("common.save"), exact: true }).click();
  await expect(page.getByText(t("renewal.correspondence.added"))).toBeVisible();
  await expect(j11).toContainText("REG-07");
  await expect(page.getByText(t("renewal.correspondence.allCovered"))).toBeVisible();
});

test("the executive reads readiness and the table without editing; HR cannot open them", async ({ signedInAs }) => {
  const exec = await signedInAs("executive");
  await exec.goto("/renewal/correspondence");
  await expect(exec.getByRole("heading", { level: 1, name: t("renewal.correspondence.title") })).toBeVisible({ timeout: 60_000 });
  await expect(exec.getByTestId("clause-J.1")).toContainText("REG-01");
  await expect(exec.getByRole("button", { name: t("renewal.correspondence.add") })).toHaveCount(0);
  await exec.goto("/renewal");
  await expect(exec.getByRole("heading", { level: 1, name: t("renewal.title") })).toBeVisible({ timeout: 60_000 });

  const hr = await signedInAs("hr");
  await hr.goto("/renewal");
  await expect(hr).toHaveURL(/\/forbidden/, { timeout: 60_000 });
  await expect(hr.getByRole("link", { name: t("nav.renewalReadiness") })).toHaveCount(0);
});
