import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { addDays, todayInTokyo, minDate } from "@/lib/dates";
import { INTERNAL_AUDIT_TYPES } from "@/lib/audits/rules";
import { listFindingsQuery } from "@/lib/audits/schema";
import { listItemsQuery } from "@/lib/register/schema";
import {
  judgeFiscalYear,
  readinessCounts,
  readinessYears,
  trainingFactsOf,
  yearScope,
  type FiscalYearFacts,
  type TrainingTypeTally,
} from "@/lib/renewal/readiness";
import type { ReadinessDto } from "@/lib/renewal/readiness-schema";
import type { EmploymentType } from "@/lib/training/employees-schema";
import type { TrainingStatus } from "@/lib/training/status";
import { countFindings } from "./audits";
import { query, num, textArray, type Db } from "./dashboard/sql";
import { pmarkReportLate } from "./incidents";
import { getCurrentCertificate } from "./pmark";
import { listItems } from "./register";
import { getFiscalYearStartMonth } from "./settings";
import { judgedPairs, type PairSource } from "./training-status";

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

/**
 * The first instant of the Tokyo day after `day`, once per statement: `tokyoDay(col) <= day` is
 * `col < tokyoDayAfter(day)` and `tokyoDay(col) > day` is `col >= tokyoDayAfter(day)`, with no time
 * zone conversion per row, and an index on the column can serve it.
 */
const tokyoDayAfter = (day: string) => sql`((${day}::date + 1)::timestamp at time zone 'Asia/Tokyo')`;

/**
 * Each employment type's training on `asOf` (lib/renewal/readiness.ts TrainingTypeTally), counted now:
 * the pairs as the status list judges them (judgedPairs from `source`: pairSourceFor(asOf, today)) per
 * type and status with the workers some course is required of, and the type's workers (active, not
 * exempt). A past day is judged from the records (about a second at 10×), hence the stored days below.
 * Run it with JIT off (a transaction's `set local jit = off`): the aggregate is costed high enough to
 * trigger it, and compiling takes longer than running it.
 */
export async function countTrainingTypes(db: Db, asOf: string, source: PairSource): Promise<TrainingTypeTally[]> {
  const day = sql`${asOf}::date`;
  // One pass over the judged pairs: per type and status the pairs, and per type the workers (not exempt) some course is required of.
  const pairs = await query<{ employment_type: string; status: TrainingStatus | null; n: number | string; covered: number | string }>(
    db,
    sql`select j.employment_type, j.status, count(*)::int as n,
               count(distinct j.employee_id) filter (where j.status <> 'exempt')::int as covered
        from (${judgedPairs({}, asOf, source)}) j
        group by grouping sets ((j.employment_type, j.status), (j.employment_type))`,
  );
  const workers = await query<{ employment_type: string; n: number | string }>(
    db,
    sql`select e.employment_type::text as employment_type, count(*)::int as n from employees e
        where e.hire_date <= ${day} and (e.leave_date is null or e.leave_date >= ${day})
          and (e.retired_at is null or ${tokyoDay("e.retired_at")} > ${day})
          and not training_exempt(e.exemption_reason)
        group by e.employment_type`,
  );
  const types = new Set([...pairs.map((p) => p.employment_type), ...workers.map((w) => w.employment_type)]);
  const pairsOf = (type: string, st: TrainingStatus) => num(pairs.find((p) => p.employment_type === type && p.status === st)?.n);
  return [...types].sort().map((type) => ({
    type: type as EmploymentType,
    workers: num(workers.find((w) => w.employment_type === type)?.n),
    covered: num(pairs.find((p) => p.employment_type === type && p.status === null)?.covered),
    compliant: pairsOf(type, "compliant"),
    dueSoon: pairsOf(type, "due_soon"),
    overdue: pairsOf(type, "overdue"),
    exempt: pairsOf(type, "exempt"),
  }));
}

type StoredTypeRow = { as_of: string; employment_type: string | null; workers: number; covered: number; compliant: number; due_soon: number; overdue: number; exempt: number };

