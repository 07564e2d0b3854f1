import { test, expect } from "./fixtures";
import { t } from "./i18n";

test("the API reference renders the OpenAPI document with Swagger UI, roles included", async ({ signedInAs }) => {
  const page = await signedInAs("auditor");
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: t("apiDocs.title") })).toBeVisible();
  // Swagger UI draws one block per operation; the operation ids and the roles are shown.
  await expect(page.locator(".swagger-ui .opblock").first()).toBeVisible({ timeout: 30_000 });
  expect(await page.locator(".swagger-ui .opblock").count()).toBeGreaterThan(10);
  await expect(page.locator(".swagger-ui").getByText("createTrainingRecord", { exact: true })).toBeVisible();
  await page.locator(".swagger-ui .opblock-summary").filter({ hasText: "createTrainingRecord" }).first().click();
  await expect(page.locator(".swagger-ui .opblock.is-open").getByText(/Roles: privacy_manager, hr/)).toBeVisible();
});
