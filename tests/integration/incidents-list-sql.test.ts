import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { incidentStats, listDueNow, listIncidents, listIncidentsForExport } from "@/db/queries/incidents";
import { daysBetween } from "@/lib/dates";
import { fiscalYearMonths, fiscalYearOf } from "@/lib/fiscal-year";
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from "@/lib/incidents/schema";
import { tokyoDateOf } from "@/lib/incidents/reporting";
import { rowsOf } from "../support/openapi-ops";
import { todayInTokyo } from "@/lib/dates";
import { listIncidentsQuery } from "@/lib/incidents/schema";
import { seedDemoData } from "../support/demo-data";

/**
 * The incidents list filters on reportable / overdue and sorts by the next deadline in SQL, on the
 * generated columns of migration 0013; /api/v1/incidents/due reads only the incidents with a report
 * still to make. Here the pure rule (lib/incidents/reporting.ts, as every DTO carries it: reportable,
 * overdue, nextDue, obligations) is applied to every incident and must select and order the same.
 */
const today = todayInTokyo();
const exportQuery = listIncidentsQuery.omit({ page: true, pageSize: true });

beforeAll(async () => {
  await seedDemoData(today);
  const db = await getDb();
  // Open incidents with nothing reported, discovered over the last 70 days: late, due soon, pending;
  // reportable (persons, sensitive, wrongful purpose) or not, some encrypted; a few with some reports made.
  await db.execute(sql`
    insert into incidents (reference, fiscal_year, seq, title, category, discovered_at, reporter_name, description,
                           persons_affected, sensitive_data, financial_loss, wrongful_purpose, encrypted, severity, status,
                           pmark_preliminary_reported_on, ppc_preliminary_reported_on)
    select 'TEST-' || g, 9000, g, 'test incident ' || g, 'other', now() - make_interval(days => g % 70, hours => g % 24), 'test', 'test',
           (g % 7) * 300, g % 4 = 0, g % 11 = 0, g % 13 = 0, g % 8 = 0,
           (array['low', 'medium', 'high', 'critical'])[1 + g % 4]::incident_severity,
           (array['reported', 'investigating', 'contained', 'resolved'])[1 + g % 4]::incident_status,
           case when g % 6 = 0 then (now() at time zone 'Asia/Tokyo')::date - (g % 70) + 2 end,
           case when g % 9 = 0 then (now() at time zone 'Asia/Tokyo')::date - (g % 70) + 1 end
    from generate_series(1, 150) g`);
  await db.execute(sql`update incidents set pmark_preliminary_reported_on = least(pmark_preliminary_reported_on, ${today}::date) where reference like 'TEST-%'`);
  await db.execute(sql`update incidents set ppc_preliminary_reported_on = least(ppc_preliminary_reported_on, ${today}::date) where reference like 'TEST-%'`);
});

async function pages(query: Record<string, string>) {
  const ids: number[] = [];
  let total = -1;
  for (let page = 1; page < 100; page++) {
    const res = await listIncidents(listIncidentsQuery.parse({ ...query, page: String(page), pageSize: "25" }), today);
    if (total === -1) total = res.total;
    ids.push(...res.items.map((i) => i.id));
    if (res.items.length < 25) break;
  }
  return { ids, total };
}

