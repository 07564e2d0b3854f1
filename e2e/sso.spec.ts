import { generate } from "otplib";
import { expect, test, type Browser, type TestInfo } from "@playwright/test";
import { t } from "./i18n";
import { startOidcProvider, type RunningProvider } from "../tests/support/oidc-provider";
import { authFile } from "./fixtures";

/**
 * Company sign-in end to end in a browser (docs/security.md, "Single sign-on" and "Second factor"):
 * a real OpenID Provider (oidc-provider) runs beside the app on E2E_OIDC_PORT with its own keys; the
 * app knows it as "Test IdP" from its environment (playwright.config.ts). A user whose group maps to
 * the privacy manager lands on the dashboard; one without a mapped group waits for access. A password
 * user enrols an authenticator (QR, code, recovery codes) and then signs in with the second factor.
 */
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3199);
const IDP_NAME = "Test IdP";
let op: RunningProvider;
// Several sign-ins per test, each a redirect chain through the provider (slow on a dev server's first compile).
test.describe.configure({ timeout: 180_000 });

test.beforeAll(async ({}, testInfo) => {
  op = await startOidcProvider({
    port: OIDC_PORT,
    redirectUris: [`${testInfo.project.use.baseURL}/api/auth/callback/e2e`],
    accounts: {
      "e2e-manager": { email: "sso-manager@example.com", email_verified: true, name: "SSO 管理者", groups: ["pms-managers"] },
      "e2e-newcomer": { email: "sso-newcomer@example.com", email_verified: true, name: "SSO 新入社員", groups: ["sales"] },
    },
  });
});
test.afterAll(async () => op?.close());

async function freshPage(browser: Browser, testInfo: TestInfo) {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  return context.newPage();
}

/** "Sign in with Test IdP", then the provider's own login and consent pages. */
async function signInAtProvider(browser: Browser, testInfo: TestInfo, login: string) {
  const page = await freshPage(browser, testInfo);
  await page.goto("/login");
  await page.getByRole("button", { name: t("auth.ssoButton", { name: IDP_NAME }), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${op.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  return page;
}

test("a manager signs in through the company's OpenID provider and lands on the dashboard", async ({ browser }, testInfo) => {
  const page = await signInAtProvider(browser, testInfo, "e2e-manager");
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: "sso-manager@example.com", role: "privacy_manager" });
  await page.screenshot({ path: testInfo.outputPath("sso-dashboard.png") });
});

test("a newcomer without a mapped group is created and waits for access", async ({ browser }, testInfo) => {
  const page = await signInAtProvider(browser, testInfo, "e2e-newcomer");
  await expect(page).toHaveURL(/\/waiting-for-access$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { name: t("auth.waitingTitle") })).toBeVisible();
  await expect(page.getByText("sso-newcomer@example.com")).toBeVisible();
  // Nothing else opens for them, and the API answers 401.
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/waiting-for-access$/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  await page.screenshot({ path: testInfo.outputPath("waiting-for-access.png") });
  await page.getByRole("button", { name: t("auth.signOut") }).click();
  await expect(page).toHaveURL(/\/login/);
});

test("a password user enrols an authenticator app and signs in with the second factor", async ({ browser }, testInfo) => {
  // A user of our own, made by the manager: a demo user's second factor would change other specs' sign-ins.
  const managerContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL, storageState: authFile("privacy_manager") });
  const email = `tfa-e2e-${Date.now()}@example.com`;
  const password = "tfa-e2e-password-123";
  const origin = new URL(testInfo.project.use.baseURL!).origin;
  const created = await managerContext.request.post("/api/v1/users", { data: { email, name: "二要素 試験", role: "auditor", password }, headers: { origin } });
  expect(created.status(), await created.text()).toBe(201);
  await managerContext.close();

  const page = await freshPage(browser, testInfo);
  const signIn = async () => {
    await page.goto("/login");
    await page.getByLabel(t("auth.email"), { exact: true }).fill(email);
    await page.getByLabel(t("auth.password"), { exact: true }).fill(password);
    await page.getByRole("button", { name: t("auth.submit"), exact: true }).click();
  };
  await signIn();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });

  // Account menu → sign-in security → set up.
  await page.goto("/account/security");
  await page.getByRole("button", { name: t("secondFactor.start") }).click();
  await expect(page.getByRole("img", { name: t("auth.qrAlt") })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.screenshot({ path: testInfo.outputPath("enrol-qr.png") });
  await page.getByLabel(t("secondFactor.codeLabel")).fill(await generate({ secret }));
  await page.getByRole("button", { name: t("secondFactor.confirm"), exact: true }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await page.screenshot({ path: testInfo.outputPath("recovery-codes.png") });

  // Sign out, and in again: the password is not enough any more.
  await page.context().clearCookies();
  await signIn();
  await expect(page.getByLabel(t("auth.code"))).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("code-step.png") });
  // The code of the next step: the enrolment used the current one, which is never accepted twice.
  await page.getByLabel(t("auth.code")).fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await page.getByRole("button", { name: t("auth.verify"), exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
});

test("with the setting on, a privacy manager without a second factor enrols on the login page before the session opens", async ({ browser }, testInfo) => {
  const base = testInfo.project.use.baseURL!;
  const origin = new URL(base).origin;
  const admin = await browser.newContext({ baseURL: base, storageState: authFile("privacy_manager") });
  const email = `tfa-manager-e2e-${Date.now()}@example.com`;
  const password = "tfa-manager-password-123";
  const created = await admin.request.post("/api/v1/users", { data: { email, name: "管理者 二要素", role: "privacy_manager", password }, headers: { origin } });
  expect(created.status(), await created.text()).toBe(201);
  const setting = async (on: boolean) => {
    const current = await (await admin.request.get("/api/v1/settings/security")).json();
    const res = await admin.request.put("/api/v1/settings/security", { data: { managerSecondFactorRequired: on, version: current.version }, headers: { origin } });
    expect(res.status(), await res.text()).toBe(200);
  };
  await setting(true);
  try {
    const page = await freshPage(browser, testInfo);
    await page.goto("/login");
    await page.getByLabel(t("auth.email"), { exact: true }).fill(email);
    await page.getByLabel(t("auth.password"), { exact: true }).fill(password);
    await page.getByRole("button", { name: t("auth.submit"), exact: true }).click();
    await expect(page.getByText(t("auth.enrolRequired"))).toBeVisible();
    // No session yet: the password alone opened nothing.
    expect((await page.request.get("/api/v1/me")).status()).toBe(401);
    await page.getByRole("button", { name: t("auth.startEnrolment") }).click();
    await expect(page.getByRole("img", { name: t("auth.qrAlt") })).toBeVisible();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    await page.screenshot({ path: testInfo.outputPath("login-enrol.png") });
    await page.getByLabel(t("auth.confirmCode")).fill(await generate({ secret }));
    await page.getByRole("button", { name: t("auth.confirmEnrolment"), exact: true }).click();
    await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await page.getByRole("button", { name: t("auth.continue") }).click();
    await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
    expect((await page.request.get("/api/v1/me")).status()).toBe(200);
  } finally {
    await setting(false);
    await admin.close();
  }
});
