import { test, expect, waitForData } from "./fixtures";
import { t } from "./i18n";
import { withCheckDigit } from "../lib/contractors/corporate-number";
import { DEFAULT_TEMPLATE } from "../lib/contractors/default-template";

/**
 * The privacy manager's path through §4(2): register a new contractor as a candidate (the 法人番号
 * check digit is verified beside the field), assess it with the template (live total and result),
 * approve it on that assessment, and see when it is next due. A read-only role sees no write buttons.
 */
test("a new contractor goes from candidate through assessment to approved", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  const stamp = String(Date.now()).slice(-9);
  const name = `株式会社E2Eテスト委託${stamp}`;
  const base = `010${stamp}`;
  const good = withCheckDigit(base);
  const wrong = `${(Number(good[0]) % 9) + 1}${base}`;

  await page.goto("/contractors");
  await waitForData(page);
  await page.getByRole("link", { name: t("contractors.new") }).click();
  await expect(page.getByRole("heading", { name: t("contractors.newTitle") })).toBeVisible();

  await page.getByLabel(t("contractors.fields.name"), { exact: false }).first().fill(name);
  await page.getByLabel(t("contractors.fields.services")).fill("給与明細の印刷・封入・発送");
  await page.getByLabel(t("contractors.fields.dataCategories")).fill("氏名、住所、給与額");
  const cn = page.getByLabel(t("contractors.fields.corporateNumber"));
  await cn.fill(wrong);
  await page.getByRole("button", { name: t("common.save") }).click();
  await expect(page.getByText(t("contractors.errors.corporateNumberCheckDigit"))).toBeVisible();
  await expect(cn).toHaveAttribute("aria-invalid", "true");

  // Full-width digits and hyphens are accepted.
  await cn.fill(`${good.slice(0, 1)}-${good.slice(1, 5)}-${good.slice(5)}`.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
  await page.getByRole("button", { name: t("common.save") }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText(t("contractors.created"))).toBeVisible();
  await expect(page.getByText(good)).toBeVisible();
  await expect(page.getByText(t("contractors.status.candidate")).first()).toBeVisible();

  // Approving before any assessment is refused with a clear message.
  await page.getByRole("button", { name: t("contractors.statusChange.approve"), exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: t("contractors.statusChange.approve"), exact: true }).click();
  await expect(page.getByText(t("contractors.errors.approveWithoutAssessment"))).toBeVisible();

  // Assess: every criterion 4 of 5 is exactly 80 % → approved; one 3 drops it to conditional.
  await page.getByRole("link", { name: t("contractors.assess") }).click();
  await expect(page.getByText(t("assessments.live.pending"))).toBeVisible();
  for (const c of DEFAULT_TEMPLATE.criteria) {
    await page.getByRole("radiogroup", { name: t("assessments.fields.scoreOf", { label: c.labelJa, max: 5 }) }).getByText("4", { exact: true }).click();
  }
  await expect(page.getByTestId("live-total")).toHaveText(t("assessments.live.total", { total: 80 }));
  const live = page.locator('[aria-live="polite"]');
  await expect(live.getByText(t("assessments.result.approved"), { exact: true })).toBeVisible();
  await page.getByRole("radiogroup", { name: t("assessments.fields.scoreOf", { label: "技術的安全管理措置", max: 5 }) }).getByText("3", { exact: true }).click();
  await expect(live.getByText(t("assessments.result.conditional"), { exact: true })).toBeVisible();
  await page.getByRole("radiogroup", { name: t("assessments.fields.scoreOf", { label: "技術的安全管理措置", max: 5 }) }).getByText("5", { exact: true }).click();
  await expect(page.getByTestId("live-total")).toHaveText(t("assessments.live.total", { total: 84 }));
  await page.getByLabel(t("assessments.fields.evidence")).fill("委託先評価チェックシート E2E");
  await page.getByRole("button", { name: t("common.save") }).click();

  // Back on the contractor: the assessment, its result and when the next one is due.
  await expect(page.getByText(t("contractors.assessedNotice"))).toBeVisible();
  const history = page.getByRole("listitem").filter({ hasText: "84%" }).first();
  await expect(history).toContainText(t("assessments.type.initial"));
  await expect(history).toContainText(t("assessments.result.approved"));
  await expect(page.getByText(t("contractors.fields.nextDueOn")).first()).toBeVisible();

  // Approve on the approved assessment.
  await page.getByRole("button", { name: t("contractors.statusChange.approve"), exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(t("contractors.statusChange.reason")).fill("初回評価 84% により承認");
  await dialog.getByRole("button", { name: t("contractors.statusChange.approve"), exact: true }).click();
  await expect(page.getByText(t("contractors.statusChange.done", { status: t("contractors.status.approved") }))).toBeVisible();

  // The register lists it as approved, without flags, with its next due date.
  await page.goto(`/contractors?q=${encodeURIComponent(name)}`);
  await waitForData(page);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(t("contractors.status.approved"));
  for (const f of ["contract_before_assessment", "assessment_overdue", "certification_expired", "status_unsupported"]) await expect(row).not.toContainText(t(`contractors.flags.${f}`));
  await expect(row).toContainText("84%");

  // A read-only role reads the same contractor but gets no write buttons.
  const exec = await signedInAs("executive");
  await exec.goto(`/contractors?q=${encodeURIComponent(name)}`);
  await waitForData(exec);
  await exec.getByRole("link", { name }).click();
  await expect(exec.getByRole("heading", { name })).toBeVisible();
  await expect(exec.getByRole("link", { name: t("contractors.assess") })).toHaveCount(0);
  await expect(exec.getByRole("button", { name: t("contractors.statusChange.approve"), exact: true })).toHaveCount(0);
});

test("a search that matches no contractor says so once, in the list", async ({ signedInAs }) => {
  const page = await signedInAs("executive");
  await page.goto(`/contractors?q=${encodeURIComponent("該当する委託先のない語")}`);
  await waitForData(page);
  await expect(page.getByText(t("contractors.list.empty"), { exact: true }).filter({ visible: true })).toHaveCount(1);
  await expect(page.getByText(t("common.empty"), { exact: true })).toHaveCount(0);
});

test("an assessment saved with criteria unscored: the first unscored criterion's scores get the focus, each unscored group marked invalid", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  const list = (await (await page.request.get("/api/v1/contractors?pageSize=1")).json()) as { items: { id: number }[] };
  await page.goto(`/contractors/${list.items[0].id}/assess`);
  await expect(page.getByText(t("assessments.live.pending"))).toBeVisible();
  await page.getByRole("button", { name: t("common.save") }).click();
  const first = page.getByRole("radiogroup", { name: t("assessments.fields.scoreOf", { label: DEFAULT_TEMPLATE.criteria[0].labelJa, max: 5 }) });
  await expect(first.getByRole("radio").first()).toBeFocused();
  await expect(first).toHaveAttribute("aria-invalid", "true");
  // Scoring it clears its mark; the others stay marked.
  await first.getByText("3", { exact: true }).click();
  await expect(first).not.toHaveAttribute("aria-invalid", "true");
  const second = page.getByRole("radiogroup", { name: t("assessments.fields.scoreOf", { label: DEFAULT_TEMPLATE.criteria[1].labelJa, max: 5 }) });
  await expect(second).toHaveAttribute("aria-invalid", "true");
});
