import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, waitForData } from "./fixtures";
import { t } from "./i18n";

/** WCAG 2 A/AA violations of serious or critical impact, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("; ")})`);
}

test.describe("accessibility (axe, WCAG 2 A/AA)", () => {
  test("/login has no serious or critical violations", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: t("auth.title") })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("/training (as the privacy manager) has no serious or critical violations", async ({ signedInAs }) => {
    const page = await signedInAs("privacy_manager");
    await page.goto("/training");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Wait for the charts to be drawn and the loading skeletons to be gone.
    await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await waitForData(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
