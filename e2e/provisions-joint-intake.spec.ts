import { test, expect } from "./fixtures";
import { t } from "./i18n";

/**
 * Provision records and joint uses managed, and the public intake of requests (docs/domain.md §7):
 * the privacy manager withdraws a provision record after a confirmation and restores it; adds a joint
 * use, sees its notice and ends it; turns the public intake page on, a person sends a request without
 * signing in and it appears in the requests list.
 */

test("a provision record withdrawn and restored; a joint use added and ended", async ({ signedInAs }) => {
  test.setTimeout(180_000);
  const pm = await signedInAs("privacy_manager");
  await pm.goto("/provisions/1");
  await pm.getByRole("button", { name: t("provisions.detail.retire") }).click();
  const confirm = pm.getByRole("dialog");
  await expect(confirm.getByText(t("provisions.detail.retireTitle"))).toBeVisible();
  await confirm.getByRole("button", { name: t("provisions.detail.retire") }).click();
  await expect(pm.getByText(t("provisions.detail.retired"))).toBeVisible({ timeout: 30_000 });
  await expect(pm.getByText(t("provisions.detail.retiredBadge"))).toBeVisible();
  await pm.getByRole("button", { name: t("provisions.detail.restore") }).click();
  await pm.getByRole("dialog").getByRole("button", { name: t("provisions.detail.restore") }).click();
  await expect(pm.getByText(t("provisions.detail.restored"))).toBeVisible({ timeout: 30_000 });
  await expect(pm.getByRole("button", { name: t("provisions.detail.edit") })).toBeVisible();

  const title = `E2E 共同利用 ${Date.now()}`;
  await pm.goto("/provisions/joint-uses");
  await pm.getByRole("button", { name: t("provisions.joint.new") }).click();
  const form = pm.getByRole("dialog");
  await form.getByLabel(t("provisions.joint.title")).fill(title);
  await form.getByLabel(t("provisions.joint.purpose")).fill("共催イベントの運営のため");
  await form.getByRole("textbox", { name: t("provisions.joint.partners") }).fill("株式会社E2E提携");
  await form.getByLabel(t("provisions.joint.dataItems")).fill("氏名、メールアドレス");
  await form.getByRole("textbox", { name: t("provisions.joint.responsibleName") }).fill("RUFT株式会社");
  await form.getByLabel(t("provisions.joint.responsibleAddress")).fill("東京都渋谷区神南1-2-3");
  await form.getByLabel(t("provisions.joint.responsibleRepresentative")).fill("代表取締役 田中 誠");
  await form.getByRole("button", { name: t("provisions.joint.save") }).click();
  const card = pm.locator("section", { has: pm.getByRole("heading", { name: title }) });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText("共催イベントの運営のため").first()).toBeVisible();
  await expect(card.getByText(t("provisions.joint.notPublished"))).toBeVisible();
  await card.getByRole("button", { name: t("provisions.joint.end") }).click();
  await pm.getByRole("dialog").getByRole("button", { name: t("provisions.joint.end") }).click();
  await expect(pm.getByText(t("provisions.joint.ended"))).toBeVisible({ timeout: 30_000 });
  await expect(card).toHaveCount(0);
});

test("the public intake page: off answers 404; on, a person sends a request without signing in and it is in the list", async ({ signedInAs, browser }) => {
  test.setTimeout(180_000);
  const pm = await signedInAs("privacy_manager");
  await pm.goto("/requests");
  const base = new URL(pm.url()).origin;
  const put = async (publicIntake: boolean) => {
    const current = await (await pm.request.get("/api/v1/settings/requests")).json();
    const res = await pm.request.put("/api/v1/settings/requests", { data: { ...current, publicIntake }, headers: { origin: base } });
    expect(res.status()).toBe(200);
  };
  await put(false);
  // A visitor: no session at all.
  const visitor = await browser.newContext({ locale: "ja-JP" });
  const page = await visitor.newPage();
  expect((await page.goto(`${base}/request`))?.status()).toBe(404);

  await put(true);
  const name = `E2E 公開受付 ${Date.now()}`;
  await page.goto(`${base}/request`);
  await expect(page.getByRole("heading", { name: t("requests.public.title") })).toBeVisible();
  await page.getByLabel(t("requests.form.kind")).selectOption("correction");
  await page.getByLabel(t("requests.form.requesterName")).fill(name);
  await page.getByLabel(t("requests.public.contact")).fill("visitor@example.jp");
  await page.getByLabel(t("requests.public.details")).fill("登録住所が誤っているので訂正を求めます。");
  await page.getByRole("button", { name: t("requests.public.submit") }).click();
  await expect(page.getByText(/REQ-\d{4}-\d{3}/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(t("requests.public.nextTitle"))).toBeVisible();
  await visitor.close();

  await pm.goto(`/requests?q=${encodeURIComponent(name)}`);
  await expect(pm.getByText(name).first()).toBeVisible({ timeout: 30_000 });
  await put(false);
});
