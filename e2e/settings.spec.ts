import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures";
import { t } from "./i18n";

/** Settings: the organisation's name and representative, entered by the privacy manager, print on the report's cover. */
test("the privacy manager enters the organisation and the management-review report's cover shows it", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  await page.goto("/settings");
  const card = page.locator("section", { has: page.getByRole("heading", { name: t("settings.organization.title"), exact: true }) });
  const name = card.getByLabel(t("settings.organization.name"));
  const representative = card.getByLabel(t("settings.organization.representative"));
  // The demo data holds RUFT's name.
  await expect(name).toHaveValue("RUFT株式会社");
  const before = await representative.inputValue();

  const stamp = `代表取締役 e2e ${Date.now()}`;
  await representative.fill(stamp);
  await card.getByRole("button", { name: t("common.save") }).click();
  await expect(card.getByText(t("settings.saved"))).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);

  await page.goto("/reports/management-review");
  await expect(page.getByTestId("report-organization")).toHaveText("RUFT株式会社");
  await expect(page.getByText(stamp)).toBeVisible();

  // Put the demo value back (the report spec reads the cover too).
  await page.goto("/settings");
  await representative.fill(before);
  await card.getByRole("button", { name: t("common.save") }).click();
  await expect(card.getByText(t("settings.saved"))).toBeVisible();
});
