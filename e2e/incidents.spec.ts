import { test, expect } from "./fixtures";
import { t } from "./i18n";

/**
 * The incident clock end to end: an HR user (any role may report) reports an incident with sensitive
 * data; the privacy manager sees it due on the incident page's "due now" panel, records the reports,
 * moves it through the workflow, finishes its corrective action and closes it with approval.
 */

function tokyoDate(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test("an employee reports, the manager sees it due, records the reports and closes it", async ({ signedInAs }) => {
  test.setTimeout(120_000);
  const title = `E2E 健康診断結果の誤送付 ${Date.now()}`;
  const discovered = tokyoDate(-4);

  // 1. HR reports.
  const hr = await signedInAs("hr");
  await hr.goto("/incidents/new");
  await expect(hr.getByRole("heading", { name: t("incidents.form.heading") })).toBeVisible();
  await hr.getByLabel(t("incidents.form.title")).fill(title);
  await hr.getByLabel(t("incidents.form.category")).selectOption("misdirected");
  await hr.getByLabel(t("incidents.form.discoveredAt")).fill(`${discovered}T23:30`);
  await hr.getByLabel(t("incidents.form.description")).fill("健康診断結果を別の従業員へ誤って送付した。");
  await hr.getByLabel(t("incidents.form.personsAffected")).fill("1");
  await hr.getByLabel(t("incidents.form.sensitiveData")).check();
  // The clocks are shown before saving, from the same rules as the server.
  await expect(hr.getByText(t("incidents.form.previewReportable", { prelim: "", final: "" }).slice(0, 10))).toBeVisible();
  await hr.getByRole("button", { name: t("incidents.form.submit") }).click();
  await hr.waitForURL(/\/incidents\/\d+\?created=1/);
  const id = Number(/\/incidents\/(\d+)/.exec(hr.url())![1]);
  const heading = await hr.getByRole("heading", { level: 1 }).textContent();
  const reference = /INC-\d{4}-\d{3}/.exec(heading ?? "")![0];
  await expect(hr.getByText(t("incidents.form.created", { reference }))).toBeVisible();
  await expect(hr.getByText(t("incidents.clocks.reportable"))).toBeVisible();
  // HR does not manage it.
  await expect(hr.getByRole("button", { name: t("incidents.detail.edit") })).toHaveCount(0);

  // 2. The manager sees it due.
  const mgr = await signedInAs("privacy_manager");
  await mgr.goto("/incidents?sort=nextDue&dir=asc");
  const due = mgr.getByRole("list", { name: t("incidents.due.heading") });
  await expect(due).toBeVisible();
  await mgr.goto(`/incidents?q=${encodeURIComponent(title)}`);
  await expect(mgr.getByRole("link", { name: title, exact: true })).toBeVisible();
  await mgr.goto(`/incidents/${id}`);
  await expect(mgr.getByText(t("incidents.clocks.reportable"))).toBeVisible();
  await expect(mgr.getByText(t("incidents.obligationStates.due_soon")).first()).toBeVisible();

  // 3. Records the reports (today).
  const today = tokyoDate(0);
  for (const k of ["ppcPreliminaryReportedOn", "personsNotifiedOn", "pmarkPreliminaryReportedOn"]) {
    await mgr.getByLabel(t(`incidents.reports.${k}`)).fill(today);
  }
  await mgr.getByRole("button", { name: t("incidents.reports.save") }).click();
  await expect(mgr.getByText(t("incidents.reports.saved"))).toBeVisible();
  await expect(mgr.getByText(t("incidents.obligationStates.done")).first()).toBeVisible();

  // 4. The workflow, one step at a time.
  let from = "reported";
  for (const status of ["investigating", "contained", "resolved"]) {
    await mgr.getByRole("button", { name: t("incidents.workflow.advance", { status: t(`incidents.statuses.${status}`) }) }).click();
    await expect(mgr.getByText(t("incidents.workflow.moved", { from: t(`incidents.statuses.${from}`), to: t(`incidents.statuses.${status}`) }))).toBeVisible();
    from = status;
  }
  // A corrective action blocks closing until it is done.
  await mgr.getByLabel(t("incidents.actions.description")).fill("宛名ラベルを社員番号から自動作成する");
  await mgr.getByLabel(t("incidents.actions.owner")).fill("人事部 鈴木");
  await mgr.getByLabel(t("incidents.actions.dueOn")).fill(tokyoDate(14));
  await mgr.getByRole("button", { name: t("incidents.actions.add") }).click();
  await expect(mgr.getByText(t("incidents.workflow.blocked", { count: 1 }))).toBeVisible();
  await mgr.getByRole("button", { name: t("incidents.actions.markDone") }).click();
  await expect(mgr.getByText(t("incidents.workflow.blocked", { count: 1 }))).toHaveCount(0);

  // 5. Close with approval (confirmed).
  await mgr.getByRole("button", { name: t("incidents.workflow.close") }).click();
  await mgr.getByRole("dialog").getByRole("button", { name: t("incidents.workflow.close") }).click();
  await expect(mgr.getByText(t("incidents.workflow.closed"))).toBeVisible();
  await expect(mgr.getByText(reference).first()).toBeVisible();
});

test("the corrective action form's button sits at the form's right, under the fields, not in a field's column", async ({ signedInAs }) => {
  const mgr = await signedInAs("privacy_manager");
  const list = (await (await mgr.request.get("/api/v1/incidents?pageSize=50")).json()) as { items: { id: number; status: string }[] };
  const open = list.items.find((i) => i.status !== "closed")!;
  await mgr.goto(`/incidents/${open.id}`);
  const add = mgr.getByRole("button", { name: t("incidents.actions.add") });
  await expect(add).toBeVisible();
  const form = mgr.locator("form", { has: add });
  const [b, f, due] = await Promise.all([add.boundingBox(), form.boundingBox(), mgr.getByLabel(t("incidents.actions.dueOn")).boundingBox()]);
  // Right-aligned with the last field (the due date), on a row of its own below the fields.
  expect(Math.abs(b!.x + b!.width - (due!.x + due!.width)), "button's right edge vs the due date's").toBeLessThanOrEqual(2);
  expect(b!.y).toBeGreaterThan(due!.y + due!.height);
  expect(b!.x + b!.width).toBeLessThanOrEqual(f!.x + f!.width);
});
