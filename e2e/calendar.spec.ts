import AxeBuilder from "@axe-core/playwright";
import ICAL from "ical.js";
import type { Locator, Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";
import { t } from "./i18n";

/**
 * The calendar in the browser (issue 6): the auditor sees this month's events from several modules,
 * switches to the fiscal-year view and back, turns an event type off and on (the URL follows),
 * creates the iCalendar feed URL, copies it, and the test fetches it WITHOUT a session and parses it
 * with ical.js; then revokes it and the URL answers 404. Everything is done from the keyboard, and
 * the page has no serious axe violations.
 */

// Navigations re-render the page on the server and reload the events: allow for a busy machine.
const expect = baseExpect.configure({ timeout: 45_000 });

type ApiEvent = { uid: string; type: string; start: string; end: string; summary: string };

/**
 * Moves the focus with Tab (or Shift+Tab when the target comes before the focused element) until
 * `target` has it: fails if the control cannot be reached from the keyboard.
 */
async function tabTo(page: Page, target: Locator, max = 150) {
  await target.waitFor();
  const backwards = await target.evaluate((el) => {
    const active = document.activeElement;
    return !!active && active !== document.body && !!(active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  });
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`not reachable with the Tab key: ${target.toString()}`);
}

/** Presses Enter on a control reached with the keyboard. */
async function pressByKeyboard(page: Page, target: Locator) {
  await tabTo(page, target);
  await page.keyboard.press("Enter");
}

async function waitForData(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator(".animate-pulse")).toHaveCount(0, { timeout: 60_000 });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("; ")})`);
}

test.setTimeout(180_000);

test("the auditor's calendar: month and FY views, type filter, iCalendar feed created, parsed and revoked", async ({ signedInAs, request, baseURL }) => {
  const page = await signedInAs("auditor");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.goto("/audits/calendar");
  await expect(page.getByRole("heading", { level: 1, name: t("calendar.title") })).toBeVisible();
  await waitForData(page);

  // This month's events, as the API has them for the month shown (the demo data is relative to today).
  const month = new URL(page.url()).searchParams.get("month") ?? new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7);
  const agenda = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: t("calendar.agendaTitle") }) });
  const res = await page.request.get(`/api/v1/calendar/events?from=${month}-01&to=${month}-28`, { timeout: 60_000 });
  expect(res.ok()).toBe(true);
  const items = ((await res.json()) as { items: ApiEvent[] }).items;
  const types = new Set(items.map((e) => e.type));
  // Several modules at once: the audit in progress (demo), incident report deadlines and training deadlines.
  for (const type of ["audit", "incident", "training"]) expect(types, `no ${type} event in ${month}`).toContain(type);
  const audit = items.find((e) => e.type === "audit" && e.summary.includes("運用状況監査（営業部・カスタマーサポート部）"));
  expect(audit, "the demo's operation audit in progress").toBeTruthy();
  const incident = items.find((e) => e.type === "incident")!;
  const training = items.find((e) => e.type === "training")!;
  // Each event is named by its summary alone, which names its type ("監査：…"): the page adds no
  // label of its own before it (it read "監査: 監査: 運用状況監査…").
  await expect(agenda.getByRole("link", { name: audit!.summary, exact: true })).toBeVisible();
  await expect(agenda.getByRole("link", { name: eventName(incident.summary) }).first()).toBeVisible();
  await expect(agenda.getByRole("link", { name: eventName(training.summary) }).first()).toBeVisible();
  await expect(agenda.getByText(t("calendar.types.audit"), { exact: true })).toHaveCount(0);

  // The fiscal-year view and back, from the keyboard.
  const viewGroup = page.getByRole("group", { name: t("calendar.view.label") });
  await pressByKeyboard(page, viewGroup.getByRole("button", { name: t("calendar.view.year"), exact: true }));
  await expect(page).toHaveURL(/view=year/);
  await expect(viewGroup.getByRole("button", { name: t("calendar.view.year"), exact: true })).toHaveAttribute("aria-pressed", "true");
  await waitForData(page);
  await expect(page.getByText(t("calendar.thisMonth"), { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: audit!.summary, exact: true }).first()).toBeVisible();
  await pressByKeyboard(page, viewGroup.getByRole("button", { name: t("calendar.view.month"), exact: true }));
  await expect(page).toHaveURL(new RegExp(`view=month&month=${month}`));
  await waitForData(page);

  // Turn the incident type off (the URL lists the others) and on again (the URL lists none: all).
  const filters = page.getByRole("group", { name: t("calendar.filters.label") });
  const incidentToggle = filters.getByRole("button", { name: t("calendar.types.incident") });
  await expect(incidentToggle).toHaveAttribute("aria-pressed", "true");
  await pressByKeyboard(page, incidentToggle);
  await expect(page).toHaveURL(/types=audit%2Cfinding%2Creview_action%2Cpmark%2Ctraining%2Cregulation%2Ccontractor|types=audit,finding,review_action,pmark,training,regulation,contractor/);
  await expect(incidentToggle).toHaveAttribute("aria-pressed", "false");
  await waitForData(page);
  // Every incident event of the month shown (to its last day), none left in the agenda.
  const [y, m] = month.split("-").map(Number);
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const wholeMonth = await page.request.get(`/api/v1/calendar/events?from=${month}-01&to=${lastDay}&type=incident`, { timeout: 60_000 });
  expect(wholeMonth.ok()).toBe(true);
  const incidentNames = eventName(((await wholeMonth.json()) as { items: ApiEvent[] }).items.map((e) => e.summary));
  await expect(agenda.getByRole("link", { name: incidentNames })).toHaveCount(0);
  await expect(agenda.getByRole("link", { name: audit!.summary, exact: true })).toBeVisible();
  await pressByKeyboard(page, incidentToggle);
  await expect(page).not.toHaveURL(/types=/);
  await expect(incidentToggle).toHaveAttribute("aria-pressed", "true");
  await waitForData(page);
  await expect(agenda.getByRole("link", { name: eventName(incident.summary) }).first()).toBeVisible();

  // No serious accessibility problem on the page.
  expect(await seriousViolations(page)).toEqual([]);

  // The subscription: create the secret URL, copy it.
  const panel = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: t("calendar.subscribe.title") }) });
  await expect(panel.getByText(t("calendar.subscribe.inactive"))).toBeVisible();
  await pressByKeyboard(page, panel.getByRole("button", { name: t("calendar.subscribe.create") }));
  const urlField = panel.getByLabel(t("calendar.subscribe.urlLabel"));
  await expect(urlField).toHaveValue(/\/api\/v1\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
  // The focus lands on the new URL (the create button is disabled while it works).
  await expect(urlField).toBeFocused();
  const url = await urlField.inputValue();
  await pressByKeyboard(page, panel.getByRole("button", { name: t("calendar.subscribe.copy") }));
  await expect(panel.getByText(t("calendar.subscribe.copied"))).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  // A calendar client fetches it without a session; a real parser reads it back.
  const ics = await request.get(url, { headers: { cookie: "" } });
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const cal = new ICAL.Component(ICAL.parse(await ics.text()));
  const vevents = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  expect(vevents.length).toBeGreaterThan(3);
  const auditEvent = vevents.find((e) => e.summary === audit!.summary);
  expect(auditEvent, "the audit in the feed").toBeTruthy();
  expect(auditEvent!.startDate.isDate).toBe(true);
  expect(auditEvent!.startDate.toString()).toBe(audit!.start);
  expect(auditEvent!.uid).toMatch(/^audit-\d+@pms-dashboard$/);
  expect(vevents.some((e) => e.summary === incident.summary)).toBe(true);
  // Incident corrective actions not done are in the feed too (demo: the access-rights stocktake).
  const action = vevents.find((e) => e.uid.startsWith("incident-action-"));
  expect(action, "an incident corrective action in the feed").toBeTruthy();
  expect(action!.summary).toMatch(/^INC-\d{4}-\d{3} 是正処置期限：/);

  // Revoke: the URL stops working at once.
  await pressByKeyboard(page, panel.getByRole("button", { name: t("calendar.subscribe.revoke") }));
  const confirm = page.getByRole("dialog", { name: t("calendar.subscribe.revokeTitle") });
  await confirm.getByRole("button", { name: t("calendar.subscribe.revoke") }).click();
  await expect(confirm).toBeHidden();
  await expect(panel.getByText(t("calendar.subscribe.inactive"))).toBeVisible();
  const gone = await request.get(url, { headers: { cookie: "" } });
  expect(gone.status()).toBe(404);
});

/** An event link's whole name: one of the summaries, then " (期限超過)" when it is overdue. */
function eventName(summaries: string | string[]): RegExp {
  const any = [summaries].flat().map(escape).join("|");
  return new RegExp(`^(?:${any})(?: \\(${escape(t("calendar.states.overdue"))}\\))?$`);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
