import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures";
import { t } from "./i18n";
import { TrainingOverviewPage } from "./pages/training-overview-page";

/**
 * The management-review report マネジメントレビュー資料: its figures are the module pages' figures,
 * every role may read it, and it prints on A4 (more than one sheet, nothing wider than the sheet).
 */

const REPORT = "/reports/management-review";
// A4 is 210 mm wide; the page's @page rule leaves 15 mm each side: 180 mm at 96 CSS px per inch.
const PRINTABLE_WIDTH_PX = Math.floor((180 / 25.4) * 96);

const digits = (s: string) => Number((/([\d,]+)/.exec(s)?.[1] ?? "NaN").replace(/,/g, ""));

test.describe("management-review report", () => {
  test("shows the fiscal year's figures as the training and regulation pages do", async ({ signedInAs }) => {
    const page = await signedInAs("privacy_manager");

    const training = new TrainingOverviewPage(page);
    await page.goto("/training");
    await expect(training.heading).toBeVisible();
    const trainingOverdue = await training.statusCount("overdue");
    const trainingRate = await training.rateText();

    await page.goto("/regulations");
    const overdueCard = page
      .getByRole("region", { name: t("regulations.kpi.overdue") })
      .getByRole("link")
      .filter({ hasText: t("regulations.kpi.overdue") });
    await expect(overdueCard).toContainText(/\d/);
    const regulationsOverdue = digits(await overdueCard.innerText());

    await page.goto(REPORT);
    await expect(page.getByRole("heading", { level: 1, name: t("report.title") })).toBeVisible();
    expect(digits(await page.getByTestId("report-training-overdue").innerText())).toBe(trainingOverdue);
    expect(digits(await page.getByTestId("report-regulations-overdue").innerText())).toBe(regulationsOverdue);
    await expect(page.getByText(t("report.training.rate"), { exact: true }).locator("xpath=following-sibling::dd[1]")).toContainText(`${trainingRate}%`);

    // Every section of the table of contents is in the document.
    for (const key of ["summary", "charts", "openItems", "notes"]) {
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(t(`report.sections.${key}`).replace(/[()（）]/g, ".")) })).toBeVisible();
    }
    // The system does not hold changes in law: a labelled box to write in, not made-up text.
    await expect(page.getByTestId("report-notes-blank")).toContainText(t("report.notes.blankTitle"));
  });

  test("prints on A4: several sheets, nothing wider than the printable width", async ({ signedInAs }, testInfo) => {
    const page = await signedInAs("privacy_manager");
    await page.setViewportSize({ width: PRINTABLE_WIDTH_PX, height: 1000 });
    await page.goto(REPORT);
    await expect(page.locator(".recharts-bar-rectangle:visible").first()).toBeVisible();
    await page.emulateMedia({ media: "print" });

    // The app's frame and the buttons stay off the paper.
    await expect(page.getByRole("button", { name: t("report.toolbar.print") })).toBeHidden();
    await expect(page.getByRole("navigation", { name: t("nav.label") })).toBeHidden();

    const widths = await page.evaluate(() => {
      let widest = 0;
      let what = "";
      for (const el of document.querySelectorAll("body *")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.right > widest) {
          widest = r.right;
          what = `${el.tagName}.${String((el as HTMLElement).className ?? "").slice(0, 60)}`;
        }
      }
      return { scroll: document.documentElement.scrollWidth, widest: Math.ceil(widest), what };
    });
    expect(widths.scroll, JSON.stringify(widths)).toBeLessThanOrEqual(PRINTABLE_WIDTH_PX + 1);
    expect(widths.widest, JSON.stringify(widths)).toBeLessThanOrEqual(PRINTABLE_WIDTH_PX + 1);

    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, path: testInfo.outputPath("management-review.pdf") });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
  });

  test("every role may read it, and a bad ?fy= falls back to the current year", async ({ signedInAs }) => {
    for (const role of ["executive", "hr", "auditor"] as const) {
      const page = await signedInAs(role);
      const res = await page.goto(`${REPORT}?fy=abc`);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: t("report.title") })).toBeVisible();
      await expect(page.getByRole("combobox", { name: t("report.toolbar.fiscalYear"), exact: true })).toHaveValue(/^\d{4}$/);
    }
  });

  test("has no serious or critical accessibility violations, in Japanese and English", async ({ signedInAs, baseURL }) => {
    const page = await signedInAs("executive");
    for (const locale of ["ja", "en"] as const) {
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
      await page.goto(REPORT);
      await expect(page.getByRole("heading", { level: 1, name: t("report.title", {}, locale) })).toBeVisible();
      await expect(page.locator(".recharts-bar-rectangle:visible").first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")}`);
      expect(serious, locale).toEqual([]);
    }
  });
});
