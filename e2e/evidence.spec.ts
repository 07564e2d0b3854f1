import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { onePagePdf } from "../db/seed/evidence";
import { axeViolations } from "./axe";
import { test, expect, waitForData } from "./fixtures";
import { t } from "./i18n";

/**
 * Evidence files end to end (docs/domain.md, "Evidence files"): the privacy manager attaches a PDF to
 * a training record (the attendance of one session) and to an incident, sees it listed with its
 * SHA-256, previews it, uploads a second version, and downloads the first one under its Japanese name.
 */

const pdfFile = (name: string, text: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(onePagePdf([text])) });

/** The record's page with its evidence panel loaded (the first compile of a page under `next dev` is slow). */
async function openRecord(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("region", { name: t("evidence.title") })).toBeVisible({ timeout: 60_000 });
  await waitForData(page);
}

async function attach(page: Page, file: ReturnType<typeof pdfFile>, title: string) {
  const panel = page.getByRole("region", { name: t("evidence.title") });
  const dialog = page.getByRole("dialog", { name: t("evidence.dialog.newTitle") });
  // Until the page has hydrated (slow under `next dev`), a click does nothing: click again until it opens.
  await expect(async () => {
    await panel.getByRole("button", { name: t("evidence.attach") }).click();
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await expect(dialog.getByText(file.name)).toBeVisible();
  await dialog.getByLabel(t("evidence.fields.title")).fill(title);
  await dialog.getByRole("button", { name: t("evidence.upload") }).click();
  // Each record kind has its own route: under `next dev` its first upload waits for a compile.
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(panel.getByText(t("evidence.uploaded", { name: file.name }))).toBeVisible();
  return panel.getByRole("listitem", { name: title });
}

async function previewShowsPdf(page: Page, item: ReturnType<Page["getByRole"]>, fileName: string) {
  const inline = page.waitForResponse((r) => r.url().includes("/content?disposition=inline"));
  await item.getByRole("button", { name: t("evidence.preview") }).click();
  const dialog = page.getByRole("dialog", { name: t("evidence.previewTitle", { name: fileName }) });
  await expect(dialog.locator("iframe")).toHaveAttribute("title", t("evidence.previewFrame", { name: fileName }));
  const res = await inline;
  expect(res.status()).toBe(200);
  const headers = await res.allHeaders();
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["content-disposition"]).toMatch(/^inline; /);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toContain("sandbox");
  await dialog.getByRole("button", { name: t("common.close") }).first().click();
  await expect(dialog).toBeHidden();
}

test("attach a PDF to a training record and an incident, preview it, add a version, download the first", async ({ signedInAs }) => {
  test.setTimeout(120_000);
  const page = await signedInAs("privacy_manager");
  const stamp = Date.now();

  // A training record: the attendance sheet of the session it belongs to. The demo's first record
  // is a retired one (db/seed/demo.ts); the second is live.
  const recordId = 2;
  await openRecord(page, `/training/records/${recordId}`);
  const v1 = pdfFile(`出席簿_第1版_${stamp}.pdf`, `Attendance v1 ${stamp}`);
  const sheet = await attach(page, v1, `出席簿 ${stamp}`);
  await expect(sheet.getByText(v1.name)).toBeVisible();
  await expect(sheet.getByText(/[0-9a-f]{64}/).first()).toBeVisible();
  await previewShowsPdf(page, sheet, v1.name);

  // A second version with its own effective date; the first stays in the history.
  await sheet.getByRole("button", { name: t("evidence.newVersion") }).click();
  const versionDialog = page.getByRole("dialog", { name: t("evidence.dialog.versionTitle", { title: `出席簿 ${stamp}` }) });
  const v2 = pdfFile(`出席簿_第2版_${stamp}.pdf`, `Attendance v2 ${stamp}`);
  await versionDialog.locator('input[type="file"]').setInputFiles(v2);
  await versionDialog.getByLabel(t("evidence.fields.effectiveOn")).fill("2026-04-01");
  await versionDialog.getByRole("button", { name: t("evidence.upload") }).click();
  await expect(versionDialog).toBeHidden({ timeout: 60_000 });
  await expect(sheet.getByText(v2.name).first()).toBeVisible();
  await sheet.getByRole("button", { name: t("evidence.history", { count: 2 }) }).click();
  const first = sheet.getByRole("link", { name: t("evidence.downloadVersion", { number: 1 }) });
  const [download] = await Promise.all([page.waitForEvent("download"), first.click()]);
  expect(download.suggestedFilename()).toBe(v1.name);
  const saved = readFileSync(await download.path());
  expect(saved.toString("latin1")).toContain(`Attendance v1 ${stamp}`);

  // An incident: the report made to the PPC.
  await openRecord(page, "/incidents/1");
  const report = pdfFile(`委員会への速報_${stamp}.pdf`, `PPC preliminary report ${stamp}`);
  const reported = await attach(page, report, `委員会への速報 ${stamp}`);
  await expect(reported.getByText(report.name)).toBeVisible();
  await previewShowsPdf(page, reported, report.name);

  // The panel with its history open, and the upload dialog with its messages, pass axe.
  await reported.getByRole("button", { name: t("evidence.history", { count: 1 }) }).click();
  expect(await axeViolations(page)).toEqual([]);
});
