import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test, waitForData } from "./fixtures";
import { t } from "./i18n";

/**
 * The privacy manager's review cycle in the browser (issue 3): record a revision as a draft — the
 * register keeps the current version — then approve it, and the new version is in force, in the
 * revision history, and the next review due has moved.
 */
test("a review goes from draft to an approved revision", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  await page.goto("/regulations?q=REG-04");
  await waitForData(page);
  const row = page.getByRole("row").filter({ hasText: "教育規程" });
  await expect(row).toBeVisible();
  const versionText = (await row.getByRole("cell").nth(3).innerText()).trim();
  const current = Number(/第(\d+)版/.exec(versionText)?.[1]);
  expect(current).toBeGreaterThan(0);
  const next = current + 1;

  await row.getByRole("link", { name: "教育規程" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "教育規程" })).toBeVisible();
  await waitForData(page);

  // A draft left by an earlier run is discarded first (kept, marked discarded).
  const pending = page.getByTestId("pending-review");
  if (await pending.isVisible()) {
    await pending.getByRole("button", { name: t("regulations.review.discard") }).click();
    await page.getByRole("dialog").getByRole("button", { name: t("regulations.review.discard") }).click();
    await expect(pending).toBeHidden();
  }

  // Record the review: the client checks the form first (a revision needs its summary).
  await page.getByRole("button", { name: t("regulations.detail.recordReview") }).click();
  const dialog = page.getByRole("dialog", { name: t("regulations.review.createTitle") });
  await dialog.getByLabel(t("regulations.review.reviewers")).fill("個人情報保護管理者、人事部長");
  await dialog.getByLabel(t("regulations.review.trigger")).selectOption("law_amendment");
  await dialog.getByLabel(t("regulations.review.outcome")).selectOption("revised");
  await expect(dialog.getByTestId("proposed-version")).toContainText(`第${next}版`);
  await dialog.getByRole("button", { name: t("common.save") }).click();
  await expect(dialog.getByText(t("regulations.errors.summaryRequired"))).toBeVisible();
  const summary = `e2e: 派遣社員の受講記録の保存期間を明記（${Date.now()}）`;
  await dialog.getByLabel(t("regulations.review.summary")).fill(summary);
  await dialog.getByRole("button", { name: t("common.save") }).click();
  await expect(dialog).toBeHidden();

  // Not in force yet: the draft waits, the current version is unchanged.
  await expect(pending).toBeVisible();
  await expect(pending).toContainText(summary);
  await expect(page.getByTestId("version-history").getByRole("row").first()).toContainText(`第${current}版`);
  await page.goto("/regulations?q=REG-04");
  await waitForData(page);
  await expect(page.getByRole("row").filter({ hasText: "教育規程" }).getByRole("cell").nth(3)).toContainText(`第${current}版`);

  // Approve, after the confirmation says what will happen.
  await page.getByRole("link", { name: "教育規程" }).click();
  await waitForData(page);
  await pending.getByRole("button", { name: t("regulations.review.approve") }).click();
  const confirm = page.getByRole("dialog", { name: t("regulations.review.approveTitle") });
  await expect(confirm).toContainText(`第${next}版`);
  await confirm.getByRole("button", { name: t("regulations.review.approve") }).click();
  await expect(page.getByText(t("regulations.review.approved"))).toBeVisible();
  await expect(pending).toBeHidden();

  const history = page.getByTestId("version-history");
  await expect(history.getByRole("row").first()).toContainText(`第${next}版`);
  await expect(history.getByRole("row").first()).toContainText(summary);
  await expect(history.getByRole("row").first()).toContainText(t("regulations.detail.currentBadge"));
  await expect(page.getByText(t("regulations.dueState.on_time")).first()).toBeVisible();

  await page.goto("/regulations?q=REG-04");
  await waitForData(page);
  await expect(page.getByRole("row").filter({ hasText: "教育規程" }).getByRole("cell").nth(3)).toContainText(`第${next}版`);
});

/** The complaints desk's post on the PMS structure page. */
const complaintsDeskRow = (page: Page): Locator => page.getByRole("row").filter({ hasText: "苦情及び相談窓口責任者" });

/** The privacy manager's PMS structure, with the appoint dialog open on the complaints desk's post. */
async function openAppointDialog(page: Page): Promise<Locator> {
  await page.goto("/regulations/structure");
  await waitForData(page);
  await complaintsDeskRow(page).getByRole("button", { name: t("pmsStructure.appoint"), exact: true }).click();
  return page.getByRole("dialog");
}

