import type { Browser, Page } from "@playwright/test";
import { authFile, expect, test, waitForData } from "./fixtures";
import { axeViolations } from "./axe";
import { t } from "./i18n";

/**
 * An incident's regulator outputs in the English UI: the PPC report's copy view (fields in Japanese, in
 * the order of the PPC's form, prefilled from the record, a copy button that puts the field on the
 * clipboard and says so), the notice to the persons and the public statement drafts (Japanese), each
 * printable (print media shows the document without the app's chrome), and a "made on" date saved
 * from the notice page showing on the incident.
 */

async function englishManager(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "en-GB", timezoneId: "Asia/Tokyo", storageState: authFile("privacy_manager") });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL }]);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  return context.newPage();
}

function tokyoDate(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test("PPC copy view, notice and statement drafts: Japanese in the English UI, copy, print, made on", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const page = await englishManager(browser, baseURL!);

  // A reportable incident with 20 persons, its data items and a corrective action, through the API.
  const discovered = tokyoDate(-3);
  // page.request sends no Origin: say the app's own, as a page of the app does.
  const headers = { origin: new URL(baseURL!).origin };
  const created = await page.request.post("/api/v1/incidents", {
    headers,
    data: {
      title: `E2E 顧客名簿の誤送信 ${Date.now()}`,
      category: "misdirected",
      discoveredAt: `${discovered}T10:00`,
      description: "顧客20名分の名簿を添付したメールを取引先に誤送信した。",
      dataInvolved: "氏名、住所、電話番号",
      personsAffected: 20,
      sensitiveData: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const incident = (await created.json()) as { id: number; reference: string };
  const action = await page.request.post(`/api/v1/incidents/${incident.id}/corrective-actions`, {
    headers,
    data: { description: "送信前の宛先確認を必須にする。", owner: "情報システム部", dueOn: tokyoDate(20) },
  });
  expect(action.status(), await action.text()).toBe(201);

  // The incident page leads to the outputs.
  await page.goto(`/incidents/${incident.id}`);
  await page.getByRole("link", { name: t("incidents.detail.print", {}, "en") }).click();
  await page.waitForURL(`**/incidents/${incident.id}/report`);

  // 1. The PPC report: chrome in English, the report in Japanese, in the form's order, prefilled.
  await expect(page.getByRole("heading", { level: 1, name: t("incidents.outputs.ppc.title", { reference: incident.reference }, "en") })).toBeVisible();
  const report = page.locator('article[lang="ja"]');
  await expect(report.getByRole("heading", { name: "個人データの漏えい等の報告（速報）" })).toBeVisible();
  const headings = await report.getByRole("heading", { level: 3 }).allTextContents();
  expect(headings).toEqual(["報告者の概要", "事案の概要", "報告事項"]);
  const labels = (await report.locator("dt > span:first-child").allTextContents()).map((s) => s.trim());
  expect(labels.slice(-9)).toEqual([
    "1. 概要",
    "2. 漏えい等が発生し、又は発生したおそれがある個人データの項目",
    "3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数",
    "4. 原因",
    "5. 二次被害又はそのおそれの有無及びその内容",
    "6. 本人への対応の実施状況",
    "7. 公表の実施状況",
    "8. 再発防止のための措置",
    "9. その他参考となる事項",
  ]);
  await expect(report.getByText("20人", { exact: true })).toBeVisible();
  await expect(report.getByText("氏名、住所、電話番号", { exact: false })).toBeVisible();
  await expect(report.getByText(/送信前の宛先確認を必須にする。（担当：情報システム部/)).toBeVisible();
  await expect(report.getByText(/要配慮個人情報が含まれる個人データの漏えい等/)).toBeVisible();
  // An English gloss beside the Japanese label.
  await expect(report.getByText(t("incidents.finalReport.items.reportPersons", {}, "en"), { exact: true })).toBeVisible();

  // A copy button, named by its field, puts the value on the clipboard and announces it.
  const field = "漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数";
  await page.getByRole("button", { name: t("incidents.outputs.copyLabel", { field }, "en") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("incidents.outputs.copied", { field }, "en") })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("20人");
  await page.getByRole("button", { name: t("incidents.outputs.ppc.copyAll", {}, "en") }).click();
  const all = await page.evaluate(() => navigator.clipboard.readText());
  expect(all.split("\n")[0]).toBe("個人データの漏えい等の報告（速報）");
  expect(all).toContain(`${field}：20人`);
  expect(await axeViolations(page)).toEqual([]);

  // Printed: the document, without the app's navigation, the buttons or the forms.
  await page.emulateMedia({ media: "print" });
  await expect(report).toBeVisible();
  await expect(page.getByRole("navigation", { name: t("incidents.outputs.nav.label", {}, "en") })).toBeHidden();
  await expect(page.getByRole("button", { name: t("incidents.outputs.ppc.copyAll", {}, "en") })).toBeHidden();
  await expect(page.getByRole("heading", { name: t("incidents.outputs.mark.heading", {}, "en") })).toBeHidden();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: "screen" });

  // 2. The notice to the persons: a Japanese letter; the day it was sent is recorded and feeds the clock.
  await page.getByRole("link", { name: t("incidents.outputs.nav.notice", {}, "en") }).click();
  await page.waitForURL(`**/incidents/${incident.id}/notice`);
  await expect(page.getByRole("heading", { level: 1, name: t("incidents.outputs.notice.title", { reference: incident.reference }, "en") })).toBeVisible();
  const notice = page.locator('article[lang="ja"]');
  await expect(notice.getByRole("heading", { name: "個人データの漏えい等に関するお知らせとお詫び" })).toBeVisible();
  await expect(notice.getByText("関係者各位")).toBeVisible();
  await expect(notice.getByText("3. 原因")).toBeVisible();
  await page.getByLabel(t("incidents.outputs.mark.personsNotice", {}, "en")).fill(tokyoDate(0));
  await page.getByRole("button", { name: t("incidents.outputs.mark.save", {}, "en") }).click();
  await expect(page.getByText(/^Recorded as made on /)).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(notice).toBeVisible();
  await expect(page.getByLabel(t("incidents.outputs.mark.personsNotice", {}, "en"))).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // 3. The public statement.
  await page.getByRole("link", { name: t("incidents.outputs.nav.statement", {}, "en") }).click();
  await page.waitForURL(`**/incidents/${incident.id}/statement`);
  const statement = page.locator('article[lang="ja"]');
  await expect(statement.getByRole("heading", { name: "個人データの漏えい等に関するお知らせ" })).toBeVisible();
  await expect(statement.getByText("20人", { exact: true })).toBeVisible();
  // The notice recorded above is the statement's response to the persons.
  await expect(statement.getByText(/に本人への通知を行った。$/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ media: "print" });
  await expect(statement).toBeVisible();
  await expect(page.getByRole("button", { name: t("incidents.outputs.statement.copy", {}, "en") })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // The incident's clock shows the notice as done.
  await page.goto(`/incidents/${incident.id}`);
  await waitForData(page);
  await expect(page.getByLabel(t("incidents.reports.personsNotifiedOn", {}, "en"))).toHaveValue(tokyoDate(0));
  await page.context().close();
});
