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
    await expect(page).toHaveURL(/\/training$/);
    await page.context().storageState({ path: authFile(role) });
  });
}
