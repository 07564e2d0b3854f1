import { mkdirSync } from "node:fs";
import { test as setup, expect } from "@playwright/test";
import { AUTH_DIR, DEMO_ACCOUNTS, DEMO_PASSWORD, ROLES, authFile } from "./fixtures";
import { LoginPage } from "./pages/login-page";

// One sign-in per role, kept as storage state for the specs (fixtures.ts → signedInAs(role)).
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    mkdirSync(AUTH_DIR, { recursive: true });
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO_ACCOUNTS[role], DEMO_PASSWORD);
    // The first render of the dashboard can take a while on a busy machine (dev server, first compile).
    await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
    await page.context().storageState({ path: authFile(role) });
  });
}
