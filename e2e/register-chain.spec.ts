import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Locator, Page } from "@playwright/test";
import { test, expect, waitForData } from "./fixtures";
import { t as translate, type Locale } from "./i18n";
import { REGISTER_COLUMN_KEYS } from "../lib/register/import";

/**
 * The register's whole chain as the privacy manager does it (docs/domain.md §6, §6.1), in Japanese and
 * in English, each language on items of its own: an existing register comes in from an .xlsx file laid
 * out as the import's template (its columns, headers in the reader's language), the item is reviewed,
 * analysed at its five lifecycle stages, one residual risk accepted; the heat map counts the new risks
 * in their cells (and the accepted one under the "accepted" filter); an incident names the item (which
 * ticks the sensitive-data flag and offers its persons); and the register and its analysis go out as
 * one workbook, read back here with exceljs.
 */

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const STAGES = ["acquisition", "transfer", "use", "storage", "disposal"] as const;
type Stage = (typeof STAGES)[number];
type Cell = `${number},${number}`;

/** One risk per stage: inherent and residual cells all different, so each shows in the heat map on its own. */
const RISKS: Record<Stage, { threat: string; l: number; i: number; safeguard: string; rl: number; ri: number }> = {
  acquisition: { threat: "leak", l: 3, i: 4, safeguard: "organizational", rl: 2, ri: 4 },
  transfer: { threat: "leak", l: 4, i: 4, safeguard: "technical", rl: 2, ri: 3 },
  use: { threat: "misuse", l: 3, i: 3, safeguard: "human", rl: 1, ri: 3 },
  storage: { threat: "loss", l: 3, i: 5, safeguard: "physical", rl: 2, ri: 5 },
  disposal: { threat: "leak", l: 2, i: 4, safeguard: "technical", rl: 1, ri: 4 },
};
/** The risk whose residual rating (2 × 5 = 10, "high" at the default threshold) the manager accepts. */
const ACCEPTED: Stage = "storage";

const TEXT = {
  ja: {
    name: "E2E連鎖テスト 健康相談記録",
    subjects: "利用者、利用者の家族",
    items: "氏名、相談内容、健康状態",
    consent: "相談フォームで同意を取得",
    risk: (s: Stage) => `E2E ${s} 段階のリスク`,
    measure: (s: Stage) => `E2E ${s} 段階の対策`,
    reviewer: "個人情報保護管理者 E2E",
    acceptNote: "対策後の残存リスクは許容範囲内と判断した",
    incident: "E2E連鎖テスト 相談記録の誤送信",
    incidentText: "相談記録を別の利用者へ誤って送信した。",
  },
  en: {
    name: "E2E chain test health consultation records",
    subjects: "Users, families of users",
    items: "Name, consultation, health condition",
    consent: "Consent obtained on the consultation form",
    risk: (s: Stage) => `E2E risk at the ${s} stage`,
    measure: (s: Stage) => `E2E countermeasure at the ${s} stage`,
    reviewer: "Privacy manager E2E",
    acceptNote: "What remains after the countermeasures is tolerable",
    incident: "E2E chain test consultation record sent to the wrong person",
    incidentText: "A consultation record was sent to another user by mistake.",
  },
} as const;

