import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { todayInTokyo, minDate } from "@/lib/dates";
import { INTERNAL_AUDIT_TYPES } from "@/lib/audits/rules";
import { incidentFactsColumns, obligationsOf, type IncidentFactsRow } from "./dashboard/incidents";
import { listFindingsQuery } from "@/lib/audits/schema";
import { listItemsQuery } from "@/lib/register/schema";
import {
  judgeFiscalYear,
  readinessCounts,
  readinessYears,
  yearScope,
  type FiscalYearFacts,
  type TrainingByType,
} from "@/lib/renewal/readiness";
import type { ReadinessDto } from "@/lib/renewal/readiness-schema";
import { EMPLOYMENT_TYPES, type EmploymentType } from "@/lib/training/employees-schema";
import type { TrainingStatus } from "@/lib/training/status";
import { listFindings } from "./audits";
import { query, queryNoJit, num, type Db } from "./dashboard/sql";
import { getCurrentCertificate } from "./pmark";
import { listItems } from "./register";
import { getFiscalYearStartMonth } from "./settings";
import { judgedPairs, pairSourceFor } from "./training-status";

/**
 * Renewal readiness (docs/domain.md, "Renewal readiness"): the facts of each checked fiscal year, read
 * from the modules' own tables with their own rules — the training status of every pair as the status
 * list takes it (judgedPairs, as of the year's as-of day), the audits, reviews and findings of the year,
 * the register's reviews and risk writes within the year, the incidents discovered in it — then judged by
 * lib/renewal/readiness.ts. The figures a missing item links to are the lists' own counts, which
 * tests/integration/renewal-readiness.test.ts checks.
 */

type Scope = { fiscalYear: number; start: string; end: string; asOf: string; current: boolean };

/** Tokyo day of a timestamp column, in SQL. */
const tokyoDay = (col: string) => sql.raw(`(${col} at time zone 'Asia/Tokyo')::date`);

async function trainingFacts(db: Db, s: Scope, today: string): Promise<FiscalYearFacts["training"]> {
  const source = await pairSourceFor(s.asOf, today);
  const day = sql`${s.asOf}::date`;
  const [pairs, workers] = await Promise.all([
    // One pass over the judged pairs: per type and status the pairs, and per type the workers (not exempt) some course is required of.
    queryNoJit<{ employment_type: string; status: TrainingStatus | null; n: number | string; covered: number | string }>(
      db,
      sql`select j.employment_type, j.status, count(*)::int as n,
                 count(distinct j.employee_id) filter (where j.status <> 'exempt')::int as covered
          from (${judgedPairs({}, s.asOf, source)}) j
          group by grouping sets ((j.employment_type, j.status), (j.employment_type))`,
    ),
    query<{ employment_type: string; n: number | string }>(
      db,
      sql`select e.employment_type::text as employment_type, count(*)::int as n from employees e
          where e.hire_date <= ${day} and (e.leave_date is null or e.leave_date >= ${day})
            and (e.retired_at is null or ${tokyoDay("e.retired_at")} > ${day})
            and not training_exempt(e.exemption_reason)
          group by e.employment_type`,
    ),
  ]);
  const byStatus = pairs.filter((p) => p.status !== null);
  const count = (st: TrainingStatus) => byStatus.filter((p) => p.status === st).reduce((n, p) => n + num(p.n), 0);
  const byType: TrainingByType[] = EMPLOYMENT_TYPES.map((type: EmploymentType) => ({
    type,
    workers: num(workers.find((w) => w.employment_type === type)?.n),
    covered: num(pairs.find((p) => p.status === null && p.employment_type === type)?.covered),
    overdue: byStatus.filter((p) => p.employment_type === type && p.status === "overdue").reduce((n, p) => n + num(p.n), 0),
  })).filter((b) => b.workers > 0);
  const compliant = count("compliant");
  const dueSoon = count("due_soon");
  const overdue = count("overdue");
  return { required: compliant + dueSoon + overdue, compliant, dueSoon, overdue, exempt: count("exempt"), byType };
}

async function departmentFacts(db: Db, s: Scope): Promise<FiscalYearFacts["departments"]> {
  const day = sql`${s.asOf}::date`;
  const rows = await query<{ id: number; name: string }>(
    db,
    sql`select d.id, d.name from departments d
        where exists (select 1 from employees e where e.department_id = d.id and e.hire_date <= ${day}
                        and (e.leave_date is null or e.leave_date >= ${day})
                        and (e.retired_at is null or ${tokyoDay("e.retired_at")} > ${day}))
        order by d.code, d.id`,
  );
  return rows.map((r) => ({ id: num(r.id), name: r.name }));
}

async function auditFacts(db: Db, s: Scope) {
  const [audits, reviews] = await Promise.all([
    query<{ id: number; title: string; status: FiscalYearFacts["internalAudits"][number]["status"]; reported_on: string | null; planned_start: string; scope: number[] | string }>(
      db,
      sql`select id, title, status::text as status, to_char(reported_on, 'YYYY-MM-DD') as reported_on,
                 to_char(planned_start, 'YYYY-MM-DD') as planned_start, scope_department_ids as scope
          from audits where fiscal_year = ${s.fiscalYear} and retired_at is null
            and type::text in (${sql.join(INTERNAL_AUDIT_TYPES.map((t) => sql`${t}`), sql`, `)})
          order by planned_start, id`,
    ),
    query<{ id: number; title: string; held_on: string }>(
      db,
      sql`select id, title, to_char(held_on, 'YYYY-MM-DD') as held_on from management_reviews
          where fiscal_year = ${s.fiscalYear} and retired_at is null order by held_on, id`,
    ),
  ]);
  return {
    internalAudits: audits.map((a) => ({
      id: num(a.id),
      title: a.title,
      status: a.status,
      reportedOn: a.reported_on,
      plannedStart: a.planned_start,
      scopeDepartmentIds: parseIntArray(a.scope),
    })),
    managementReviews: reviews.map((r) => ({ id: num(r.id), title: r.title, heldOn: r.held_on })),
  };
}

