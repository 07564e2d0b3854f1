import { expect, type Locator, type Page } from "@playwright/test";
import { t, type Locale } from "../i18n";

/** /training: KPI cards, the three charts and the per-course table. */
export class TrainingOverviewPage {
  constructor(
    readonly page: Page,
    readonly locale: Locale = "ja",
  ) {}

  async goto() {
    await this.page.goto("/training");
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: t("trainingStatus.title", {}, this.locale) });
  }

  /** The KPI cards (a labelled section). */
  get kpis(): Locator {
    return this.page.getByRole("region", { name: t("trainingStatus.kpi.label", {}, this.locale) });
  }

  /** The card with the completion rate, e.g. "87.5%". */
  get rateCard(): Locator {
    return this.kpis.getByRole("link").filter({ hasText: t("trainingStatus.kpi.rate", {}, this.locale) });
  }

  async rateText(): Promise<string> {
    const text = (await this.rateCard.innerText()).replace(/\s+/g, " ");
    const m = /(\d+(?:[.,]\d+)?)\s*%/.exec(text);
    if (!m) throw new Error(`no rate in "${text}"`);
    return m[1];
  }

  /** The count on a status card, read from its accessible name ("…を開く（12件）"). */
  async statusCount(status: "compliant" | "due_soon" | "overdue" | "exempt"): Promise<number> {
    // The card's accessible name is kpi.openList: "{status}の一覧を開く（{count}件）".
    const template = t("trainingStatus.kpi.openList", { status: "\u0000S", count: "\u0000C" }, this.locale);
    const pattern = new RegExp(
      `^${escapeRegExp(template).replace("\u0000S", escapeRegExp(t(`statuses.${status}`, {}, this.locale))).replace("\u0000C", "([\\d,]+)")}$`,
    );
    const card = this.kpis.getByRole("link", { name: pattern });
    await expect(card).toHaveCount(1);
    const name = (await card.getAttribute("aria-label")) ?? "";
    const m = pattern.exec(name);
    if (!m) throw new Error(`no count in "${name}"`);
    return Number(m[1].replace(/,/g, ""));
  }

  /** The chart cards, by their title. */
  chart(titleKey: "byDepartment" | "byMonth" | "breakdown"): Locator {
    return this.page.getByRole("region", { name: t(`trainingStatus.charts.${titleKey}`, {}, this.locale) }).or(
      this.page.locator("section").filter({ has: this.page.getByRole("heading", { name: t(`trainingStatus.charts.${titleKey}`, {}, this.locale), exact: true }) }),
    );
  }

  /** Waits until Recharts has drawn bars (it draws in the browser only, with an animation). */
  async waitForCharts() {
    await expect(this.page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  }

  /** The shapes of the bars of one chart, to compare before and after a change. */
  async barShapes(titleKey: "byDepartment" | "byMonth"): Promise<string[]> {
    const bars = this.chart(titleKey).first().locator(".recharts-bar-rectangle path, .recharts-bar-rectangle rect");
    await expect(bars.first()).toBeVisible();
    // Let the entry animation finish so that the shapes are final.
    await this.page.waitForTimeout(1600);
    return bars.evaluateAll((els) => els.map((e) => e.getAttribute("d") ?? `${e.getAttribute("height")}`));
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
