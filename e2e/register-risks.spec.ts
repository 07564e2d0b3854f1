import { test, expect, waitForData } from "./fixtures";
import { t } from "./i18n";
import { axeViolations } from "./axe";

/**
 * The heat map of the register's risks (docs/domain.md §6, "Risk analysis"): a real table with row and
 * column headers, a before/after toggle, and every cell a link to the risk list filtered to exactly
 * that cell, whose count is the cell's number.
 */
test("the heat map drills down to the risks behind each cell, before and after the countermeasures", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  await page.goto("/register/risks");
  await waitForData(page);
  await expect(page.getByRole("heading", { name: t("registerRisks.heatMapTitle") })).toBeVisible();

  for (const phase of ["residual", "inherent"] as const) {
    const toggle = page.getByRole("button", { name: t(`registerRisks.phase.${phase}`), exact: true });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    const table = page.getByRole("table", { name: t("registerRisks.heat.caption", { phase: t(`registerRisks.phase.${phase}`) }) });
    await expect(table).toBeVisible();
    // Headers, not colour alone: five impact columns (and the corner), five likelihood rows.
    await expect(table.getByRole("columnheader")).toHaveCount(6);
    await expect(table.getByRole("rowheader")).toHaveCount(5);
    await expect(table.getByRole("link")).toHaveCount(25);

    // The fullest cell: its number, then the list behind it.
    const counts = await table.getByRole("link").evaluateAll((as) => as.map((a) => Number(a.querySelector("span")?.textContent ?? "0")));
    const best = counts.indexOf(Math.max(...counts));
    expect(counts[best], "the demo data has risks").toBeGreaterThan(0);
    if (phase === "residual") expect(await axeViolations(page)).toEqual([]);
    await table.getByRole("link").nth(best).click();
    // The first visit compiles the list page on a dev server: allow it time.
    await expect(page).toHaveURL(new RegExp(`/register/risks/list\\?.*likelihood=\\d.*impact=\\d`), { timeout: 60_000 });
    if (phase === "inherent") await expect(page).toHaveURL(/phase=inherent/);
    await waitForData(page);
    await expect(page.getByRole("heading", { name: t("registerRisks.listTitle") })).toBeVisible();
    // common.list.resultCount in Japanese (an ICU plural: "該当 # 件").
    await expect(page.getByText(`該当 ${counts[best]} 件`, { exact: true })).toBeVisible();
    await page.getByRole("link", { name: t("registerRisks.filters.backToHeatMap") }).click();
    await waitForData(page);
  }
});

test("a reader sees the heat map and the threshold, but no form to change it", async ({ signedInAs }) => {
  const page = await signedInAs("auditor");
  await page.goto("/register/risks");
  await waitForData(page);
  await expect(page.getByRole("heading", { name: t("registerRisks.threshold.title") })).toBeVisible();
  await expect(page.getByLabel(t("registerRisks.threshold.label"))).toHaveCount(0);
});