/** The stored tallies of these days (training_readiness_counts); a day without a training_readiness_days row is absent. */
async function storedTrainingTypes(db: Db, days: readonly string[]): Promise<Map<string, TrainingTypeTally[]>> {
  const rows = await query<StoredTypeRow>(
    db,
    sql`select to_char(d.as_of, 'YYYY-MM-DD') as as_of, c.employment_type, c.workers, c.covered, c.compliant, c.due_soon, c.overdue, c.exempt
        from training_readiness_days d left join training_readiness_counts c on c.as_of = d.as_of
        where d.as_of = any(${textArray(days)}::date[])
        order by d.as_of, c.employment_type`,
  );
  const out = new Map<string, TrainingTypeTally[]>();
  for (const r of rows) {
    const list = out.get(r.as_of) ?? [];
    if (r.employment_type !== null) {
      list.push({
        type: r.employment_type as EmploymentType,
        workers: num(r.workers),
        covered: num(r.covered),
        compliant: num(r.compliant),
        dueSoon: num(r.due_soon),
        overdue: num(r.overdue),
        exempt: num(r.exempt),
      });
    }
    out.set(r.as_of, list);
  }
  return out;
}

/**
 * countTrainingTypes of each day, read from training_readiness_counts (docs/architecture.md, "Readiness
 * days"). A day not stored yet — never asked for, or forgotten by a write that can change it: the
 * month-end triggers of migration 0016 call training_month_ends_forget, which since migration 0027 also
 * deletes the readiness days from the earliest day the write can change — is counted and stored under
 * the training lock those triggers take: a write that commits while the day is being counted waits, and
 * forgets it again once stored, so a stored day always equals a recount. Days before the newest one
 * asked for that are not month ends (a past fiscal year ends on one) are no longer asked for: dropped.
 */
