import { test, expect, waitForData } from "./fixtures";
import { has, t } from "./i18n";
import { escapeRegExp } from "./pages/training-overview-page";

/**
 * The executive reads everything and changes nothing: no write buttons on the training pages, the
 * write-only pages answer with the forbidden page, and the API refuses writes with 403 problem+json.
 */

const TRAINING_PAGES = ["/training", "/training/status", "/training/records", "/training/employees", "/training/departments", "/training/courses"];

// The labels of every button or link that creates, edits, retires, restores or imports something.
const WRITE_LABEL_KEYS = [
  "common.create",
  "common.edit",
  "common.retire",
  "common.restore",
  "nav.imports",
  "records.recordCompletion",
  "records.recordSession",
  "employees.add",
  "employees.import.title",
  "departments.add",
  "departments.retire",
  "departments.restore",
  "courses.new",
  "courses.retire.button",
];

function writeLabels(): RegExp {
  const labels = WRITE_LABEL_KEYS.filter((k) => has(k)).map((k) => t(k));
  return new RegExp(`^\\s*(${[...new Set(labels)].map(escapeRegExp).join("|")})\\s*$`);
}

test.describe("the executive is read-only", () => {
  test("finds no create, edit, retire or import buttons on the training pages", async ({ signedInAs }) => {
    const page = await signedInAs("executive");
    const labels = writeLabels();
    for (const path of TRAINING_PAGES) {
      const res = await page.goto(path);
      expect(res?.status(), `${path} answers`).toBeLessThan(400);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Let the client components load their data (the lists render their rows after the query).
      await waitForData(page);
      const main = page.getByRole("main");
      await expect(main.getByRole("button", { name: labels }), `${path}: write buttons`).toHaveCount(0);
      await expect(main.getByRole("link", { name: labels }), `${path}: write links`).toHaveCount(0);
    }
    // Nor does the sidebar offer the import page or user administration.
    const nav = page.getByRole("navigation", { name: t("nav.label") });
    await expect(nav.getByRole("link", { name: t("nav.imports"), exact: true })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: t("nav.users"), exact: true })).toHaveCount(0);
  });

  test("/users and /training/import show the forbidden page", async ({ signedInAs }) => {
    const page = await signedInAs("executive");
    for (const path of ["/users", "/training/import"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: t("auth.forbiddenTitle") }), path).toBeVisible();
    }
  });

  test("the API refuses the executive's writes with 403 problem+json, and stores nothing", async ({ signedInAs, baseURL }) => {
    const page = await signedInAs("executive");
    const before = await page.request.get("/api/v1/training-records?pageSize=1");
    expect(before.status()).toBe(200);
    const totalBefore = (await before.json()).total;

    const attempts: [string, string, unknown][] = [
      ["post", "/api/v1/training-records", { employeeId: 1, courseId: 1, completedOn: "2026-11-20", score: 90, method: "e_learning" }],
      ["post", "/api/v1/employees", { employeeNumber: "X9999", name: "経営 太郎", departmentId: 1, employmentType: "regular", hireDate: "2026-04-01" }],
      ["patch", "/api/v1/courses/1", { title: "x", version: 1 }],
      ["post", "/api/v1/departments/1/retire", { version: 1 }],
      ["post", "/api/v1/users", { email: "x@example.com", name: "x", role: "executive" }],
    ];
    // page.request sends no Origin: say the app's own, so the role check (not the cross-origin gate) refuses.
    const origin = new URL(baseURL!).origin;
    for (const [method, url, data] of attempts) {
      const res = await page.request.fetch(url, { method, data, headers: { origin } });
      expect(res.status(), `${method.toUpperCase()} ${url}`).toBe(403);
      expect(res.headers()["content-type"], `${method.toUpperCase()} ${url}`).toContain("application/problem+json");
      const body = await res.json();
      expect(body).toMatchObject({ status: 403, type: "/problems/forbidden" });
      expect(typeof body.title).toBe("string");
    }

    const after = await page.request.get("/api/v1/training-records?pageSize=1");
    expect((await after.json()).total).toBe(totalBefore);
  });
});
