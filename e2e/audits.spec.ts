import { expect, test, waitForData } from "./fixtures";
import { t } from "./i18n";

/**
 * The internal auditor's cycle in the browser (issue 6): plan an audit, start it, record a finding,
 * the owner (the privacy manager) records the correction, the auditor verifies it, reports and
 * closes the audit. Independence shows in the form; the renewal banner shows on /audits.
 */
test("plan an audit, record a finding, verify its correction, close the audit", async ({ signedInAs }) => {
  const auditor = await signedInAs("auditor");
  await auditor.goto("/audits");
  await waitForData(auditor);
  await expect(auditor.getByTestId("pmark-banner")).toBeVisible();

  const title = `e2e 運用状況監査（経理部）${Date.now()}`;
  await auditor.getByRole("button", { name: t("audits.new") }).click();
  const form = auditor.getByRole("dialog", { name: t("audits.form.createTitle") });
  await form.getByLabel(t("audits.fields.title")).fill(title);
  await form.getByRole("checkbox", { name: "経理部" }).check();
  const start = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  await form.getByLabel(t("audits.fields.plannedStart")).fill(start);
  await form.getByLabel(t("audits.fields.plannedEnd")).fill(start);
  await form.getByLabel(t("audits.fields.leadAuditorId")).selectOption({ label: "高橋 直樹" });
  await form.getByRole("button", { name: t("common.save") }).click();

  await expect(auditor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const url = auditor.url();

  const step = async (label: string) => {
    await auditor.getByRole("button", { name: label }).first().click();
    await auditor.getByRole("dialog", { name: label }).getByRole("button", { name: label }).click();
    await expect(auditor.getByText(t("audits.detail.transitioned"))).toBeVisible();
  };
  await step(t("audits.transition.in_progress"));

  await auditor.getByRole("button", { name: t("audits.detail.addFinding") }).click();
  const fd = auditor.getByRole("dialog", { name: t("findings.form.createTitle") });
  await fd.getByLabel(t("findings.fields.grade")).selectOption("minor_nc");
  await fd.getByLabel(t("findings.fields.description")).fill("請求書の保管庫が終業後も施錠されていなかった。");
  await fd.getByLabel(t("findings.fields.ownerUserId"), { exact: true }).selectOption({ label: "佐藤 恵子" });
  await fd.getByRole("button", { name: t("common.save") }).click();
  await expect(fd).toBeHidden();
  await expect(auditor.getByText("請求書の保管庫が終業後も施錠されていなかった。")).toBeVisible();

  // The owner records the correction.
  const owner = await signedInAs("privacy_manager");
  await owner.goto(url);
  const item = owner.locator("li", { hasText: "請求書の保管庫が終業後も施錠されていなかった。" });
  await item.getByRole("button", { name: t("common.edit") }).click();
  const ed = owner.getByRole("dialog", { name: t("findings.form.editTitle") });
  await ed.getByLabel(t("findings.fields.correctiveAction"), { exact: true }).fill("終業時の施錠確認を当番制にし、チェックリストに記録する。");
  await ed.getByLabel(t("findings.fields.status"), { exact: true }).selectOption("done");
  await ed.getByRole("button", { name: t("common.save") }).click();
  await expect(ed).toBeHidden();
  await expect(item).toContainText(t("findings.status.done"));

  // The auditor verifies it; only then can the audit close.
  await auditor.reload();
  const finding = auditor.locator("li", { hasText: "請求書の保管庫が終業後も施錠されていなかった。" });
  await finding.getByRole("button", { name: t("findings.verify.action") }).click();
  const vd = auditor.getByRole("dialog", { name: t("findings.verify.title") });
  await vd.getByRole("button", { name: t("findings.verify.action") }).click();
  await expect(finding).toContainText(t("findings.status.verified"));

  await auditor.getByRole("button", { name: t("common.edit"), exact: true }).first().click();
  const af = auditor.getByRole("dialog", { name: t("audits.form.editTitle") });
  await af.getByLabel(t("audits.fields.summary")).fill("軽微な不適合1件。是正処置の有効性を確認済み。");
  await af.getByRole("button", { name: t("common.save") }).click();
  await expect(af).toBeHidden();
  await step(t("audits.transition.reported"));
  await step(t("audits.transition.closed"));
  await expect(auditor.getByRole("main").getByText(t("audits.status.closed")).first()).toBeVisible();
});

test("management reviews: a filter that matches none says so once, in the list", async ({ signedInAs }) => {
  const page = await signedInAs("executive");
  await page.goto("/audits/management-reviews?fy=2019&held=true");
  await waitForData(page);
  await expect(page.getByText(t("managementReviews.empty"), { exact: true }).filter({ visible: true })).toHaveCount(1);
  await expect(page.getByText(t("common.empty"), { exact: true })).toHaveCount(0);
});

test("the audit lists on a phone: titles and names keep a readable width, the tables scroll in their cards", async ({ signedInAs }) => {
  const page = await signedInAs("executive");
  await page.setViewportSize({ width: 390, height: 844 });
  // Each list and the columns of words it keeps readable (Column.textWidth): 7rem for a name, 12rem for a title.
  const lists: { path: string; columns: [string, number][] }[] = [
    { path: "/audits", columns: [[t("audits.fields.title"), 192], [t("audits.fields.type"), 112], [t("audits.fields.scope"), 112], [t("audits.fields.leadAuditorId"), 112], [t("audits.fields.findings"), 112]] },
    { path: "/audits/findings", columns: [[t("findings.fields.audit"), 192], [t("findings.fields.departmentId"), 112], [t("findings.fields.ownerUserId"), 112]] },
    { path: "/audits/management-reviews", columns: [[t("managementReviews.fields.title"), 192], [t("managementReviews.fields.participants"), 192]] },
  ];
  for (const { path, columns } of lists) {
    await page.goto(path);
    await waitForData(page);
    // The list's table (the page's charts carry tables of their own, for screen readers).
    const table = page
      .locator("main table")
      .filter({ has: page.locator("thead th", { hasText: columns[0][0] }) })
      .filter({ visible: true })
      .first();
    await expect(table.locator("tbody tr").first()).toBeVisible();
    for (const [header, min] of columns) {
      // The narrowest cell of the column, its padding included (before: 45–69 px, a title seven lines of one or two characters).
      const narrowest = await table.evaluate((el, name) => {
        const index = Array.from(el.querySelectorAll("thead th")).findIndex((th) => th.textContent?.trim().startsWith(name));
        if (index < 0) return -1;
        return Math.min(...Array.from(el.querySelectorAll("tbody tr")).map((tr) => tr.children[index]?.getBoundingClientRect().width ?? 0));
      }, header);
      expect(narrowest, `${path}: column "${header}"`).toBeGreaterThanOrEqual(min);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${path} wider than the phone`).toBeLessThanOrEqual(1);
  }
});

test("the P-mark page on a phone: a past certificate's note stays readable, the table scrolls in its card", async ({ signedInAs }) => {
  const page = await signedInAs("executive");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/audits/pmark");
  const history = page.getByRole("table", { name: t("pmark.historyCaption") });
  await expect(history).toBeVisible();
  const notes = history.locator("tbody tr td:last-child");
  expect(await notes.count()).toBeGreaterThan(0);
  for (const note of await notes.all()) {
    // The lines the note's text takes: the demo's "第7回更新" on one line (two at most), not a character a line.
    const lines = await note.evaluate((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
    });
    expect(lines, `note "${await note.textContent()}"`).toBeLessThanOrEqual(2);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
});
