import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, waitForData } from "./fixtures";
import { t } from "./i18n";

/**
 * Notifications: an incident reported four days after it was discovered is inside the warning window
 * of its P-mark preliminary report; after the deadline scan it is under the bell of its reporter (the
 * executive here) and links to the incident — but only while the reporter's preferences let incident
 * notifications through. Another user (HR) does not get it.
 */

const tokyoDate = (daysAgo: number) => new Date(Date.now() + 9 * 3600_000 - daysAgo * 86400_000).toISOString().slice(0, 10);

async function reportIncident(page: Page, origin: string, title: string): Promise<number> {
  const day = tokyoDate(4);
  const res = await page.request.post("/api/v1/incidents", {
    headers: { origin },
    data: {
      title,
      category: "misdirected",
      occurredAt: `${day}T10:00:00+09:00`,
      discoveredAt: `${day}T11:00:00+09:00`,
      description: "e2e: 通知のテスト用に報告したインシデント。",
      personsAffected: 1,
      sensitiveData: false,
      financialLoss: false,
      wrongfulPurpose: false,
      encrypted: false,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

async function scan(page: Page, origin: string) {
  const res = await page.request.post("/api/v1/notifications/scan", { headers: { origin }, data: {}, timeout: 60_000 });
  expect(res.status(), await res.text()).toBe(200);
}

async function setIncidentMode(page: Page, mode: "off" | "immediate") {
  await page.goto("/notifications/preferences");
  const select = page.getByLabel(t("notifications.preferences.modeLabel", { type: t("notifications.types.incident") }));
  await select.selectOption(mode);
  await page.getByRole("button", { name: t("common.save") }).click();
  await expect(page.getByText(t("notifications.preferences.saved"))).toBeVisible();
}

test("a deadline within its warning window appears under the reporter's bell and links to the incident; preferences decide", async ({ signedInAs, baseURL }) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL!).origin;
  const exec = await signedInAs("executive");
  const manager = await signedInAs("privacy_manager");

  // Off: the incident the executive reports now does not reach them.
  await setIncidentMode(exec, "off");
  expect((await new AxeBuilder({ page: exec }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
  const stamp = Date.now();
  const quiet = await reportIncident(exec, origin, `e2e 通知オフ ${stamp}`);
  await scan(manager, origin);
  const mine = async () => (await (await exec.request.get("/api/v1/notifications?pageSize=100")).json()) as { items: { href: string }[] };
  expect((await mine()).items.filter((n) => n.href === `/incidents/${quiet}`)).toEqual([]);

  // Immediately: the next one does.
  await setIncidentMode(exec, "immediate");
  const loud = await reportIncident(exec, origin, `e2e 通知オン ${stamp}`);
  await scan(manager, origin);

  await exec.goto("/dashboard");
  const bell = exec.getByRole("button", { name: new RegExp(`^${t("notifications.bell")}`) });
  await expect(bell).toHaveAttribute("aria-label", /未読/);
  await bell.click();
  const panel = exec.locator(`#${await bell.getAttribute("aria-controls")}`);
  const link = panel.getByRole("link", { name: new RegExp(`審査機関への速報期限`) }).and(panel.locator(`a[href="/incidents/${loud}"]`));
  await expect(link).toBeVisible();
  await expect(link).toContainText(t("notifications.stage.soon"));
  expect((await new AxeBuilder({ page: exec }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
  await link.click();
  // (A dev server compiles the page on its first visit.)
  await expect(exec).toHaveURL(new RegExp(`/incidents/${loud}$`), { timeout: 60_000 });
  await expect(exec.getByText(`e2e 通知オン ${stamp}`).first()).toBeVisible();

  // The notifications page: the one opened is read now; the list links to the record.
  await exec.goto("/notifications");
  await waitForData(exec);
  const row = exec.locator(`a[href="/incidents/${loud}"]`).first();
  await expect(row).toBeVisible();
  expect((await new AxeBuilder({ page: exec }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);

  // HR reported nothing and owns nothing here: not under HR's bell.
  const hr = await signedInAs("hr");
  const hrs = (await (await hr.request.get("/api/v1/notifications?pageSize=100")).json()) as { items: { href: string }[] };
  expect(hrs.items.filter((n) => n.href === `/incidents/${loud}`)).toEqual([]);
});

test("the privacy manager sees the outbox and the lead times, adds a webhook (its secret shown once) and removes it", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  await page.goto("/notifications/deliveries");
  await waitForData(page);
  await expect(page.getByRole("heading", { name: t("notifications.leadDays.title") })).toBeVisible();
  // The e2e server has SMTP settings (playwright.config.ts, MAIL_ENV): no "e-mail is off" here.
  await expect(page.getByText(t("notifications.deliveries.emailOff"))).toHaveCount(0);

  const name = `e2e chat ${Date.now()}`;
  await page.getByLabel(t("notifications.webhooks.name")).fill(name);
  await page.getByLabel(t("notifications.webhooks.url")).fill("https://chat.example.co.jp/hooks/pms");
  await page.getByRole("checkbox", { name: t("notifications.types.incident") }).check();
  await page.getByRole("button", { name: t("common.save") }).nth(1).click();
  await expect(page.getByText(new RegExp(`${name} の署名用シークレット`))).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
  await page.getByRole("button", { name: t("notifications.webhooks.remove", { name }) }).click();
  await expect(page.getByText(t("notifications.webhooks.saved"))).toBeVisible();
  await expect(page.getByRole("button", { name: t("notifications.webhooks.remove", { name }) })).toHaveCount(0);
});
