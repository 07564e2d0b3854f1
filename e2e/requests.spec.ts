import { test, expect } from "./fixtures";
import { t } from "./i18n";

/**
 * Requests from individuals and provision records end to end (docs/domain.md §7): the privacy
 * manager logs a disclosure request received by e-mail, confirms the requester's identity, records the
 * fee (tax shown) and its payment, answers on time and opens the printable answer letter; then records
 * a provision to a third party and sees the day it may be disposed of.
 */

function tokyoDate(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test("a disclosure request by e-mail: logged, identity checked, fee paid, answered on time with the letter; a provision record and its disposal date", async ({ signedInAs }) => {
  test.setTimeout(180_000);
  const requester = `E2E 請求者 ${Date.now()}`;
  const pm = await signedInAs("privacy_manager");

  // 1. Log the request.
  await pm.goto("/requests/new");
  await expect(pm.getByRole("heading", { name: t("requests.form.heading") })).toBeVisible();
  await pm.getByLabel(t("requests.form.kind")).selectOption("disclosure");
  await pm.getByLabel(t("requests.form.channel")).selectOption("email");
  await pm.getByLabel(t("requests.form.receivedOn")).fill(tokyoDate(-2));
  await pm.getByLabel(t("requests.form.disclosureMethod")).selectOption("electronic");
  await pm.getByLabel(t("requests.form.requesterName")).fill(requester);
  await pm.getByLabel(t("requests.form.requesterContact")).fill("e2e@example.jp");
  await pm.getByLabel(t("requests.form.details")).fill("私の利用者情報の開示を電子データで求めます。");
  await expect(pm.getByText(t("requests.form.feeApplies"))).toBeVisible();
  await pm.getByRole("button", { name: t("requests.form.submit") }).click();
  await pm.waitForURL(/\/requests\/\d+\?created=1/, { timeout: 60_000 });
  await expect(pm.getByText(t("requests.stages.awaiting_identity")).first()).toBeVisible({ timeout: 45_000 });

  // 2. Identity confirmed.
  await pm.getByLabel(t("requests.identity.checkedOn")).fill(tokyoDate(-1));
  await pm.getByLabel(t("requests.identity.method")).selectOption("registered_details_match");
  await pm.getByLabel(t("requests.identity.checkedBy")).fill("個人情報保護管理者");
  await pm.getByRole("button", { name: t("requests.identity.save") }).click();
  await expect(pm.getByText(t("requests.stages.awaiting_fee")).first()).toBeVisible({ timeout: 45_000 });

  // 3. The fee, its tax and its payment.
  await pm.getByLabel(t("requests.fee.amount")).fill("1000");
  await pm.getByLabel(t("requests.fee.requestedOn")).fill(tokyoDate(-1));
  await pm.getByLabel(t("requests.fee.paidOn")).fill(tokyoDate(0));
  await pm.getByRole("button", { name: t("requests.fee.save") }).click();
  await expect(pm.getByText(t("requests.fee.amountLine", { excl: "1,000", rate: 10, tax: "100", incl: "1,100" }))).toBeVisible({ timeout: 45_000 });
  await expect(pm.getByText(t("requests.stages.in_progress")).first()).toBeVisible({ timeout: 45_000 });

  // 4. Answered today: on time.
  await pm.getByLabel(t("requests.answer.decision")).selectOption("comply");
  await pm.getByLabel(t("requests.answer.answeredOn")).fill(tokyoDate(0));
  await pm.getByRole("button", { name: t("requests.answer.save") }).click();
  await expect(pm.getByText(t("requests.clockStates.answered_on_time")).first()).toBeVisible({ timeout: 45_000 });

  // 5. The answer letter, printable.
  await pm.getByRole("link", { name: t("requests.detail.letter") }).click();
  const letter = pm.getByTestId("answer-letter");
  await expect(letter).toContainText(requester, { timeout: 45_000 });
  await expect(letter).toContainText("ご請求のとおり対応いたしました");
  await expect(pm.getByRole("button", { name: t("requests.letter.print") })).toBeVisible();
  await pm.getByRole("link", { name: "English" }).click();
  await expect(letter).toContainText("We have done as you requested.", { timeout: 45_000 });

  // 6. A provision record and the day it may be disposed of (3 years from the day recorded).
  await pm.goto("/provisions/new");
  await pm.getByLabel(t("provisions.form.ground")).selectOption("consent");
  await pm.getByLabel(t("provisions.form.consentMethod")).fill("申込書の同意欄");
  await pm.getByLabel(t("provisions.form.counterpartyName")).fill("株式会社E2E提携");
  await pm.getByLabel(t("provisions.form.counterpartyAddress")).fill("東京都千代田区1-1");
  await pm.getByRole("textbox", { name: t("provisions.form.persons") }).fill("セミナー参加者 5名");
  await pm.getByLabel(t("provisions.form.dataItems")).fill("氏名、メールアドレス");
  const today = tokyoDate(0);
  const disposable = `${Number(today.slice(0, 4)) + 3}/${today.slice(5, 7)}/${today.slice(8, 10)}`;
  await pm.getByRole("button", { name: t("provisions.form.submit") }).click();
  await pm.waitForURL(/\/provisions\/\d+\?created=1/, { timeout: 60_000 });
  await expect(pm.getByTestId("provision-retention")).toContainText(disposable);
});
