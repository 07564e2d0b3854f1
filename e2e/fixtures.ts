import path from "node:path";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export type Role = "privacy_manager" | "hr" | "auditor" | "executive";

/** The demo sign-ins (db/seed/demo.ts), one per role. */
export const DEMO_ACCOUNTS: Record<Role, string> = {
  privacy_manager: "manager@example.com",
  hr: "hr@example.com",
  auditor: "auditor@example.com",
  executive: "executive@example.com",
};
export const DEMO_PASSWORD = "demo-password";
export const ROLES = Object.keys(DEMO_ACCOUNTS) as Role[];

/** Cookies of a signed-in session per role, written by auth.setup.ts (under .data, git-ignored). */
export const AUTH_DIR = process.env.E2E_DATA_DIR ? `${process.env.E2E_DATA_DIR}-auth` : path.join(__dirname, "..", ".data", "e2e-auth");
export const authFile = (role: Role) => path.join(AUTH_DIR, `${role}.json`);

type Fixtures = {
  /** A page in a fresh browser context signed in as `role` (closed after the test). */
  signedInAs: (role: Role) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  // (The fixture callback is named `provide`, not `use`: React's lint rules would take it for a hook.)
  signedInAs: async ({ browser }, provide, testInfo) => {
    const contexts: BrowserContext[] = [];
    await provide(async (role) => {
      const context = await newContextAs(browser, role, testInfo.project.use);
      contexts.push(context);
      return context.newPage();
    });
    for (const c of contexts) await c.close();
  },
});

async function newContextAs(browser: Browser, role: Role, use: { baseURL?: string; locale?: string; timezoneId?: string }) {
  return browser.newContext({ baseURL: use.baseURL, locale: use.locale, timezoneId: use.timezoneId, storageState: authFile(role) });
}

/**
 * Waits until the page has its data: no region marked busy and no loading skeleton left. (Not
 * "networkidle": a page may keep a request open, and the wait would never end.)
 */
export async function waitForData(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator(".animate-pulse")).toHaveCount(0);
}

export { expect };
