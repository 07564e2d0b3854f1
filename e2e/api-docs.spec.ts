import type { Page } from "@playwright/test";
import { test, expect, waitForData } from "./fixtures";
import { axeViolations } from "./axe";
import { t, type Locale } from "./i18n";

/** The operations of the OpenAPI document, by tag, as Swagger UI lists them. */
async function operationsByTag(page: Page): Promise<Map<string, string[]>> {
  const res = await page.request.get("/api/v1/openapi.json");
  expect(res.ok()).toBe(true);
  const doc = (await res.json()) as { paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>> };
  const byTag = new Map<string, string[]>();
  for (const ops of Object.values(doc.paths)) {
    for (const o of Object.values(ops)) byTag.set(o.tags![0], [...(byTag.get(o.tags![0]) ?? []), o.operationId!]);
  }
  return byTag;
}

/** Opens one tag's section (the page starts with every tag closed) and returns its operations. */
async function openTag(page: Page, tag: string) {
  const heading = page.locator(`.swagger-ui .opblock-tag[data-tag="${tag}"]`);
  await heading.click();
  const section = page.locator(".swagger-ui .opblock-tag-section").filter({ has: page.locator(`h3.opblock-tag[data-tag="${tag}"]`) });
  return section.locator(".opblock");
}

async function openApiDocs(page: Page, locale: Locale, baseURL: string) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: t("apiDocs.title", {}, locale) })).toBeVisible();
  // Generous: a cold dev server on a busy machine compiles the page first.
  await expect(page.locator(".swagger-ui .opblock-tag").first()).toBeVisible({ timeout: 60_000 });
}

test("the API reference shows every operation of the document, with its roles, and runs a request", async ({ signedInAs, baseURL }) => {
  test.setTimeout(180_000);
  const page = await signedInAs("auditor");
  await openApiDocs(page, "ja", baseURL!);
  // Every tag of the document is listed, closed; opened one at a time, each shows all its operations.
  const byTag = await operationsByTag(page);
  expect([...byTag.values()].flat().length).toBeGreaterThan(10);
  await expect(page.locator(".swagger-ui .opblock-tag")).toHaveCount(byTag.size);
  for (const [tag, ids] of byTag) {
    const ops = await openTag(page, tag);
    await expect(ops).toHaveCount(ids.length);
    for (const id of ids) await expect(ops.locator(".opblock-summary-operation-id").getByText(id, { exact: true })).toHaveCount(1);
    await page.locator(`.swagger-ui .opblock-tag[data-tag="${tag}"]`).click();
    await expect(ops).toHaveCount(0);
  }
  const records = await openTag(page, "training-records");
  await records.locator(".opblock-summary-control").filter({ hasText: "createTrainingRecord" }).first().click();
  await expect(page.locator(".swagger-ui .opblock.is-open").getByText(/Roles: privacy_manager, hr/)).toBeVisible();

  // "Try it out" on a read: the request runs with the auditor's session and answers 200.
  await openTag(page, "incidents");
  const list = page.locator(".swagger-ui .opblock").filter({ has: page.locator(".opblock-summary-operation-id", { hasText: /^listIncidents$/ }) }).first();
  await list.locator(".opblock-summary-control").click();
  await list.getByRole("button", { name: "Try it out" }).click();
  await list.getByRole("button", { name: "Execute" }).click();
  await expect(list.locator(".live-responses-table tr.response .response-col_status").first()).toHaveText("200", { timeout: 15_000 });
});

for (const locale of ["ja", "en"] as const) {
  test(`the API reference has no axe violation, closed and with operations open (${locale})`, async ({ signedInAs, baseURL }) => {
    test.setTimeout(180_000);
    const page = await signedInAs("privacy_manager");
    await openApiDocs(page, locale, baseURL!);
    await waitForData(page);
    expect(await axeViolations(page), "closed").toEqual([]);

    // An operation with enum parameters (selects) and a body, in "Try it out", and the schemas.
    await openTag(page, "training-records");
    for (const id of ["listTrainingRecords", "createTrainingRecord"]) {
      await page.locator(".swagger-ui .opblock-summary-control").filter({ hasText: id }).first().click();
    }
    const open = page.locator(".swagger-ui .opblock.is-open");
    await expect(open).toHaveCount(2);
    await open.first().getByRole("button", { name: "Try it out" }).click();
    await expect(open.first().locator("tr[data-param-name] select").first()).toBeVisible();
    await page.locator(".swagger-ui .models-control").click();
    await expect(page.locator(".swagger-ui .models")).toContainText("Problem");
    expect(await axeViolations(page), "open").toEqual([]);
  });
}