/**
 * Appointing an employee: the form searches the employee picker (the people list no longer ships
 * every employee), by keyboard, and the new holder's name shows on the structure.
 */
test("the privacy manager appoints an employee found with the picker", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  const d = await openAppointDialog(page);
  await expect(d.getByText(t("employeePicker.typeToSearch"))).toBeVisible();

  // The search box is a combobox over a listbox of results (components/ui/search-combobox.tsx).
  const search = d.getByRole("combobox", { name: t("employeePicker.search") });
  await expect(search).toHaveAttribute("aria-expanded", "false");
  await search.fill("E00");
  const results = d.getByRole("listbox", { name: t("employeePicker.results") });
  const first = results.getByRole("option").first();
  await expect(first).toBeVisible();
  await expect(search).toHaveAttribute("aria-expanded", "true");
  const axe = await new AxeBuilder({ page }).include("dialog[open]").withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  const number = (await first.locator("span").nth(0).innerText()).trim();
  const name = (await first.locator("span").nth(1).innerText()).trim();
  // By keyboard, the focus staying in the box: down to the first result, Escape closes the list (not
  // the dialog), down opens it again on the same result, Enter picks it (and does not submit the form).
  await search.press("ArrowDown");
  await expect(search).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await expect(first).toHaveAttribute("aria-selected", "true");
  await search.press("Escape");
  await expect(search).toHaveAttribute("aria-expanded", "false");
  await expect(d).toBeVisible();
  await search.press("ArrowDown");
  await expect(search).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await search.press("Enter");
  await expect(d).toBeVisible();
  await expect(d.getByText(`${number} ${name}`, { exact: false })).toBeVisible();
  await expect(d.getByRole("button", { name: t("employeePicker.change") })).toBeVisible();

  await d.getByRole("button", { name: t("common.save"), exact: true }).click();
  await expect(d).toBeHidden();
  await expect(complaintsDeskRow(page)).toContainText(name);
  await expect(complaintsDeskRow(page)).not.toContainText(t("pmsStructure.gapText"));
});

/**
 * The searched picker's keys (components/ui/search-combobox.tsx): Enter with no active option neither picks
 * nor submits the form, Escape closes the list and then clears the box (the dialog stays open), and
 * "change" puts the focus back in the search box.
 */
test("the employee picker's keys: Enter, Escape twice, and change", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  const d = await openAppointDialog(page);
  const search = d.getByRole("combobox", { name: t("employeePicker.search") });
  await search.fill("E0");
  await expect(search).toHaveAttribute("aria-expanded", "true");
  await search.press("Enter");
  await expect(d).toBeVisible();
  await expect(d.getByRole("alert")).toHaveCount(0);
  await search.press("Escape");
  await expect(search).toHaveAttribute("aria-expanded", "false");
  await expect(search).toHaveValue("E0");
  await search.press("Escape");
  await expect(search).toHaveValue("");
  await expect(d).toBeVisible();
  await search.fill("E0001");
  await d.getByRole("listbox", { name: t("employeePicker.results") }).getByRole("option").first().click();
  await d.getByRole("button", { name: t("employeePicker.change") }).click();
  await expect(d.getByRole("combobox", { name: t("employeePicker.search") })).toBeFocused();
});

/**
 * A filter beside the search box narrows the same search: changing it after Escape closed the list opens
 * the list again on the new results (as typing does), and the count for screen readers follows them.
 */
test("the employee picker's department filter opens the list again after Escape", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  const d = await openAppointDialog(page);
  const search = d.getByRole("combobox", { name: t("employeePicker.search") });
  const results = d.getByRole("listbox", { name: t("employeePicker.results") });
  await search.fill("E0");
  await expect(results.getByRole("option").first()).toBeVisible();
  await expect(results.getByRole("option").filter({ hasNotText: "経理部" }).first()).toBeVisible();
  await search.press("Escape");
  await expect(search).toHaveAttribute("aria-expanded", "false");
  await expect(results).toBeHidden();

  await d.getByLabel(t("employeePicker.departmentFilter")).selectOption({ label: "経理部" });
  await expect(search).toHaveAttribute("aria-expanded", "true");
  await expect(search).toHaveValue("E0");
  await expect(results.getByRole("option").filter({ hasNotText: "経理部" })).toHaveCount(0);
  const count = await results.getByRole("option").count();
  expect(count).toBeGreaterThan(0);
  const countText = /other \{([^}]*)\}/.exec(t("common.list.resultCount"))![1].replace("#", String(count));
  await expect(d.getByRole("status").filter({ hasText: countText })).toHaveCount(1);
  // Escape still closes it and keeps the text.
  await search.press("Escape");
  await expect(search).toHaveAttribute("aria-expanded", "false");
  await expect(search).toHaveValue("E0");
});

