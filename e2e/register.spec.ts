import ExcelJS from "exceljs";
import { test, expect, waitForData } from "./fixtures";
import { t } from "./i18n";

/**
 * The privacy manager brings an existing register in from Excel (docs/domain.md §6): a file with a
 * wrong line is refused with the line and column named in Japanese and nothing stored; the corrected
 * file previews as new items, is imported, and the item opens with its history; importing the same
 * file again changes nothing. Read-only roles see the register without the write buttons.
 */

const HEADERS = ["管理番号", "個人情報の名称", "種類", "本人の区分", "項目", "件数（概数）", "取得方法", "利用目的", "管理部署", "委託先", "第三者提供・共同利用"];

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("個人情報管理台帳");
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("the privacy manager imports a register from .xlsx: line errors first, then the items, then nothing to do", async ({ signedInAs }) => {
  test.setTimeout(180_000);
  const page = await signedInAs("privacy_manager");
  const stamp = String(Date.now()).slice(-6);
  const code = `E2E-${stamp}`;
  const name = `E2E取込テスト情報${stamp}`;
  const good = [code, name, "個人情報", "展示会来場者", "氏名、会社名、メールアドレス", 300, "本人から（書面以外）", "P5\nP7", "マーケティング部", "", "なし"];
  const bad = [`${code}-X`, "誤りのある行", "秘密", "", "", 10, "本人から（書面以外）", "P99", "", "", "なし"];

  await page.goto("/register");
  await waitForData(page);
  await page.getByRole("link", { name: t("register.actions.import"), exact: true }).click();
  // A dev server compiles the page on its first visit.
  await expect(page.getByRole("heading", { name: t("register.importTitle") })).toBeVisible({ timeout: 60_000 });

  const input = page.getByLabel(t("importPanel.choose.inputLabel"));
  await input.setInputFiles({ name: "台帳.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await workbook([good, bad]) });
  // Every fault of line 3 at once (its own cells and a purpose not in the list), in the user's language; nothing can be imported.
  await expect(page.getByText("「秘密」は使えません", { exact: false })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(t("register.import.errors.unknownPurpose", { value: "P99" }))).toBeVisible();
  await expect(page.getByRole("button", { name: t("register.actions.import"), exact: true })).toBeDisabled();

  await page.getByRole("button", { name: t("importPanel.choose.another") }).first().click();
  await page.getByLabel(t("importPanel.choose.inputLabel")).setInputFiles({ name: "台帳.xlsx", mimeType: "application/octet-stream", buffer: await workbook([good]) });
  await expect(page.getByText(t("importPanel.preview.ready"))).toBeVisible();
  await expect(page.getByText(name)).toBeVisible();
  await page.getByRole("button", { name: t("register.actions.import"), exact: true }).click();
  const confirm = page.getByRole("dialog", { name: t("importPanel.commit.confirmTitle") });
  await confirm.getByRole("button", { name: t("register.actions.import"), exact: true }).click();
  await expect(page.getByText(t("register.import.committed", { inserted: 1, updated: 0, unchanged: 0 }))).toBeVisible();

  // The item opens with its purposes, department and the import as version 1 of its history.
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible({ timeout: 60_000 });
  await waitForData(page);
  await expect(page.getByText("マーケティング部").first()).toBeVisible();
  await expect(page.getByText(t("register.history.version", { version: 1 }))).toBeVisible();
  await expect(page.getByText(t("register.history.action.imported"), { exact: true })).toBeVisible();

  // The same file again: nothing to do.
  await page.goto("/register/import");
  await page.getByLabel(t("importPanel.choose.inputLabel")).setInputFiles({ name: "台帳.xlsx", mimeType: "application/octet-stream", buffer: await workbook([good]) });
  await expect(page.getByText(t("importPanel.preview.nothingToDo"))).toBeVisible();
});

test("the auditor reads the register without write buttons; the review filter narrows it", async ({ signedInAs }) => {
  const page = await signedInAs("auditor");
  await page.goto("/register");
  await waitForData(page);
  await expect(page.getByRole("heading", { name: t("register.title") })).toBeVisible();
  await expect(page.getByRole("link", { name: t("register.newItem") })).toHaveCount(0);
  await expect(page.getByRole("link", { name: t("register.actions.import"), exact: true })).toHaveCount(0);
  await page.getByLabel(t("register.filters.overdue")).check();
  await expect(page).toHaveURL(/overdue=true/);
  await waitForData(page);
  await expect(page.getByText(t("register.dueState.overdue")).first()).toBeVisible();
  await expect(page.getByRole("link", { name: t("register.exportRegister") })).toHaveAttribute("href", /\/api\/v1\/register\/export\?.*overdue=true.*format=xlsx|format=xlsx.*overdue=true/);
});

test("a search that matches no register item says so once, on a laptop and on a phone", async ({ signedInAs }) => {
  const page = await signedInAs("executive");
  await page.goto(`/register?q=${encodeURIComponent("該当する項目のない語")}`);
  await waitForData(page);
  const empty = () => page.getByText(t("register.emptyFiltered"), { exact: true }).filter({ visible: true });
  await expect(empty()).toHaveCount(1);
  await expect(page.getByText(t("register.empty"), { exact: true })).toHaveCount(0);
  await expect(page.getByText(t("common.empty"), { exact: true })).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(empty()).toHaveCount(1);
});