/** An integer[] column: an array on postgres.js and PGlite, or its text form "{1,2}". */
function parseIntArray(v: number[] | string | null): number[] {
  if (!v) return [];
  if (Array.isArray(v)) return v.map(Number);
  return v.replace(/[{}]/g, "").split(",").filter(Boolean).map(Number);
}

async function registerFacts(db: Db, s: Scope, today: string): Promise<FiscalYearFacts["register"]> {
  const day = sql`${s.asOf}::date`;
  // Reviews count within the year, up to the as-of day (the current year: up to today).
  const to = minDate(s.end, s.asOf)!;
  const [[inUse], wholeReviews, [riskReviews], [riskChanges], overdueToday] = await Promise.all([
    query<{ items: number | string; reviewed: number | string }>(
      db,
      sql`select count(*)::int as items,
                 count(*) filter (where exists (select 1 from register_reviews r where r.item_id = i.id
                                                 and r.reviewed_on between ${s.start}::date and ${to}::date))::int as reviewed
          from register_items i
          where ${tokyoDay("i.created_at")} <= ${day} and (i.retired_at is null or ${tokyoDay("i.retired_at")} > ${day})`,
    ),
    query<{ id: number; reviewed_on: string }>(
      db,
      sql`select id, to_char(reviewed_on, 'YYYY-MM-DD') as reviewed_on from register_reviews
          where item_id is null and reviewed_on between ${s.start}::date and ${to}::date order by reviewed_on desc, id desc`,
    ),
    query<{ n: number | string }>(
      db,
      sql`select count(*)::int as n from register_reviews where risks_reviewed > 0 and reviewed_on between ${s.start}::date and ${to}::date`,
    ),
    query<{ n: number | string }>(
      db,
      sql`select count(*)::int as n from register_risk_versions where ${tokyoDay("changed_at")} between ${s.start}::date and ${to}::date`,
    ),
    s.current ? listItems(listItemsQuery.parse({ overdue: "true", pageSize: 1 }), today).then((p) => p.total) : Promise.resolve(0),
  ]);
  const items = num(inUse?.items);
  return {
    itemsInUse: items,
    itemsReviewed: wholeReviews.length ? items : num(inUse?.reviewed),
    registerReviews: wholeReviews.map((r) => ({ id: num(r.id), reviewedOn: r.reviewed_on })),
    riskReviews: num(riskReviews?.n),
    riskChanges: num(riskChanges?.n),
    overdueToday,
  };
}

async function findingFacts(s: Scope, today: string): Promise<FiscalYearFacts["majorNonconformities"]> {
  // The findings list's own counts (the link opens the same filter).
  const [all, unverified] = await Promise.all([
    listFindings(listFindingsQuery.parse({ fy: s.fiscalYear, grade: "major_nc", pageSize: 1 }), today),
    listFindings(listFindingsQuery.parse({ fy: s.fiscalYear, grade: "major_nc", status: "unverified", pageSize: 1 }), today),
  ]);
  return { total: all.total, unverified: unverified.total };
}

async function incidentFacts(db: Db, s: Scope, today: string): Promise<FiscalYearFacts["incidents"]> {
  const rows = await query<IncidentFactsRow>(
    db,
    sql`select ${incidentFactsColumns}
        from incidents
        where retired_at is null and ${tokyoDay("discovered_at")} between ${s.start}::date and ${s.end}::date
        order by discovered_at, id`,
  );
  const late: FiscalYearFacts["incidents"]["late"] = [];
  let reported = 0;
  for (const r of rows) {
    const pmark = obligationsOf(r, today).filter((o) => o.key === "pmarkPreliminary" || o.key === "pmarkFinal");
    if (pmark.some((o) => o.state === "late")) late.push({ id: num(r.id), reference: r.reference, title: r.title });
    if (pmark.every((o) => o.doneOn)) reported++;
  }
  return { total: rows.length, reportedToBody: reported, late };
}

/** The facts of one fiscal year. */
export async function fiscalYearFacts(fiscalYear: number, today: string, startMonth: number): Promise<FiscalYearFacts> {
  const db = await getDb();
  const scope = { fiscalYear, ...yearScope(fiscalYear, today, startMonth) };
  const [training, departments, audits, register, majorNonconformities, incidents] = await Promise.all([
    trainingFacts(db, scope, today),
    departmentFacts(db, scope),
    auditFacts(db, scope),
    registerFacts(db, scope, today),
    findingFacts(scope, today),
    incidentFacts(db, scope, today),
  ]);
  return { ...scope, training, departments, ...audits, register, majorNonconformities, incidents };
}

/** The readiness of the last two complete fiscal years and the current one, with the current certificate. */
export async function getRenewalReadiness(today: string = todayInTokyo()): Promise<ReadinessDto> {
  const startMonth = await getFiscalYearStartMonth();
  const [cert, ...facts] = await Promise.all([getCurrentCertificate(today), ...readinessYears(today, startMonth).map((fy) => fiscalYearFacts(fy, today, startMonth))]);
  const years = facts.map(judgeFiscalYear);
  return { today, certificate: cert.current, years, counts: readinessCounts(years) };
}
