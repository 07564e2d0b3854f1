import { expect, type Locator, type Page } from "@playwright/test";
import { t, type Locale } from "../i18n";
import { escapeRegExp } from "./training-overview-page";

/** A field by the start of its label (required fields add "*必須" to the label). */
function field(scope: Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^\\s*${escapeRegExp(label)}`));
}

/** /training/records: the list and the single-entry form ("受講を記録"). */
export class TrainingRecordsPage {
  constructor(
    readonly page: Page,
    readonly locale: Locale = "ja",
  ) {}

  async goto() {
    await this.page.goto("/training/records");
    await expect(this.page.getByRole("heading", { level: 1, name: t("records.title", {}, this.locale) })).toBeVisible();
  }

  get recordButton(): Locator {
    return this.page.getByRole("button", { name: t("records.recordCompletion", {}, this.locale), exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole("dialog", { name: t("records.form.createTitle", {}, this.locale) });
  }

  /** Opens the form (retrying the click until the page is hydrated and the dialog shows). */
  async openForm() {
    await expect(async () => {
      await this.recordButton.click();
      await expect(this.dialog).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  }

  /** Fills and saves the form: course by code, employee by number, a passing score. */
  async recordCompletion(opts: { courseCode: string; employeeNumber: string; employeeName: string; score?: number; completedOn?: string }) {
    const d = this.dialog;
    const L = (k: string) => t(k, {}, this.locale);
    if (opts.completedOn) await field(d, L("records.fields.completedOn")).fill(opts.completedOn);
    const course = field(d, L("records.fields.courseId"));
    const optionLabel = await course.locator("option").filter({ hasText: new RegExp(`^\\s*${escapeRegExp(opts.courseCode)}\\s`) }).first().textContent();
    await course.selectOption({ label: optionLabel!.trim() });

    await d.getByRole("combobox", { name: L("employeePicker.search") }).fill(opts.employeeNumber);
    const results = d.getByRole("listbox", { name: L("employeePicker.results") });
    await results.getByRole("option").filter({ hasText: opts.employeeNumber }).filter({ hasText: opts.employeeName }).first().click();
    await expect(d.getByText(opts.employeeName)).toBeVisible();

    await field(d, L("records.fields.score")).fill(String(opts.score ?? 100));
    await d.getByRole("button", { name: L("records.form.submitCreate"), exact: true }).click();
    await expect(d).toBeHidden();
    await expect(this.page.getByText(L("records.created"))).toBeVisible();
  }
}