export async function trainingTypeTallies(days: readonly string[], today: string): Promise<Map<string, TrainingTypeTally[]>> {
  const db = await getDb();
  const wanted = [...new Set(days)];
  const stored = await storedTrainingTypes(db, wanted);
  if (wanted.every((d) => stored.has(d))) return stored;
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await tx.execute(sql`select training_current_status_lock()`);
    // Read again after the lock: another request may have stored them meanwhile.
    const now = await storedTrainingTypes(t, wanted);
    const missing = wanted.filter((d) => !now.has(d));
    if (missing.length === 0) return now;
    await tx.execute(sql`set local jit = off`);
    const later = wanted.reduce((a, b) => (b > a ? b : a));
    await tx.execute(sql`delete from training_readiness_days where as_of < ${later}::date and extract(day from as_of + 1) <> 1`);
    for (const day of missing) {
      // pairSourceFor's rule, read in this transaction: a day before today, or a record dated after it, is judged from the records.
      const [r] = day < today ? [{ later: true }] : await query<{ later: boolean }>(t, sql`select exists(select 1 from training_records where completed_on > ${day}::date and passed and retired_at is null) as later`);
      const tallies = await countTrainingTypes(t, day, r?.later ? "records" : "current");
      await tx.execute(sql`insert into training_readiness_days (as_of) values (${day}::date)`);
      if (tallies.length) {
        await tx.execute(
          sql`insert into training_readiness_counts (as_of, employment_type, workers, covered, compliant, due_soon, overdue, exempt)
              select ${day}::date, x.type, x.workers, x.covered, x.compliant, x."dueSoon", x.overdue, x.exempt
              from json_to_recordset(${JSON.stringify(tallies)}::json) as x(type text, workers int, covered int, compliant int, "dueSoon" int, overdue int, exempt int)`,
        );
      }
      now.set(day, tallies);
    }
    return now;
  });
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
  // Reviews count within the year, up to the as-of day (the current year: up to today).
  const to = minDate(s.end, s.asOf)!;
  const [[inUse], wholeReviews, [riskReviews], [riskChanges], overdueToday] = await Promise.all([
    query<{ items: number | string; reviewed: number | string }>(
      db,
      sql`select count(*)::int as items,
                 count(*) filter (where exists (select 1 from register_reviews r where r.item_id = i.id
                                                 and r.reviewed_on between ${s.start}::date and ${to}::date))::int as reviewed
          from register_items i
          where i.created_at < ${tokyoDayAfter(s.asOf)} and (i.retired_at is null or i.retired_at >= ${tokyoDayAfter(s.asOf)})`,
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
      sql`select count(*)::int as n from register_risk_versions where changed_at >= ${tokyoDayAfter(addDays(s.start, -1))} and changed_at < ${tokyoDayAfter(to)}`,
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
  const [total, unverified] = await Promise.all([
    countFindings(listFindingsQuery.parse({ fy: s.fiscalYear, grade: "major_nc" }), today),
    countFindings(listFindingsQuery.parse({ fy: s.fiscalYear, grade: "major_nc", status: "unverified" }), today),
  ]);
  return { total, unverified };
}

async function incidentFacts(db: Db, s: Scope, today: string): Promise<FiscalYearFacts["incidents"]> {
  // The incident list's own P-mark lateness (pmarkReportLate, its pmarkLate filter); reported to the body = both P-mark reports made.
  const [r] = await query<{ total: number | string; reported: number | string; late: { id: number; reference: string; title: string }[] | string }>(
    db,
    sql`select count(*)::int as total,
               count(*) filter (where pmark_preliminary_reported_on is not null and pmark_final_reported_on is not null)::int as reported,
               coalesce(json_agg(json_build_object('id', id, 'reference', reference, 'title', title) order by discovered_at, id)
                          filter (where ${pmarkReportLate(today)}), '[]'::json) as late
        from incidents
        where retired_at is null and discovered_at >= ${tokyoDayAfter(addDays(s.start, -1))} and discovered_at < ${tokyoDayAfter(s.end)}`,
  );
  const late = (typeof r.late === "string" ? JSON.parse(r.late) : r.late) as { id: number; reference: string; title: string }[];
  return { total: num(r.total), reportedToBody: num(r.reported), late: late.map((x) => ({ id: num(x.id), reference: x.reference, title: x.title })) };
}

/** The facts of one fiscal year; its training from the tallies per employment type on its as-of day (trainingTypeTallies). */
export async function fiscalYearFacts(fiscalYear: number, today: string, startMonth: number, trainingTypes?: readonly TrainingTypeTally[]): Promise<FiscalYearFacts> {
  const db = await getDb();
  const scope = { fiscalYear, ...yearScope(fiscalYear, today, startMonth) };
  const tallies = trainingTypes ? Promise.resolve(trainingTypes) : trainingTypeTallies([scope.asOf], today).then((m) => m.get(scope.asOf) ?? []);
  const [types, departments, audits, register, majorNonconformities, incidents] = await Promise.all([
    tallies,
    departmentFacts(db, scope),
    auditFacts(db, scope),
    registerFacts(db, scope, today),
    findingFacts(scope, today),
    incidentFacts(db, scope, today),
  ]);
  return { ...scope, training: trainingFactsOf(types), departments, ...audits, register, majorNonconformities, incidents };
}

/** The readiness of the last two complete fiscal years and the current one, with the current certificate. */
export async function getRenewalReadiness(today: string = todayInTokyo()): Promise<ReadinessDto> {
  const startMonth = await getFiscalYearStartMonth();
  const fys = readinessYears(today, startMonth);
  const asOfs = fys.map((fy) => yearScope(fy, today, startMonth).asOf);
  const [cert, tallies] = await Promise.all([getCurrentCertificate(today), trainingTypeTallies(asOfs, today)]);
  const facts = await Promise.all(fys.map((fy, i) => fiscalYearFacts(fy, today, startMonth, tallies.get(asOfs[i]) ?? [])));
  const years = facts.map(judgeFiscalYear);
  return { today, certificate: cert.current, years, counts: readinessCounts(years) };
}