/**
 * 兼任不可 (docs/domain.md §2): the demo's 監査責任者 may not be held by the privacy manager. Appointing her
 * is refused in the form, beside the holder, naming the other post; the dialog stays open and the
 * structure is unchanged.
 */
test("the appoint form refuses the privacy manager as audit lead, naming the other post", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  await page.goto("/regulations/structure");
  await waitForData(page);
  const auditRow = page.getByTestId("post-POST-AUDIT");
  await expect(page.getByTestId("post-POST-CPO")).toContainText(t("pmsStructure.exclusiveWithList", { posts: "監査責任者" }));
  await auditRow.getByRole("button", { name: t("pmsStructure.appoint"), exact: true }).click();
  const d = page.getByRole("dialog");
  await d.getByLabel(t("pmsStructure.personType")).selectOption("user");
  const holder = d.getByRole("combobox", { name: t("pmsStructure.person"), exact: false }).and(d.locator('select[name="personId"]'));
  await holder.selectOption({ label: `佐藤 恵子${t("common.inParens", { text: "manager@example.com" })}` });
  await d.getByRole("button", { name: t("common.save"), exact: true }).click();
  // 「この人は「個人情報保護管理者」に就いています（…〜）。この役職とは兼任できません。…」
  const [said] = t("regulations.errors.exclusivePostHeld", { post: "個人情報保護管理者" }).split("（");
  await expect(d.getByText(said, { exact: false })).toBeVisible();
  await expect(d.getByText("この役職とは兼任できません", { exact: false })).toBeVisible();
  await expect(holder).toHaveAttribute("aria-invalid", "true");
  await d.getByRole("button", { name: t("common.cancel"), exact: true }).click();
  await expect(auditRow).not.toContainText("佐藤 恵子");
  await expect(page.getByText(t("pmsStructure.conflictsHint"))).toHaveCount(0);
});

type Holder = { id: number; personType: "user" | "employee"; personId: number; personName: string; fromDate: string; toDate: string | null; note: string | null; version: number };

/** The audit lead's appointment (高橋 直樹, a sign-in user) as the API holds it now. */
async function auditLeadAppointment(page: Page): Promise<Holder> {
  const res = await page.request.get("/api/v1/pms-posts");
  expect(res.status()).toBe(200);
  const post = (await res.json()).items.find((p: { code: string }) => p.code === "POST-AUDIT") as { holders: Holder[] };
  return post.holders.find((h) => h.personName === "高橋 直樹")!;
}

/** A save through the API in the same session, as another tab or person would make it. */
async function patchAppointment(page: Page, baseURL: string, a: Holder, changes: Partial<Holder>) {
  const body = { personType: a.personType, personId: a.personId, fromDate: a.fromDate, toDate: a.toDate, note: a.note, version: a.version, ...changes };
  const res = await page.request.patch(`/api/v1/pms-posts/appointments/${a.id}`, { data: body, headers: { origin: new URL(baseURL).origin } });
  expect(res.status(), await res.text()).toBe(200);
}

/** The privacy manager's structure page, with the audit lead's appointment open for editing (opened by keyboard). */
async function openEditAuditLead(page: Page): Promise<Locator> {
  await page.goto("/regulations/structure");
  await waitForData(page);
  const edit = page.getByTestId("post-POST-AUDIT").getByRole("button", { name: new RegExp(`^${t("pmsStructure.editAppointment")}\\s*:\\s*高橋 直樹$`) });
  await edit.focus();
  await page.keyboard.press("Enter");
  const d = page.getByRole("dialog", { name: t("pmsStructure.editAppointmentTitle", { name: "高橋 直樹", post: "監査責任者" }) });
  await expect(d).toBeVisible();
  return d;
}

/**
 * Editing an appointment on the page (PATCH /pms-posts/appointments/{id}): the dialog opens on the
 * holder and term as they are; giving the audit lead's post to the privacy manager is refused by 兼任不可
 * beside the holder, which takes the focus; nothing changes on the page.
 */
