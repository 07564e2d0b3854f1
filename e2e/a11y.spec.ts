import type { Browser, Page } from "@playwright/test";
import { authFile, expect, ROLES, test, type Role } from "./fixtures";
import { axeViolations } from "./axe";
import { type Locale } from "./i18n";
import { OTHER_PAGES, SIDEBAR_PAGES, pagesFor } from "./page-catalogue";

/**
 * axe (WCAG 2.0/2.1 A and AA, every impact) on every page: the login page and every page of the app
 * the role may open (page-catalogue.ts: the sidebar's, the others, and the pages of one record of each
 * kind), as each of the four roles (pages show other buttons and forms to each). The privacy manager,
 * who sees every page and every button, in Japanese and in English; each other role in one of the two
 * (the language changes the words, the role the markup): a run costs five passes over the pages, not eight.
 * The API reference is left to api-docs.spec.ts, which also opens its operations.
 */
const LOCALES: Locale[] = ["ja", "en"];
const ROLE_LOCALES: Record<Role, Locale[]> = { privacy_manager: ["ja", "en"], hr: ["ja"], auditor: ["en"], executive: ["ja"] };
const ELSEWHERE = new Set(["/api-docs"]);

async function newPage(browser: Browser, baseURL: string, locale: Locale, role: Role | null): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: locale === "ja" ? "ja-JP" : "en-GB",
    timezoneId: "Asia/Tokyo",
    storageState: role ? authFile(role) : undefined,
  });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
  return context.newPage();
}

/** The page has its data: nothing busy, no skeleton left (a cold dev server compiles on first visit). */
async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator(".animate-pulse")).toHaveCount(0, { timeout: 60_000 });
}

test("every page without a record is checked here, as some role, or in api-docs.spec.ts", () => {
  const unseen = [...SIDEBAR_PAGES, ...OTHER_PAGES].filter((p) => !ELSEWHERE.has(p.route) && !ROLES.some((r) => p.roles.includes(r)));
  expect(unseen.map((p) => p.route)).toEqual([]);
});

for (const locale of LOCALES) {
  test(`/login has no axe violation (${locale}), and the icon is served`, async ({ browser, baseURL }) => {
    const page = await newPage(browser, baseURL!, locale, null);
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.goto("/login");
    // The password form (single sign-on buttons, when configured, are a form of their own).
    await expect(page.locator("form", { has: page.locator("input[type=password]") })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    const icon = await page.request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/");
    expect(refused, "the page loads nothing its CSP refuses").toEqual([]);
    await page.context().close();
  });

  for (const role of ROLES.filter((r) => ROLE_LOCALES[r].includes(locale))) {
    test(`every page has no axe violation as ${role} (${locale})`, async ({ browser, baseURL }) => {
      test.setTimeout(1_800_000);
      let page = await newPage(browser, baseURL!, locale, role);
      const hrefs = (await pagesFor(page.request, role)).filter((h) => !ELSEWHERE.has(h));
      const found: string[] = [];
      for (const href of hrefs) {
        // A page that cannot be checked is reported with the others, not instead of them.
        await test.step(href, async () => {
          try {
            if (page.isClosed()) page = await page.context().newPage();
            await page.goto(href);
            // Still signed in (the login page has a main heading too).
            expect(new URL(page.url()).pathname).toBe(href);
            await expect(page.locator("main h1").first()).toBeVisible({ timeout: 60_000 });
            await settled(page);
            for (const v of await axeViolations(page)) found.push(`${href}: ${v}`);
          } catch (err) {
            found.push(`${href}: not checked (${String(err).split("\n")[0]})`);
            await page.close().catch(() => undefined);
          }
        });
      }
      await page.context().close();
      expect(found).toEqual([]);
    });
  }
}
