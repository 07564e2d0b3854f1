import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { axeViolations } from "./axe";
import { t, type Locale } from "./i18n";

/** The operations of the OpenAPI document, by tag. */
async function operationsByTag(page: Page): Promise<Map<string, { id: string; path: string; method: string }[]>> {
  const res = await page.request.get("/api/v1/openapi.json");
  expect(res.ok()).toBe(true);
  const doc = (await res.json()) as { paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>> };
  const byTag = new Map<string, { id: string; path: string; method: string }[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, o] of Object.entries(ops)) byTag.set(o.tags![0], [...(byTag.get(o.tags![0]) ?? []), { id: o.operationId!, path, method }]);
  }
  return byTag;
}

async function openApiDocs(page: Page, locale: Locale, baseURL: string, query = "") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
  await page.goto(`/api-docs${query}`);
  await expect(page.getByRole("heading", { level: 1, name: t("apiDocs.title", {}, locale) })).toBeVisible();
}

test("the API reference lists every operation of the document and shows each section in full", async ({ signedInAs, baseURL }) => {
  // 27 pages, one per tag: a while on a busy machine.
  test.setTimeout(420_000);
  const page = await signedInAs("auditor");
  await openApiDocs(page, "ja", baseURL!);
  const byTag = await operationsByTag(page);
  const all = [...byTag.values()].flat();
  expect(all.length).toBeGreaterThan(200);
  // The overview: one table per tag, one row per operation (its path a link into the tag's page).
  const main = page.getByRole("main");
  for (const [tag, ops] of byTag) {
    const table = main.getByRole("table", { name: t("apiDocs.operationsOf", { tag }, "ja"), exact: true });
    await expect(table.locator("tbody tr")).toHaveCount(ops.length);
  }
  // Each tag's page: every operation of the tag with its own heading (method and path).
  const nav = page.getByRole("navigation", { name: t("apiDocs.tagsNav", {}, "ja") });
  await expect(nav.getByRole("link")).toHaveCount(byTag.size + 1);
  for (const [tag, ops] of byTag) {
    await page.goto(`/api-docs?tag=${encodeURIComponent(tag)}`);
    await expect(main.getByRole("heading", { level: 2 }).first()).toContainText(tag);
    await expect(main.getByRole("heading", { level: 3 })).toHaveCount(ops.length + 1); // + the shared schema (Problem)
    // Each operation's section: its id and, in its heading, its path (read at once: 230 checks one by one are slow).
    const shown = await page.locator('section[id^="op-"]').evaluateAll((els) => els.map((el) => `${el.id} ${el.querySelector("h3")?.textContent ?? ""}`));
    expect(shown.map((x) => x.split(" ")[0]).sort(), tag).toEqual(ops.map((op) => `op-${op.id}`).sort());
    for (const op of ops) expect(shown.find((x) => x.startsWith(`op-${op.id} `)), op.id).toContain(op.path);
  }
  // An operation in full: roles by name, parameters, request body with its example, responses.
  await page.goto("/api-docs?tag=training-records");
  const create = page.locator("#op-createTrainingRecord");
  await expect(create).toContainText(`${t("roles.privacy_manager", {}, "ja")}、${t("roles.hr", {}, "ja")}`);
  await expect(create.getByRole("heading", { level: 4, name: t("apiDocs.requestBody", {}, "ja") })).toBeVisible();
  await expect(create.getByRole("table", { name: new RegExp(t("apiDocs.requestBody", {}, "ja")) }).getByRole("rowheader", { name: "employeeId", exact: true })).toBeVisible();
  await expect(create.getByRole("table", { name: new RegExp(t("apiDocs.responses", {}, "ja")) }).getByRole("rowheader", { name: "201" })).toBeVisible();
  const list = page.locator("#op-listTrainingRecords");
  await expect(list.getByRole("table", { name: new RegExp(t("apiDocs.parameters", {}, "ja")) }).getByRole("rowheader", { name: "page", exact: true })).toBeVisible();
  // The problem schema the error answers link to is on the page.
  await list.getByRole("link", { name: "Problem" }).first().click();
  await expect(page.locator("#schema-Problem")).toBeInViewport();
  // An unknown tag: said so, and the overview instead.
  await page.goto("/api-docs?tag=nope");
  await expect(page.getByRole("status").filter({ hasText: "nope" })).toBeVisible();
});

for (const locale of ["ja", "en"] as const) {
  test(`the API reference has no axe violation, overview and a section in full (${locale})`, async ({ signedInAs, baseURL }) => {
    // axe over the largest section (30 operations) takes a while on a busy machine.
    test.setTimeout(300_000);
    const page = await signedInAs("privacy_manager");
    await openApiDocs(page, locale, baseURL!);
    expect(await axeViolations(page), "overview").toEqual([]);
    // A section with enum parameters, a body and an example; its answers' fields opened.
    await openApiDocs(page, locale, baseURL!, "?tag=training-records");
    for (const d of await page.locator("details > summary").all()) await d.click();
    expect(await axeViolations(page), "training-records").toEqual([]);
    // The largest section.
    await openApiDocs(page, locale, baseURL!, "?tag=evidence");
    expect(await axeViolations(page), "evidence").toEqual([]);
  });
}
