import type { Browser, Page } from "@playwright/test";
import { NAV, navFor } from "../components/layout/nav";
import { authFile, expect, ROLES, test, type Role } from "./fixtures";
import { axeViolations } from "./axe";
import { type Locale } from "./i18n";

/**
 * axe (WCAG 2.0/2.1 A and AA, every impact) on every page: the login page, every page of the sidebar
 * that the role sees (nav.ts) and one detail page of each kind of record the role may open, as each
 * of the four roles (pages show other buttons and forms to each), in Japanese and in English.
 * The API reference is left to api-docs.spec.ts, which also opens its operations.
 */
const LOCALES: Locale[] = ["ja", "en"];
const ELSEWHERE = new Set(["/api-docs"]);

/** One record of each kind, by the first row its list answers (when the role may list them). */
const DETAILS: [list: string, href: (id: string) => string][] = [
  ["/api/v1/incidents", (id) => `/incidents/${id}`],
  ["/api/v1/regulations", (id) => `/regulations/${id}`],
  ["/api/v1/audits", (id) => `/audits/${id}`],
  ["/api/v1/contractors", (id) => `/contractors/${id}`],
  ["/api/v1/employees", (id) => `/training/employees/${id}`],
  ["/api/v1/courses", (id) => `/training/courses/${id}`],
  ["/api/v1/training-sessions", (id) => `/training/sessions/${id}`],
];

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

async function detailPages(page: Page): Promise<string[]> {
  const found = await Promise.all(
    DETAILS.map(async ([list, href]) => {
      const res = await page.request.get(`${list}?pageSize=1`);
      if (res.status() === 403) return null;
      expect(res.ok(), list).toBe(true);
      const body = (await res.json()) as { items: { id: string | number }[] };
      expect(body.items.length, `${list} has a record`).toBeGreaterThan(0);
      return href(String(body.items[0].id));
    }),
  );
  return found.filter((h): h is string => h !== null);
}

test("every page of the sidebar is checked here or in api-docs.spec.ts", () => {
  const all = NAV.flatMap((g) => g.items.map((i) => i.href));
  const seen = new Set(ROLES.flatMap((r) => navFor(r).flatMap((g) => g.items.map((i) => i.href))));
  expect(all.filter((h) => !seen.has(h) && !ELSEWHERE.has(h))).toEqual([]);
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

  for (const role of ROLES) {
    test(`every page has no axe violation as ${role} (${locale})`, async ({ browser, baseURL }) => {
      test.setTimeout(1_800_000);
      let page = await newPage(browser, baseURL!, locale, role);
      const hrefs = [...navFor(role).flatMap((g) => g.items.map((i) => i.href)).filter((h) => !ELSEWHERE.has(h)), ...(await detailPages(page))];
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
