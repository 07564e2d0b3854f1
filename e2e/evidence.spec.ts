import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { onePagePdf } from "../db/seed/evidence";
import { axeViolations } from "./axe";
import { test, expect, waitForData } from "./fixtures";
import { t } from "./i18n";

/**
 * Evidence files end to end (docs/domain.md, "Evidence files"): the privacy manager attaches a PDF to
 * a training session (its attendance sheet) and to an incident, sees it listed with its SHA-256,
 * previews it, uploads a second version, and downloads the first one under its Japanese name — the
 * same bytes (SHA-256) as the file uploaded.
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

/**
 * On one record page: attach a PDF, see it listed with its SHA-256, preview it, upload a second
 * version, and download the first — its bytes are the first file's (same SHA-256 as shown in the
 * version history), under its Japanese name. Returns the evidence's list item.
 */
async function attachVersionDownload(page: Page, label: string, text: string, stamp: number) {
  const v1 = pdfFile(`${label}_第1版_${stamp}.pdf`, `${text} v1 ${stamp}`);
  const title = `${label} ${stamp}`;
  const item = await attach(page, v1, title);
  const sha1 = createHash("sha256").update(v1.buffer).digest("hex");
  await expect(item.getByText(v1.name)).toBeVisible();
  await expect(item.getByText(sha1).first()).toBeVisible();
  await previewShowsPdf(page, item, v1.name);

  // A second version with its own effective date; the first stays in the history.
  await item.getByRole("button", { name: t("evidence.newVersion") }).click();
  const versionDialog = page.getByRole("dialog", { name: t("evidence.dialog.versionTitle", { title }) });
  const v2 = pdfFile(`${label}_第2版_${stamp}.pdf`, `${text} v2 ${stamp}`);
  await versionDialog.locator('input[type="file"]').setInputFiles(v2);
  await versionDialog.getByLabel(t("evidence.fields.effectiveOn")).fill("2026-04-01");
  await versionDialog.getByRole("button", { name: t("evidence.upload") }).click();
  await expect(versionDialog).toBeHidden({ timeout: 60_000 });
  await expect(item.getByText(v2.name).first()).toBeVisible();
  await expect(item.getByText(createHash("sha256").update(v2.buffer).digest("hex")).first()).toBeVisible();
  await item.getByRole("button", { name: t("evidence.history", { count: 2 }) }).click();
  await expect(item.getByText(sha1).first()).toBeVisible();
  const first = item.getByRole("link", { name: t("evidence.downloadVersion", { number: 1 }) });
  const [download] = await Promise.all([page.waitForEvent("download"), first.click()]);
  expect(download.suggestedFilename()).toBe(v1.name);
  const saved = readFileSync(await download.path());
  expect(createHash("sha256").update(saved).digest("hex")).toBe(sha1);
  expect(saved.toString("latin1")).toContain(`${text} v1 ${stamp}`);
  return item;
}

test("attach a PDF to a training session and an incident: listed, previewed, a second version, the first downloaded byte for byte", async ({ signedInAs }) => {
  test.setTimeout(180_000);
  const page = await signedInAs("privacy_manager");
  const stamp = Date.now();

  // A training session (the demo's bulk entries have them): its attendance sheet.
  await page.goto("/training/sessions");
  await expect(page.getByRole("heading", { name: t("sessions.title"), level: 1 })).toBeVisible({ timeout: 60_000 });
  await waitForData(page);
  await expect(page.getByRole("table", { name: t("sessions.tableCaption") }).getByRole("row").nth(1)).toBeVisible();
  await openRecord(page, "/training/sessions/1");
  await expect(page.getByRole("table", { name: t("sessions.attendeesCaption") })).toBeVisible();
  await attachVersionDownload(page, "出席簿", "Attendance sheet", stamp);

  // The attendee's record links back to its session.
  await page.getByRole("table", { name: t("sessions.attendeesCaption") }).getByRole("link").first().click();
  await expect(page.locator('main a[href="/training/sessions/1"]')).toBeVisible({ timeout: 60_000 });

  // An incident: the report made to the PPC.
  await openRecord(page, "/incidents/1");
  const reported = await attachVersionDownload(page, "委員会への速報", "PPC preliminary report", stamp);

  // The panel with its history open passes axe.
  await expect(reported.getByRole("button", { name: t("evidence.hideHistory") })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