test("editing an appointment: a holder who may not hold the post is refused beside the holder", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  const before = await auditLeadAppointment(page);
  const d = await openEditAuditLead(page);
  await expect(d.getByText(t("pmsStructure.editAppointmentHint"))).toBeVisible();
  await expect(d.getByLabel(t("pmsStructure.personType"))).toHaveValue("user");
  const holder = d.locator('select[name="personId"]');
  await expect(holder).toHaveValue(String(before.personId));
  await expect(d.locator('input[name="fromDate"]')).toHaveValue(before.fromDate);
  await expect(d.locator('input[name="toDate"]')).toHaveValue(before.toDate ?? "");

  await holder.selectOption({ label: `佐藤 恵子${t("common.inParens", { text: "manager@example.com" })}` });
  // Saved from the keyboard: Enter in the note field submits the form.
  await d.locator('input[name="note"]').press("Enter");
  const [said] = t("regulations.errors.exclusivePostHeld", { post: "個人情報保護管理者" }).split("（");
  await expect(d.getByText(said, { exact: false })).toBeVisible();
  await expect(d.getByText("この役職とは兼任できません", { exact: false })).toBeVisible();
  await expect(holder).toHaveAttribute("aria-invalid", "true");
  await expect(holder).toBeFocused();
  await page.screenshot({ path: "test-results/structure-edit-appointment-refused.png" });
  await d.getByRole("button", { name: t("common.cancel"), exact: true }).click();
  await expect(d).toBeHidden();
  await expect(page.getByTestId("post-POST-AUDIT")).toContainText("高橋 直樹");
  await expect(page.getByTestId("post-POST-AUDIT")).not.toContainText("佐藤 恵子");
  expect(await auditLeadAppointment(page)).toEqual(before);
});

/**
 * The form kit's conflict on an appointment: someone else changes it while the dialog is open; the save is
 * refused (409) visibly, naming the changed field, the input is kept, and "keep my input" then saves it.
 */
test("editing an appointment changed meanwhile shows the conflict; keep my input saves", async ({ signedInAs, baseURL }) => {
  const page = await signedInAs("privacy_manager");
  const original = await auditLeadAppointment(page);
  try {
    const d = await openEditAuditLead(page);
    const note = d.locator('input[name="note"]');
    const mine = `e2e 任期の確認 ${Date.now()}`;
    await note.fill(mine);
    await patchAppointment(page, baseURL!, original, { note: `e2e 別の画面で変更 ${Date.now()}` });

    await d.getByRole("button", { name: t("common.save"), exact: true }).click();
    const notice = d.getByRole("status").filter({ hasText: t("form.conflict.title") });
    await expect(notice).toBeVisible();
    await expect(notice.getByText(t("form.conflict.changed"))).toContainText(t("pmsStructure.note"));
    await expect(notice.getByText(t("form.conflict.changed"))).not.toContainText(t("pmsStructure.fromDate"));
    await expect(note).toHaveValue(mine);

    await notice.getByRole("button", { name: t("form.conflict.keepMine") }).click();
    await d.getByRole("button", { name: t("common.save"), exact: true }).click();
    await expect(d).toBeHidden();
    const after = await auditLeadAppointment(page);
    expect(after).toMatchObject({ note: mine, personId: original.personId, fromDate: original.fromDate, toDate: original.toDate, version: original.version + 2 });
    await page.getByTestId("post-POST-AUDIT").getByText(t("pmsStructure.history", { count: 1 })).click();
    await expect(page.getByTestId("post-POST-AUDIT")).toContainText(mine);
  } finally {
    // The demo data as it was, for the other tests.
    await patchAppointment(page, baseURL!, await auditLeadAppointment(page), { note: original.note });
  }
});

test("read-only roles see the register and the structure without write buttons", async ({ signedInAs }) => {
  const page = await signedInAs("auditor");
  await page.goto("/regulations");
  await waitForData(page);
  await expect(page.getByRole("heading", { level: 1, name: t("regulations.title") })).toBeVisible();
  await expect(page.getByRole("button", { name: t("regulations.new") })).toHaveCount(0);
  await page.goto("/regulations/structure");
  await expect(page.getByRole("heading", { level: 1, name: t("pmsStructure.title") })).toBeVisible();
  await expect(page.getByText(t("pmsStructure.gapText")).first()).toBeVisible();
  await expect(page.getByRole("button", { name: t("pmsStructure.appoint") })).toHaveCount(0);
});

test("the register, a regulation and the structure have no serious or critical axe violations", async ({ signedInAs }) => {
  const page = await signedInAs("privacy_manager");
  for (const path of ["/regulations", "/regulations/2", "/regulations/structure"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (path === "/regulations") await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await waitForData(page);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${path} ${v.impact}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("; ")})`);
    expect(serious).toEqual([]);
  }
});
