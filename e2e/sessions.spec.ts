import type { Browser, BrowserContext, Page, TestInfo } from "@playwright/test";
import { test, expect, DEMO_ACCOUNTS, DEMO_PASSWORD } from "./fixtures";
import { t } from "./i18n";
import { LoginPage } from "./pages/login-page";

/**
 * Revocable sessions, in the browser against the production build. Every session here is a fresh
 * sign-in in its own context: the stored sign-ins the other specs reuse are never ended (a demo
 * user's own sessions are ended only one at a time, by signing out; "sign out everywhere" is tried
 * on a user created for the test).
 */

const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token/;

async function freshContext(browser: Browser, testInfo: TestInfo): Promise<BrowserContext> {
  const { baseURL, locale, timezoneId } = testInfo.project.use;
  return browser.newContext({ baseURL, locale, timezoneId });
}

async function signIn(context: BrowserContext, email: string, password: string): Promise<Page> {
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
  return page;
}

/** The header's account menu, opened. */
async function openAccountMenu(page: Page) {
  const banner = page.getByRole("banner");
  await banner.getByRole("button", { name: new RegExp(`^${t("header.userMenu", { name: ".+", role: ".+" })}$`) }).click();
  return banner;
}

/** An ICU plural message of messages/ja.json for a count (its "=N" or "other" branch). */
function plural(key: string, count: number): string {
  const message = t(key);
  const exact = new RegExp(`=${count} \\{([^{}]*)\\}`).exec(message);
  const other = /other \{([^{}]*)\}/.exec(message);
  return (exact ?? other)![1].replace("#", String(count));
}

const me = async (context: BrowserContext) => (await context.request.get("/api/v1/me")).status();

test.describe("sessions end on the server", () => {
  test("after signing out, a copy of the old cookie is refused (401)", async ({ browser }, testInfo) => {
    const context = await freshContext(browser, testInfo);
    const page = await signIn(context, DEMO_ACCOUNTS.auditor, DEMO_PASSWORD);
    const copied = (await context.cookies()).filter((c) => SESSION_COOKIE.test(c.name));
    expect(copied.length).toBeGreaterThan(0);
    expect(await me(context)).toBe(200);

    const menu = await openAccountMenu(page);
    await menu.getByRole("button", { name: t("header.signOut"), exact: true }).click();
    await expect(page).toHaveURL(/\/login/);

    // Someone who copied the cookie before the sign-out (another browser, a script) gets nothing.
    const thief = await freshContext(browser, testInfo);
    await thief.addCookies(copied);
    const res = await thief.request.get("/api/v1/me");
    expect(res.status()).toBe(401);
    expect(res.headers()["content-type"]).toContain("application/problem+json");
    const stolen = await thief.newPage();
    await stolen.goto("/dashboard");
    await expect(stolen).toHaveURL(/\/login/);
    await thief.close();
    await context.close();
  });

  test("'sign out everywhere' in the account menu ends the user's session in another browser; the manager ends sessions from the users page", async ({
    browser,
    signedInAs,
  }, testInfo) => {
    // A user of our own: ending all of a demo user's sessions would end the other specs' stored sign-ins.
    const manager = await signedInAs("privacy_manager");
    const email = `sessions-e2e-${Date.now()}@example.com`;
    const password = "sessions-e2e-password";
    const created = await manager.request.post("/api/v1/users", {
      data: { email, name: "セッション 試験", role: "auditor", password },
      headers: { origin: new URL(testInfo.project.use.baseURL!).origin },
    });
    expect(created.status(), await created.text()).toBe(201);

    const laptop = await freshContext(browser, testInfo);
    const phone = await freshContext(browser, testInfo);
    const page = await signIn(laptop, email, password);
    const phonePage = await signIn(phone, email, password);
    expect(await me(laptop)).toBe(200);
    expect(await me(phone)).toBe(200);

    // The manager sees the two sessions on the users page.
    await manager.goto(`/users?q=${encodeURIComponent(email)}`);
    const row = manager.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText(plural("users.sessionsCount", 2));

    // On the laptop: account menu → sign out everywhere → confirm.
    const menu = await openAccountMenu(page);
    await menu.getByRole("button", { name: t("header.signOutEverywhere"), exact: true }).click();
    const dialog = page.getByRole("dialog", { name: t("header.signOutEverywhereTitle") });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: t("header.signOutEverywhereConfirm"), exact: true }).click();
    await expect(page).toHaveURL(/\/login/);

    // The phone's session is over too: its API calls answer 401 and its next page is the login page.
    expect(await me(phone)).toBe(401);
    await phonePage.goto("/training");
    await expect(phonePage).toHaveURL(/\/login/);
    // The stored sign-in of the manager is untouched.
    expect((await manager.request.get("/api/v1/me")).status()).toBe(200);

    // Signed in again on the phone; the manager ends that session from the users page.
    await signIn(phone, email, password);
    expect(await me(phone)).toBe(200);
    await manager.reload();
    await expect(row).toContainText(plural("users.sessionsCount", 1));
    const name = "セッション 試験";
    const end = manager.getByRole("button", { name: t("users.rowAction", { action: t("users.signOutEverywhere"), name }) }).first();
    await expect(end).toBeEnabled();
    await end.click();
    const confirm = manager.getByRole("dialog", { name: t("users.signOutEverywhereTitle", { name }) });
    await confirm.getByRole("button", { name: t("users.signOutEverywhereConfirm"), exact: true }).click();
    await expect(manager.getByRole("status").filter({ hasText: name })).toBeVisible();
    expect(await me(phone)).toBe(401);
    await expect(row).toContainText(plural("users.sessionsCount", 0));
    expect((await manager.request.get("/api/v1/me")).status()).toBe(200);

    await laptop.close();
    await phone.close();
  });
});