/** A form field by its label, exactly — a required field's name goes on with "* required" (or its Japanese). */
function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\*|$)`));
}

function tokyoDate(offsetDays = 0): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Every cell of the heat map's table on screen: "likelihood,impact" → count. */
async function heatCounts(page: Page, table: Locator): Promise<Map<Cell, number>> {
  await expect(table.getByRole("link")).toHaveCount(25);
  const cells = await table.getByRole("link").evaluateAll((as) =>
    as.map((a) => {
      const m = /[?&]likelihood=(\d)&impact=(\d)|[?&]impact=(\d).*[?&]likelihood=(\d)/.exec(a.getAttribute("href") ?? "");
      const l = m ? (m[1] ?? m[4]) : "0";
      const i = m ? (m[2] ?? m[3]) : "0";
      return [`${l},${i}`, Number(a.querySelector("span")?.textContent ?? "NaN")] as const;
    }),
  );
  return new Map(cells as (readonly [Cell, number])[]);
}

/** The change between two readings of the heat map, cells that did not change left out. */
function delta(before: Map<Cell, number>, after: Map<Cell, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [cell, n] of after) if (n !== (before.get(cell) ?? 0)) out[cell] = n - (before.get(cell) ?? 0);
  return out;
}

async function registerWorkbook(locale: Locale, row: Record<string, string | number>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(translate("register.export.registerSheet", {}, locale));
  // The import's template: its columns in their order, headed in the reader's language.
  ws.addRow(REGISTER_COLUMN_KEYS.map((k) => translate(`register.fields.${k}`, {}, locale)));
  ws.addRow(REGISTER_COLUMN_KEYS.map((k) => row[k] ?? ""));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The heat map's "accepted" filter set to yes through its select; once the table shows what the API
 * answers for that filter (the page may get it from the server or from the API), its counts.
 */
async function acceptedOnly(page: Page, label: string, table: Locator): Promise<Map<Cell, number>> {
  await field(page, label).selectOption("true");
  await expect(page).toHaveURL(/accepted=true/);
  const answer = await page.request.get("/api/v1/register/risks/heatmap?accepted=true");
  expect(answer.status()).toBe(200);
  const grid = ((await answer.json()) as { residual: number[][] }).residual;
  const want = new Map<Cell, number>(grid.flatMap((row, l) => row.map((n, i) => [`${l + 1},${i + 1}` as Cell, n] as const)));
  const sorted = (m: Map<Cell, number>) => JSON.stringify([...m].sort());
  await expect.poll(async () => sorted(await heatCounts(page, table))).toBe(sorted(want));
  return want;
}

for (const locale of ["ja", "en"] as const) {
  test(`the privacy manager's register chain: import, review, five stages, acceptance, heat map, incident, export (${locale})`, async ({ signedInAs, baseURL }) => {
    test.setTimeout(300_000);
    const t = (key: string, values: Record<string, string | number> = {}) => translate(key, values, locale);
    const text = TEXT[locale];
    const page = await signedInAs("privacy_manager");
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    const stamp = String(Date.now()).slice(-7);
    const code = `E2E-CHAIN-${locale.toUpperCase()}-${stamp}`;
    const name = `${text.name} ${stamp}`;
    const persons = 850;

    // ── 1. Import the register from .xlsx ─────────────────────────────────────────────────────────
    const file = await registerWorkbook(locale, {
      code,
      name,
      kind: t("register.kind.sensitive"),
      dataSubjects: text.subjects,
      dataItems: text.items,
      personCount: persons,
      form: t("register.form.electronic"),
      acquisitionMethod: t("register.acquisition.direct_written"),
      noticeOrConsent: text.consent,
      purposeIds: "P1",
      ownerDepartmentId: "D06",
      provision: t("register.provision.none"),
      reviewIntervalMonths: 12,
    });
    await page.goto("/register/import");
    await expect(page.getByRole("heading", { name: t("register.importTitle") })).toBeVisible({ timeout: 60_000 });
    await page.getByLabel(t("importPanel.choose.inputLabel")).setInputFiles({ name: `register-${locale}.xlsx`, mimeType: XLSX, buffer: file });
    await expect(page.getByText(t("importPanel.preview.ready"))).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(name)).toBeVisible();
    await page.getByRole("button", { name: t("register.actions.import"), exact: true }).click();
    await page.getByRole("dialog", { name: t("importPanel.commit.confirmTitle") }).getByRole("button", { name: t("register.actions.import"), exact: true }).click();
    await expect(page.getByText(t("register.import.committed", { inserted: 1, updated: 0, unchanged: 0 }))).toBeVisible();
    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 60_000 });
    await waitForData(page);
    const itemUrl = page.url();
    await expect(page.getByText(t("register.kind.sensitive")).first()).toBeVisible();

    // ── 2. Review it: a review record of the item ─────────────────────────────────────────────────
    await page.getByRole("button", { name: t("register.actions.review"), exact: true }).click();
    const review = page.getByRole("dialog", { name: t("register.review.dialogItem", { name }) });
    await field(review, t("register.review.reviewer")).fill(text.reviewer);
    await review.getByRole("button", { name: t("register.actions.review"), exact: true }).click();
    await expect(review).toBeHidden();
    const reviews = page.locator("section").filter({ has: page.getByRole("heading", { name: t("register.reviewsTitle") }) });
    await expect(reviews.getByText(text.reviewer)).toBeVisible();
    await expect(reviews.getByText(t("register.review.resultLabel.no_change"))).toBeVisible();
    await expect(page.getByText(t("register.history.action.reviewed"), { exact: true })).toBeVisible();

    // ── 3. The heat map before: residual cells, and the accepted risks' cells ──────────────────────
    const heatTable = (phase: "residual" | "inherent") =>
      page.getByRole("table", { name: t("registerRisks.heat.caption", { phase: t(`registerRisks.phase.${phase}`) }) });
    /** The before/after toggle, pressed and shown (a filter changed right after it must not undo it). */
    const showPhase = async (phase: "residual" | "inherent") => {
      const toggle = page.getByRole("button", { name: t(`registerRisks.phase.${phase}`), exact: true });
      await toggle.click();
      await expect(toggle).toHaveAttribute("aria-pressed", "true");
      await expect(heatTable(phase)).toBeVisible();
    };
    await page.goto("/register/risks");
    await waitForData(page);
    const residualBefore = await heatCounts(page, heatTable("residual"));
    await showPhase("inherent");
    await waitForData(page);
    const inherentBefore = await heatCounts(page, heatTable("inherent"));
    await showPhase("residual");
    const acceptedBefore = await acceptedOnly(page, t("registerRisks.filters.accepted"), heatTable("residual"));

    // ── 4. The risk analysis of the item: one risk at each of the five stages ────────────────────
    await page.goto(itemUrl);
    await waitForData(page);
    const analysis = page.getByRole("region", { name: t("registerRisks.title") });
    for (const [n, stage] of STAGES.entries()) {
      const r = RISKS[stage];
      await analysis.getByRole("button", { name: t("registerRisks.addRisk") }).nth(n).click();
      const form = page.getByRole("dialog", { name: t("registerRisks.newTitle", { stage: t(`registerRisks.stage.${stage}`) }) });
      await expect(field(form, t("registerRisks.fields.stage"))).toHaveValue(stage);
      await field(form, t("registerRisks.fields.threat")).selectOption(r.threat);
      await field(form, t("registerRisks.fields.description")).fill(text.risk(stage));
      await field(form, t("registerRisks.fields.likelihood")).selectOption(String(r.l));
      await field(form, t("registerRisks.fields.impact")).selectOption(String(r.i));
      await form.getByRole("button", { name: t("registerRisks.addCountermeasure") }).click();
      await field(form, t("registerRisks.fields.safeguard")).selectOption(r.safeguard);
      await field(form, t("registerRisks.fields.measure")).fill(text.measure(stage));
      await field(form, t("registerRisks.fields.residualLikelihood")).selectOption(String(r.rl));
      await field(form, t("registerRisks.fields.residualImpact")).selectOption(String(r.ri));
      await form.getByRole("button", { name: t("common.save"), exact: true }).click();
      await expect(form).toBeHidden();
      await expect(analysis.getByText(text.risk(stage))).toBeVisible();
    }
    await expect(analysis.getByText(t("registerRisks.neverAnalysed"))).toHaveCount(0);

    // ── 5. Accept the residual risk of one stage ──────────────────────────────────────────────────
    const row = analysis.getByRole("listitem").filter({ hasText: text.risk(ACCEPTED) });
    await expect(row.getByText(t("registerRisks.highMark"))).toBeVisible();
    await row.getByRole("button", { name: t("registerRisks.accept"), exact: true }).click();
    const accept = page.getByRole("dialog", { name: t("registerRisks.acceptTitle") });
    await field(accept, t("registerRisks.fields.note")).fill(text.acceptNote);
    await accept.getByRole("button", { name: t("registerRisks.accept"), exact: true }).click();
    await expect(page.getByText(t("registerRisks.acceptedSaved"))).toBeVisible();
    await expect(row.getByText(text.acceptNote)).toBeVisible();
    await expect(row.getByRole("button", { name: t("registerRisks.accept"), exact: true })).toHaveCount(0);

    // ── 6. The heat map after: each new risk in its cell, the accepted one under "accepted" ─────────
    const expected = (pick: (r: (typeof RISKS)[Stage]) => [number, number], stages: readonly Stage[] = STAGES) =>
      Object.fromEntries(stages.map((s) => [pick(RISKS[s]).join(","), 1]));
    await page.goto("/register/risks");
    await waitForData(page);
    expect(delta(residualBefore, await heatCounts(page, heatTable("residual")))).toEqual(expected((r) => [r.rl, r.ri]));
    await showPhase("inherent");
    await waitForData(page);
    expect(delta(inherentBefore, await heatCounts(page, heatTable("inherent")))).toEqual(expected((r) => [r.l, r.i]));
    await showPhase("residual");
    const acceptedAfter = await acceptedOnly(page, t("registerRisks.filters.accepted"), heatTable("residual"));
    expect(delta(acceptedBefore, acceptedAfter)).toEqual(expected((r) => [r.rl, r.ri], [ACCEPTED]));
    // The cell drills down to the risks behind it, our accepted one among them.
    const { rl, ri } = RISKS[ACCEPTED];
    await heatTable("residual").locator(`a[href*="likelihood=${rl}&impact=${ri}"]`).click();
    await expect(page).toHaveURL(/\/register\/risks\/list\?.*accepted=true/, { timeout: 60_000 });
    await waitForData(page);
    await expect(page.getByRole("link", { name: new RegExp(code) }).first()).toBeVisible();

    // ── 7. An incident names the item: the sensitive flag and the persons follow from it ───────────
    await page.goto("/incidents/new");
    await expect(page.getByRole("heading", { name: t("incidents.form.heading") })).toBeVisible({ timeout: 60_000 });
    const incidentTitle = `${text.incident} ${stamp}`;
    await field(page, t("incidents.form.title")).fill(incidentTitle);
    await field(page, t("incidents.form.category")).selectOption("misdirected");
    await field(page, t("incidents.form.discoveredAt")).fill(`${tokyoDate(-1)}T10:00`);
    await field(page, t("incidents.form.description")).fill(text.incidentText);
    await field(page, t("incidents.form.personsAffected")).fill("1");
    const sensitive = field(page, t("incidents.form.sensitiveData"));
    await expect(sensitive).not.toBeChecked();
    // The picker is a listbox that picks several (components/ui/search-combobox.tsx): the option says it is picked.
    const picker = page.getByRole("group", { name: t("registerRisks.links.pickItems") });
    const item = picker.getByRole("option", { name: `${code} ${name}` });
    await item.click();
    await expect(item).toHaveAttribute("aria-selected", "true");
    await expect(sensitive).toBeChecked();
    // The persons the picked item holds are offered (a plural message in English: the number is what counts here).
    await expect(picker.locator('[aria-live="polite"]')).toContainText(String(persons));
    await page.getByRole("button", { name: t("registerRisks.links.useSuggestion") }).click();
    await expect(field(page, t("incidents.form.personsAffected"))).toHaveValue(String(persons));
    await page.getByRole("button", { name: t("incidents.form.submit") }).click();
    await page.waitForURL(/\/incidents\/\d+\?created=1/, { timeout: 60_000 });
    // The item's page lists the incident.
    await page.goto(itemUrl);
    await waitForData(page);
    const incidents = page.locator("section").filter({ has: page.getByRole("heading", { name: t("registerRisks.links.incidents") }) });
    await expect(incidents.getByRole("link", { name: new RegExp(incidentTitle) })).toBeVisible();

    // ── 8. Export the register and its analysis (the list filtered to the item) and read it back ──
    await page.goto(`/register?q=${encodeURIComponent(code)}`);
    await waitForData(page);
    await expect(page.getByRole("link", { name }).first()).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t("register.exportRegister") }).click()]);
    expect(download.suggestedFilename()).toBe(`${t("register.export.fileName")}_${tokyoDate()}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([t("register.export.registerSheet"), t("register.export.riskSheet")]);
    const values = (ws: ExcelJS.Worksheet) => {
      const rows: unknown[][] = [];
      ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const [register, risks] = wb.worksheets.map(values);
    expect(register[0].slice(0, 3)).toEqual(["code", "name", "kind"].map((k) => t(`register.fields.${k}`)));
    expect(register.slice(1).map((r) => r[0])).toEqual([code]);
    expect(register[1].slice(1, 3)).toEqual([name, t("register.kind.sensitive")]);
    expect(register[1][5]).toBe(persons);

    const header = risks[0] as string[];
    const col = (k: string) => header.indexOf(t(`register.export.risk.${k}`));
    const ours = risks.slice(1).filter((r) => r[col("itemCode")] === code);
    // One row per stage, in the order of the stages, with the words of the screen.
    expect(ours.map((r) => r[col("stage")])).toEqual(STAGES.map((s) => t(`registerRisks.stage.${s}`)));
    for (const [n, stage] of STAGES.entries()) {
      const r = RISKS[stage];
      const cells = ours[n];
      expect(cells[col("threat")]).toBe(t(`registerRisks.threat.${r.threat}`));
      expect(cells[col("description")]).toBe(text.risk(stage));
      expect([cells[col("likelihood")], cells[col("impact")], cells[col("level")]]).toEqual([r.l, r.i, r.l * r.i]);
      expect([cells[col("residualLikelihood")], cells[col("residualImpact")], cells[col("residualLevel")]]).toEqual([r.rl, r.ri, r.rl * r.ri]);
      expect(cells[col("countermeasures")]).toBe(t("register.export.countermeasure", { safeguard: t(`registerRisks.safeguard.${r.safeguard}`), text: text.measure(stage) }));
      if (stage === ACCEPTED) {
        expect((cells[col("acceptedOn")] as Date).toISOString().slice(0, 10)).toBe(tokyoDate());
        expect(cells[col("acceptanceNote")]).toBe(text.acceptNote);
        expect(String(cells[col("acceptedBy")] ?? "")).not.toBe("");
      } else {
        expect(cells[col("acceptedOn")] ?? null).toBeNull();
      }
    }
  });
}