describe("incidents: the derived filters and the deadline sort in SQL equal the pure rule", () => {
  it("reportable, overdue, both, with the status filter, sorted by deadline both ways", async () => {
    const every = await listIncidentsForExport(exportQuery.parse({}), today);
    expect(every.length).toBeGreaterThan(150);
    expect(every.filter((i) => i.overdue).length).toBeGreaterThan(5);
    expect(every.filter((i) => i.reportable && !i.overdue && i.nextDue).length).toBeGreaterThan(0);
    const combos: Record<string, string>[] = [];
    for (const reportable of [undefined, "true", "false"])
      for (const overdue of [undefined, "true", "false"])
        for (const status of [undefined, "open"]) combos.push({ ...(reportable ? { reportable } : {}), ...(overdue ? { overdue } : {}), ...(status ? { status } : {}) });
    for (const c of combos) {
      for (const [sort, dir] of [["nextDue", "asc"], ["nextDue", "desc"], ["discoveredAt", "desc"], ["severity", "asc"]]) {
        const query = { ...c, sort, dir };
        let expected = every.filter(
          (i) =>
            (!c.reportable || i.reportable === (c.reportable === "true")) &&
            (!c.overdue || i.overdue === (c.overdue === "true")) &&
            (!c.status || i.status !== "closed"),
        );
        if (sort === "nextDue") {
          const d = dir === "asc" ? 1 : -1;
          const due = (i: (typeof every)[number]) => i.nextDue ?? "9999-12-31";
          expected = [...expected].sort((a, b) => d * (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0) || d * (a.id - b.id));
        } else {
          // A column sort: the SQL order of the same rows is the one to compare (the rule decides membership).
          const all = await listIncidentsForExport(exportQuery.parse({ sort, dir, ...(c.status ? { status: c.status } : {}) }), today);
          const keep = new Set(expected.map((i) => i.id));
          expected = all.filter((i) => keep.has(i.id));
        }
        const got = await pages(query);
        expect(got.total, JSON.stringify(query)).toBe(expected.length);
        expect(got.ids, JSON.stringify(query)).toEqual(expected.map((i) => i.id));
      }
    }
  });

  it("the due list holds every report not yet made of every incident, by deadline", async () => {
    const every = await listIncidentsForExport(exportQuery.parse({}), today);
    type Item = { incidentId: number; reference: string; key: string; dueOn: string; state: string; daysLeft: number | null };
    const total = (a: Item, b: Item) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : a.key < b.key ? -1 : 1);
    const expected: Item[] = every
      .flatMap((i) => i.obligations.filter((o) => o.doneOn === null).map((o) => ({ incidentId: i.id, reference: i.reference, key: o.key, dueOn: o.dueOn, state: o.state, daysLeft: o.daysLeft })))
      .sort(total);
    expect(expected.length).toBeGreaterThan(100);
    const due = await listDueNow(10_000, today);
    expect(due.total).toBe(expected.length);
    const got: Item[] = due.items.map((i) => ({ incidentId: i.incidentId, reference: i.reference, key: i.key, dueOn: i.dueOn, state: i.state, daysLeft: i.daysLeft }));
    // In deadline order, then reference (the order of one incident's reports due the same day is not specified).
    for (let k = 1; k < got.length; k++) expect(`${got[k - 1].dueOn} ${got[k - 1].reference}` <= `${got[k].dueOn} ${got[k].reference}`).toBe(true);
    expect([...got].sort(total)).toEqual(expected);
    for (const limit of [1, 10, 25, 60]) {
      const first = await listDueNow(limit, today);
      expect(first.total, `limit ${limit}`).toBe(expected.length);
      expect(first.items.map((i) => `${i.dueOn} ${i.reference}`), `limit ${limit}`).toEqual(expected.slice(0, limit).map((i) => `${i.dueOn} ${i.reference}`));
    }
  });

  it("the stats (per month and category, open per severity, days to containment) equal a count over every incident", async () => {
    const db = await getDb();
    await db.execute(sql`insert into incident_transitions (incident_id, from_status, to_status, actor_name, at)
      select id, 'investigating', 'contained', 'test', discovered_at + make_interval(days => seq % 9, hours => 20) from incidents where reference like 'TEST-%' and seq % 3 = 0`);
    const every = await listIncidentsForExport(exportQuery.parse({}), today);
    const firstContained = new Map(
      rowsOf<{ id: number; at: string }>(await db.execute(sql`select incident_id as id, min(at)::text as at from incident_transitions where to_status = 'contained' group by 1`)).map((r) => [Number(r.id), new Date(r.at)]),
    );
    for (const fy of [fiscalYearOf(today, 4), fiscalYearOf(today, 4) - 1]) {
      const months = fiscalYearMonths(fy, 4).map((m) => ({ month: m.slice(0, 7), counts: Object.fromEntries(INCIDENT_CATEGORIES.map((c) => [c, 0])) as Record<string, number>, total: 0 }));
      for (const i of every) {
        const m = months.find((x) => x.month === i.discoveryDate.slice(0, 7));
        if (m) {
          m.counts[i.category] += 1;
          m.total += 1;
        }
      }
      const inYear = every.filter((i) => months.some((m) => m.month === i.discoveryDate.slice(0, 7)));
      const containmentDays = inYear
        .filter((i) => firstContained.has(i.id))
        .map((i) => ({ id: i.id, reference: i.reference, days: Math.max(0, daysBetween(i.discoveryDate, tokyoDateOf(firstContained.get(i.id)!))) }))
        .sort((a, b) => (a.reference < b.reference ? -1 : 1));
      const stats = await incidentStats(fy, today);
      expect(stats.months, `FY ${fy}`).toEqual(months);
      expect(stats.openBySeverity).toEqual(INCIDENT_SEVERITIES.map((sev) => ({ severity: sev, count: every.filter((i) => i.severity === sev && i.status !== "closed").length })));
      expect(stats.containmentDays, `FY ${fy}`).toEqual(containmentDays);
      expect(stats.averageContainmentDays).toBe(containmentDays.length ? Math.round((containmentDays.reduce((s, c) => s + c.days, 0) / containmentDays.length) * 10) / 10 : null);
    }
    expect(every.some((i) => firstContained.has(i.id) && i.reference.startsWith("TEST-"))).toBe(true);
  });
});
