import { test, expect, DEMO_ACCOUNTS, DEMO_PASSWORD, ROLES } from "./fixtures";
import { t } from "./i18n";
import { LoginPage } from "./pages/login-page";

test.describe("sign-in", () => {
  test("shows the demo accounts while demo data is loaded", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await expect(page.getByRole("heading", { name: t("auth.title") })).toBeVisible();
    await expect(login.demoAccounts).toBeVisible();
    for (const email of Object.values(DEMO_ACCOUNTS)) await expect(login.demoAccounts).toContainText(email);
    await expect(login.demoAccounts).toContainText(DEMO_PASSWORD);

    // "入力" fills the form for that account.
    await login.demoAccounts.getByRole("button", { name: t("auth.useAccount", { email: DEMO_ACCOUNTS.auditor }) }).click();
    await expect(login.email).toHaveValue(DEMO_ACCOUNTS.auditor);
    await expect(login.password).toHaveValue(DEMO_PASSWORD);
  });

  test("a wrong password gets a clear message and no session", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO_ACCOUNTS.auditor, "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: t("auth.invalid") })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/training");
    await expect(page).toHaveURL(/\/login/);
  });

  for (const role of ROLES) {
    test(`${role} signs in and lands on /dashboard`, async ({ page }) => {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(DEMO_ACCOUNTS[role], DEMO_PASSWORD);
      await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
      // The header says who is signed in, with the role in Japanese.
      await expect(page.getByRole("banner")).toContainText(t(`roles.${role}`));
    });
  }

  test("a page without a session redirects to /login", async ({ page }) => {
    for (const path of ["/training", "/training/records", "/users", "/api-docs"]) {
      await page.goto(path);
      await expect(page, `${path} without a session`).toHaveURL(/\/login/);
    }
    // The API answers 401 as problem+json instead of redirecting.
    const res = await page.request.get("/api/v1/me");
    expect(res.status()).toBe(401);
    expect(res.headers()["content-type"]).toContain("application/problem+json");
  });

  test("the language switch turns the page English, and it stays English after a reload", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await expect(page.getByRole("heading", { name: t("auth.title") })).toBeVisible();
    await login.languageButton("English").click();
    await expect(page.getByRole("heading", { name: t("auth.title", {}, "en") })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.reload();
    await expect(page.getByRole("heading", { name: t("auth.title", {}, "en") })).toBeVisible();
    await expect(login.languageButton("English")).toHaveAttribute("aria-pressed", "true");

    // And signed in, the app stays English too.
    const en = new LoginPage(page, "en");
    await en.signIn(DEMO_ACCOUNTS.executive, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
    await expect(page.getByRole("navigation", { name: t("nav.label", {}, "en") })).toBeVisible();
    await page.getByRole("button", { name: "日本語", exact: true }).click();
    await expect(page.getByRole("navigation", { name: t("nav.label") })).toBeVisible({ timeout: 30_000 });
  });
});
