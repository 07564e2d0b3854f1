import type { Page } from "@playwright/test";
import { expect, test, waitForData } from "./fixtures";
import { t, type Locale } from "./i18n";

/**
 * The form kit's one conflict behaviour (docs/architecture.md, "Forms"), on the regulation edit form:
 * someone else saves the regulation while the privacy manager edits it; the save is refused, the notice
 * names the field the other person changed, and what the manager typed is still in the form. "Keep my
 * input" then saves over it; "load the latest" shows the other person's change instead.
 */
const ID = 2;

type Regulation = { code: string; title: string; description: string | null; ownerUserId: number | null; ownerName: string | null; reviewIntervalMonths: number; version: number };

async function current(page: Page): Promise<Regulation> {
  const res = await page.request.get(`/api/v1/regulations/${ID}`);
  expect(res.status()).toBe(200);
  return (await res.json()).regulation as Regulation;
}

/** A save through the API in the same session, as another tab or person would make it. */
async function patch(page: Page, baseURL: string, changes: Partial<Regulation>) {
  const r = await current(page);
  const body = { code: r.code, title: r.title, description: r.description, ownerUserId: r.ownerUserId, ownerName: r.ownerUserId ? null : r.ownerName, reviewIntervalMonths: r.reviewIntervalMonths, version: r.version, ...changes };
  const res = await page.request.patch(`/api/v1/regulations/${ID}`, { data: body, headers: { origin: new URL(baseURL).origin } });
  expect(res.status(), await res.text()).toBe(200);
}

/** A field by its label; a required field's name goes on with "*" and the word "required". */
const field = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s*\\*|$)`);

async function openEdit(page: Page, locale: Locale) {
  await page.goto(`/regulations/${ID}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await waitForData(page);
  // The page header's edit (a pending review below has an edit button of its own).
  await page.getByRole("button", { name: t("regulations.detail.edit", {}, locale), exact: true }).first().click();
  const dialog = page.getByRole("dialog", { name: t("regulations.form.editTitle", {}, locale) });
  await expect(dialog).toBeVisible();
  return dialog;
}

for (const locale of ["ja", "en"] as const) {
  test(`a conflict keeps the input and names the changed field; "keep my input" then saves (${locale})`, async ({ signedInAs, baseURL }) => {
    const page = await signedInAs("privacy_manager");
    if (locale === "en") await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    const before = await current(page);
    const tr = (key: string) => t(key, {}, locale);

    const dialog = await openEdit(page, locale);
    const title = dialog.getByLabel(field(tr("regulations.fields.title")));
    const mine = `${before.title}（e2e ${locale} ${Date.now()}）`;
    await title.fill(mine);

    // Meanwhile someone else changes the summary of the same regulation.
    const theirs = `e2e: changed elsewhere ${Date.now()}`;
    await patch(page, baseURL!, { description: theirs });

    await dialog.getByRole("button", { name: tr("common.save"), exact: true }).click();
    const notice = dialog.getByRole("status").filter({ hasText: tr("form.conflict.title") });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(tr("form.conflict.kept"));
    await expect(notice.getByText(tr("form.conflict.changed"))).toContainText(tr("regulations.fields.description"));
    await expect(notice.getByText(tr("form.conflict.changed"))).not.toContainText(tr("regulations.fields.title"));
    await expect(title).toHaveValue(mine);
    await expect(dialog).toBeVisible();
    await page.screenshot({ path: `test-results/form-conflict-${locale}.png` });

    // Keep my input: the next save goes through, over the other change.
    await notice.getByRole("button", { name: tr("form.conflict.keepMine") }).click();
    await expect(notice).toBeHidden();
    await expect(title).toHaveValue(mine);
    await dialog.getByRole("button", { name: tr("common.save"), exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(tr("regulations.form.updated"))).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: mine })).toBeVisible();
    const after = await current(page);
    expect(after.title).toBe(mine);
    expect(after.version).toBe(before.version + 2);

    // Leave the regulation as the demo data had it.
    await patch(page, baseURL!, { title: before.title, description: before.description });
  });
}

test(`"load the latest" discards the input and shows the other change`, async ({ signedInAs, baseURL }) => {
  const page = await signedInAs("privacy_manager");
  const before = await current(page);

  const dialog = await openEdit(page, "ja");
  const title = dialog.getByLabel(field(t("regulations.fields.title")));
  const description = dialog.getByLabel(field(t("regulations.fields.description")));
  await title.fill(`${before.title}（破棄される入力）`);

  const theirs = `e2e: 他の人の変更 ${Date.now()}`;
  await patch(page, baseURL!, { description: theirs });

  await dialog.getByRole("button", { name: t("common.save"), exact: true }).click();
  const notice = dialog.getByRole("status").filter({ hasText: t("form.conflict.title") });
  await expect(notice.getByText(t("form.conflict.changed"))).toContainText(t("regulations.fields.description"));
  await notice.getByRole("button", { name: t("form.conflict.loadLatest") }).click();

  await expect(notice).toBeHidden();
  await expect(description).toHaveValue(theirs);
  await expect(title).toHaveValue(before.title);
  // The form now starts from the latest version: saving it works without another conflict.
  await dialog.getByRole("button", { name: t("common.save"), exact: true }).click();
  await expect(dialog).toBeHidden();
  expect((await current(page)).description).toBe(theirs);

  await patch(page, baseURL!, { description: before.description });
});
