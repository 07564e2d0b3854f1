import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { EXCLUDED, cataloguedRoutes } from "./page-catalogue";

/**
 * Every page of the app (app/**\/page.tsx) is visited by layout.spec.ts and a11y.spec.ts through the
 * catalogue, or excluded there with a reason; and the catalogue names no page that is gone. Reads files
 * only: no server, no browser.
 */
const APP = path.join(__dirname, "..", "app");

/** The URL path of each page.tsx under app/: route groups "(name)" dropped, "[id]" kept. */
function appRoutes(): string[] {
  return readdirSync(APP, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "page.tsx")
    .map((f) => "/" + path.dirname(f).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s)).join("/"));
}

test("every page of the app is in the page catalogue or excluded with a reason", () => {
  const routes = appRoutes();
  const known = new Set([...cataloguedRoutes(), ...Object.keys(EXCLUDED)]);
  expect(routes.length).toBeGreaterThan(50);
  expect(routes.filter((r) => !known.has(r)), "pages missing from e2e/page-catalogue.ts").toEqual([]);
  const present = new Set(routes);
  expect([...known].filter((r) => !present.has(r)), "catalogued pages that no longer exist").toEqual([]);
  const listed = cataloguedRoutes();
  expect(listed.filter((r, i) => listed.indexOf(r) !== i), "pages listed twice").toEqual([]);
});
