import AxeBuilder from "@axe-core/playwright";
import { test, expect, waitForData, DEMO_ACCOUNTS, DEMO_PASSWORD, ROLES } from "./fixtures";
import { t } from "./i18n";
import { LoginPage } from "./pages/login-page";

/** The first section heading under the page header: what the role reads first. */
async function sectionOrder(page: import("@playwright/test").Page): Promise<string[]> {
  return page.locator("section[data-section]").evaluateAll((els) => els.map((e) => e.getAttribute("data-section") ?? ""));
}

test.describe("dashboard", () => {
  test("the executive signs in, lands on /dashboard, and a card's number opens the list with the same count", async ({ page }) => {
    // Signs in through the form and opens two pages: more than one page load's worth of time.
    test.slow();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO_ACCOUNTS.executive, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
    await expect(page.getByRole("heading", { level: 1, name: t("dashboard.title") })).toBeVisible();
    // The score comes first for the executive.
    await expect(page.getByTestId("score-now")).toBeVisible();
    expect((await sectionOrder(page))[0]).toBe("score");

    // Regulations overdue for review → /regulations?dueState=overdue with the same total.
    const link = page.getByTestId("kpi-regulations-overdue-link");
    const count = Number((await link.innerText()).replace(/[^\d]/g, ""));
    await link.click();
    // (A busy dev server may compile the list page first.)
    await expect(page).toHaveURL(/\/regulations\?dueState=overdue$/, { timeout: 60_000 });
    await waitForData(page);
    // The list's pager says "… （全 N 件）".
    await expect(page.getByText(new RegExp(`[（(]全 ${count} 件[）)]`)).first()).toBeVisible();
  });

  test("training overdue leads to the training status list filtered to overdue, same count", async ({ signedInAs }) => {
    const page = await signedInAs("executive");
    await page.goto("/dashboard");
    const link = page.getByTestId("kpi-training-overdue-link");
    await expect(link).toBeVisible();
    const count = Number((await link.innerText()).replace(/[^\d]/g, ""));
    await link.click();
    await expect(page).toHaveURL(/\/training\/status\?fiscalYear=\d{4}&status=overdue$/, { timeout: 60_000 });
    await waitForData(page);
    await expect(page.getByText(new RegExp(`[（(]全 ${count} 件[）)]`)).first()).toBeVisible();
  });

  // Every role opens the same page: its name in the sidebar, the tab's <title> and the heading agree, and
  // none calls it the executives' (it was "経営ダッシュボード" / "Executive dashboard" for everyone).
  for (const locale of ["ja", "en"] as const) {
    test(`every role's dashboard is named the same in the sidebar, the <title> and the heading (${locale})`, async ({ signedInAs, baseURL }) => {
      for (const role of ROLES) {
        const page = await signedInAs(role);
        await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
        await page.goto("/dashboard");
        const name = t("nav.dashboard", {}, locale);
        const heading = page.getByRole("heading", { level: 1 });
        await expect(heading, role).toHaveText(name);
        await expect(page.getByRole("navigation", { name: t("nav.label", {}, locale) }).locator('a[aria-current="page"]').first(), role).toHaveText(name);
        await expect(page, role).toHaveTitle(`${name} | ${t("app.name", {}, locale)}`);
      }
    });
  }

  test("hr reads training first, the auditor audits first", async ({ signedInAs }) => {
    const hr = await signedInAs("hr");
    await hr.goto("/dashboard");
    await expect(hr.getByTestId("kpi-training-completion")).toBeVisible();
    expect((await sectionOrder(hr))[0]).toBe("training");
    const auditor = await signedInAs("auditor");
    await auditor.goto("/dashboard");
    await expect(auditor.getByTestId("kpi-audits-done")).toBeVisible();
    expect((await sectionOrder(auditor))[0]).toBe("audits");
  });

  test("the fiscal-year picker shows a past year", async ({ signedInAs }) => {
    const page = await signedInAs("privacy_manager");
    await page.goto("/dashboard");
    const picker = page.getByRole("combobox", { name: t("dashboard.fiscalYear"), exact: true });
    // The picker is an island: wait until it is on the page with its years before reading them.
    await expect(picker.locator("option").nth(1)).toBeAttached();
    const options = await picker.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    // The demo data spans two fiscal years (18 months of training records).
    expect(options.length).toBeGreaterThan(1);
    await picker.selectOption(options[1]);
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?fy=${options[1]}$`), { timeout: 60_000 });
    await expect(page.getByText(t("dashboard.pastYearNote"))).toBeVisible();
  });

  for (const path of ["/dashboard", "/dashboard/score"]) {
    test(`${path} has no serious or critical axe violations`, async ({ signedInAs }) => {
      const page = await signedInAs("executive");
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // The score panel loads after the cards; wait for its chart to be drawn.
      await expect(page.locator(".recharts-line-curve").first()).toBeVisible({ timeout: 60_000 });
      await waitForData(page);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("; ")})`);
      expect(serious).toEqual([]);
    });
  }
});
