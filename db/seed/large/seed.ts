import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { DEMO_PASSWORD, DEMO_USERS, tokyoToday } from "@/db/seed/demo";
import { hashPassword } from "@/lib/auth/password";
import { weightedTotal, resultFor } from "@/lib/contractors/scoring";
import { withCheckDigit } from "@/lib/contractors/corporate-number";
import type { TemplateCriterion, AssessmentScore } from "@/db/schema";
import { withSink, syncIdentity } from "./sink";
import { seedLargeRegister } from "./register";
import { seedLargeRequests } from "./requests";
import {
  CLAUSES,
  COMPANY_A,
  COMPANY_B,
  COMPANY_FORM,
  COURSES,
  DEPARTMENTS,
  FINDING_TEXT,
  INCIDENT_KINDS,
  REG_KINDS,
  REG_TOPICS,
  SERVICES,
  type DeptKind,
} from "./content";
import { FAMILY_NAMES, GIVEN_FEMALE, GIVEN_MALE } from "../names";
import { mulberry32 } from "../random";

const GIVEN = [...GIVEN_MALE, ...GIVEN_FEMALE];

/**
 * The large data set for benchmarks (issue 7, "Scale"): at factor 1, 20,000 employees in 60
 * departments, 8 courses and five fiscal years of training records (~1,000,000 rows), 300
 * regulations with reviews and versions, 5,000 incidents, 2,000 contractors with ~10,000
 * assessments, 500 audits with 5,000 findings, management reviews, P-mark certificates and PMS posts.
 * Deterministic for a given `today` and factor (seeded PRNG, no clock but `today`).
 *
 * Written in ONE transaction with COPY (postgres.js `.writable()` on Postgres, '/dev/blob' on
 * PGlite); ids are assigned here, the identity sequences are moved past them at the end. Refuses
 * (LargeSeedRefused) when the database already holds data. The audit trail gets ONE summary row
 * (entity "large_seed"), as the demo seed does: bulk-generated history is not a user's action.
 * The settings marker `demo_seeded` is claimed too, so `npm run db:seed` adds no demo company on top.
 */

export const BASE_COUNTS = {
  departments: 60,
  employees: 20_000,
  regulations: 300,
  incidents: 5_000,
  contractors: 2_000,
  assessments: 10_000,
  audits: 500,
  auditFindings: 5_000,
} as const;

const SEED = 150010;
/** Seats in a classroom session: a larger group that day is split over several rooms (sessions). */
const SESSION_SEATS = 200;
const FY_START_MONTH = 4;
const FYS = 5;

export class LargeSeedRefused extends Error {}

export type LargeSeedOptions = {
  today?: string;
  factor?: number;
  log?: (line: string) => void;
};

export type LargeSeedResult = { today: string; factor: number; counts: Record<string, number>; ms: Record<string, number>; totalMs: number };

export function scaledCount(base: number, factor: number, min = 1): number {
  return Math.max(min, Math.round(base * factor));
}

export async function seedLarge(db: Db, kind: "postgres" | "pglite", opts: LargeSeedOptions = {}): Promise<LargeSeedResult> {
  const today = opts.today ?? tokyoToday();
  const factor = opts.factor ?? 1;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || fromDay(toDay(today)) !== today) throw new Error(`seedLarge: today must be 'YYYY-MM-DD', got '${today}'`);
  if (!(factor > 0) || factor > 100) throw new Error(`seedLarge: factor must be > 0 and ≤ 100, got ${factor}`);
  const log = opts.log ?? (() => {});
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Accounts other than the demo four get a hash of a secret nobody knows: they exist (audit teams,
  // owners) but cannot sign in until an administrator resets their password.
  const lockedHash = await hashPassword(randomBytes(24).toString("hex"));
  const started = performance.now();

  const result = await withSink(db, kind, async (sink) => {
    const [{ busy }] = await sink.query<{ busy: boolean }>(
      `select exists(select 1 from users) or exists(select 1 from employees) or exists(select 1 from departments)
        or exists(select 1 from incidents) or exists(select 1 from contractors) or exists(select 1 from audits)
        or exists(select 1 from regulations) or exists(select 1 from settings) as busy`,
    );
    if (busy) throw new LargeSeedRefused("the database already holds data");

    const g = new SeedGenerator(today, factor, passwordHash, lockedHash);
    const counts: Record<string, number> = {};
    const ms: Record<string, number> = {};
    const load = async (table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>) => {
      const t0 = performance.now();
      const n = await sink.copy(table, columns, rows);
      const dt = performance.now() - t0;
      counts[table] = (counts[table] ?? 0) + n;
      ms[table] = (ms[table] ?? 0) + dt;
      log(`  ${table.padEnd(28)} ${String(n).padStart(9)} rows ${(dt / 1000).toFixed(1).padStart(7)} s`);
    };

    await load("departments", DEPT_COLS, g.departmentRows());
    await load("users", USER_COLS, g.userRows());
    await load("courses", COURSE_COLS, g.courseRows());
    await load("employees", EMP_COLS, g.employeeRows());
    // A million rows load faster into a table without its secondary indexes: drop them (in this
    // transaction) and build them again from their own definitions afterwards.
    const indexes = await sink.query<{ name: string; def: string }>(
      `select i.relname as name, pg_get_indexdef(i.oid) as def from pg_index x join pg_class i on i.oid = x.indexrelid
        where x.indrelid = 'training_records'::regclass and not x.indisprimary and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
    );
    for (const ix of indexes) await sink.query(`drop index "${ix.name}"`);
    // Classroom records point at their session (per course and day, up to SESSION_SEATS each, as the bulk entry writes
    // them), which is known only once the records are generated: the session foreign key is checked
    // once at the end instead of row by row (added back below, which validates every record).
    const [sessionFk] = await sink.query<{ name: string; def: string }>(
      `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'training_records'::regclass and contype = 'f'
        and confrelid = 'training_sessions'::regclass`,
    );
    if (sessionFk) await sink.query(`alter table training_records drop constraint "${sessionFk.name}"`);
    await load("training_records", REC_COLS, g.trainingRows());
    await load("training_sessions", SESSION_COLS, g.sessionRows());
    if (sessionFk) await sink.query(`alter table training_records add constraint "${sessionFk.name}" ${sessionFk.def}`);
    const ti = performance.now();
    if (kind === "postgres") await sink.query("set local maintenance_work_mem = '256MB'");
    for (const ix of indexes) await sink.query(ix.def);
    ms["training_records (indexes)"] = performance.now() - ti;
    log(`  ${"(training_records indexes)".padEnd(28)} ${String(indexes.length).padStart(9)}      ${(ms["training_records (indexes)"] / 1000).toFixed(1).padStart(7)} s`);

    const [tpl] = await sink.query<{ id: number; criteria: TemplateCriterion[] | string }>(
      `select id, criteria from assessment_templates where family = 'default' and superseded_at is null order by version desc limit 1`,
    );
    if (!tpl) throw new Error("seedLarge: the default assessment template (migration 0005) is missing");
    const v1Criteria = (typeof tpl.criteria === "string" ? JSON.parse(tpl.criteria) : tpl.criteria) as TemplateCriterion[];
    const tplPlan = g.templatePlan(tpl.id, v1Criteria);
    await sink.query(`update assessment_templates set superseded_at = '${tplPlan.v1SupersededAt}' where id = ${tpl.id}`);
    await load("assessment_templates", TPL_COLS, tplPlan.rows);
    await load("contractors", CONTRACTOR_COLS, g.contractorRows(tplPlan));
    await load("contractor_certifications", CERT_COLS, g.certRows);
    await load("assessments", ASSESS_COLS, g.assessmentRows);

    await load("regulations", REG_COLS, g.regulationRows());
    await load("regulation_reviews", REVIEW_COLS, g.reviewRows);
    await load("regulation_versions", VERSION_COLS, g.versionRows);
    await load("pms_posts", POST_COLS, g.postRows());
    await load("pms_appointments", APPT_COLS, g.appointmentRows);

    await load("incidents", INCIDENT_COLS, g.incidentRows());
    await load("incident_transitions", TRANSITION_COLS, g.transitionRows);
    await load("incident_corrective_actions", ACTION_COLS, g.actionRows);
    await load("incident_counters", ["fiscal_year", "last_seq"], g.counterRows);

    await load("audits", AUDIT_COLS, g.auditRows());
    await load("audit_team_members", TEAM_COLS, g.teamRows);
    await load("audit_findings", FINDING_COLS, g.findingRows);
    await load("management_reviews", MR_COLS, g.managementReviewRows());
    await load("management_review_actions", MRA_COLS, g.mrActionRows);
    await load("pmark_certificates", PMARK_COLS, g.pmarkRows());
    await seedLargeRegister(sink, load, { today, factor });
    await seedLargeRequests(sink, load, { today, factor });

    const t0 = performance.now();
    for (const table of IDENTITY_TABLES) await syncIdentity(sink, table);
    const summary = { ...counts, today, factor };
    await sink.query(
      `insert into settings (key, value) values ('demo_seeded', 'true'::jsonb), ('large_seeded', '${JSON.stringify({ today, factor, seed: SEED })}'::jsonb)`,
    );
    await sink.query(`insert into audit_log (action, entity, after) values ('create', 'large_seed', '${JSON.stringify(summary)}'::jsonb)`);
    counts.settings = 2;
    counts.audit_log = 1;
    ms.finish = performance.now() - t0;
    return { today, factor, counts, ms, totalMs: performance.now() - started };
  });
  // After the commit (VACUUM cannot run in a transaction): statistics for the planner, and the
  // visibility map set, so index-only scans over the fresh rows really skip the heap — as they
  // would once autovacuum has passed on a database that grew the ordinary way.
  const ta = performance.now();
  const client = (db as unknown as { $client: { unsafe?: (q: string) => Promise<unknown>; exec?: (q: string) => Promise<unknown> } }).$client;
  if (kind === "postgres") await client.unsafe!("vacuum (analyze)");
  else await client.exec!("vacuum (analyze)");
  result.ms.vacuum = performance.now() - ta;
  log(`  ${"(vacuum analyze)".padEnd(28)} ${"".padStart(9)}      ${(result.ms.vacuum / 1000).toFixed(1).padStart(7)} s`);
  result.totalMs = performance.now() - started;
  return result;
}

const IDENTITY_TABLES = [
  "departments", "users", "courses", "employees", "training_records", "training_sessions", "assessment_templates", "contractors", "contractor_certifications",
  "assessments", "regulations", "regulation_reviews", "regulation_versions", "pms_posts", "pms_appointments", "incidents",
  "incident_transitions", "incident_corrective_actions", "audits", "audit_team_members", "audit_findings", "management_reviews",
  "management_review_actions", "pmark_certificates",
];

// ---------------------------------------------------------------------------------------------
// Columns (COPY order)

const V = ["version", "created_at", "updated_at"] as const;
const DEPT_COLS = ["id", "code", "name", "retired_at", ...V];
const USER_COLS = ["id", "email", "name", "role", "password_hash", "active", "is_demo", "department_id", ...V];
const COURSE_COLS = ["id", "code", "title", "description", "audience_all", "audience_department_ids", "audience_employment_types", "recurrence_months", "new_hire_due_days", "pass_mark", "required_from", ...V];
const EMP_COLS = ["id", "employee_number", "name", "name_kana", "email", "department_id", "employment_type", "hire_date", "leave_date", "exemption_reason", ...V];
const REC_COLS = ["id", "employee_id", "course_id", "completed_on", "score", "passed", "method", "evidence", "note", "source", "session_id", "recorded_by", ...V];
const SESSION_COLS = ["id", "course_id", "held_on", "title", "method", "place", "instructor", "note", "created_by", ...V];
const TPL_COLS = ["id", "family", "name_ja", "name_en", "criteria", "max_score", "approved_min", "conditional_min", "created_by", ...V];
const CONTRACTOR_COLS = ["id", "name", "corporate_number", "services", "data_categories", "data_volume", "contract_start", "contract_end", "status", "contact_name", "contact_email", "contact_phone", "reassessment_months", "note", ...V];
const CERT_COLS = ["id", "contractor_id", "kind", "number", "expires_on", "created_at"];
const ASSESS_COLS = ["id", "contractor_id", "template_id", "type", "assessed_on", "assessor", "scores", "total_percent", "result", "conditions", "next_due_on", "evidence", "recorded_by", ...V];
const REG_COLS = ["id", "code", "title", "description", "owner_user_id", "owner_name", "current_version", "effective_date", "review_interval_months", "last_reviewed_on", "next_review_due", "status", "retired_at", ...V];
const REVIEW_COLS = ["id", "regulation_id", "reviewed_on", "reviewers", "trigger", "outcome", "summary", "proposed_version", "proposed_effective_date", "state", "recorded_by", "approved_by", "approved_on", "approved_at", ...V];
const VERSION_COLS = ["id", "regulation_id", "version_number", "effective_date", "summary", "review_id", "approved_by", "approved_by_name", "approved_on", "created_at"];
const POST_COLS = ["id", "code", "title", "department_id", "description", "sort_order", "exclusive_with", ...V];
const APPT_COLS = ["id", "post_id", "user_id", "employee_id", "from_date", "to_date", "note", ...V];
const INCIDENT_COLS = [
  "id", "reference", "fiscal_year", "seq", "title", "category", "occurred_at", "discovered_at", "reporter_id", "reporter_name", "department_id", "description",
  "data_involved", "persons_affected", "sensitive_data", "financial_loss", "wrongful_purpose", "encrypted", "severity", "status", "containment",
  "report_overview", "report_data_items", "report_persons", "report_cause", "report_recurrence_measures",
  "ppc_preliminary_reported_on", "ppc_final_reported_on", "pmark_preliminary_reported_on", "pmark_final_reported_on", "persons_notified_on",
  "closed_approved_by", "closed_approved_at", ...V,
];
const TRANSITION_COLS = ["id", "incident_id", "from_status", "to_status", "actor_id", "actor_name", "at", "note"];
const ACTION_COLS = ["id", "incident_id", "description", "owner", "due_on", "done_on", ...V];
const AUDIT_COLS = ["id", "fiscal_year", "type", "title", "scope_department_ids", "scope_clauses", "auditee", "planned_start", "planned_end", "actual_start", "actual_end", "lead_auditor_id", "status", "summary", "reported_on", "closed_on", "created_by", ...V];
const TEAM_COLS = ["id", "audit_id", "user_id", "created_at"];
const FINDING_COLS = ["id", "audit_id", "clause_ref", "grade", "department_id", "description", "corrective_action", "owner_user_id", "owner_name", "due_date", "status", "done_on", "verified_on", "verified_by", "verification_note", ...V];
const MR_COLS = ["id", "fiscal_year", "held_on", "title", "participants", "input_audit_results", "input_incidents", "input_training", "input_contractors", "input_law_changes", "decisions", "created_by", ...V];
const MRA_COLS = ["id", "review_id", "description", "owner_user_id", "owner_name", "due_date", "status", "done_on", ...V];
const PMARK_COLS = ["id", "certificate_number", "valid_from", "valid_to", "note", ...V];

// ---------------------------------------------------------------------------------------------

type Emp = { id: number; deptIdx: number; type: string; hire: number; leave: number | null; exemptSince: number | null; name: string };
type Dept = { id: number; code: string; name: string; kind: DeptKind };
type UserRow = { id: number; name: string; role: string; deptId: number | null };
type TplPlan = { v1: { id: number; criteria: TemplateCriterion[] }; v2: { id: number; criteria: TemplateCriterion[] }; switchDay: number; v1SupersededAt: string; rows: unknown[][] };

const MANAGER = 1;
const HR = 2;
const AUDITOR = 3;

export class SeedGenerator {
  private rng: () => number;
  readonly T: number;
  readonly fy: number;
  readonly windowStart: number;
  depts: Dept[] = [];
  users: UserRow[] = [];
  emps: Emp[] = [];
  certRows: unknown[][] = [];
  assessmentRows: unknown[][] = [];
  reviewRows: unknown[][] = [];
  versionRows: unknown[][] = [];
  appointmentRows: unknown[][] = [];
  transitionRows: unknown[][] = [];
  actionRows: unknown[][] = [];
  counterRows: unknown[][] = [];
  teamRows: unknown[][] = [];
  /** Classroom sessions met by trainingRows: [course id, day, room], session id = index + 1. */
  sessions: [number, number, number][] = [];
  private sessionSeats = new Map<number, number>();
  private sessionOf = new Map<number, number>();
  findingRows: unknown[][] = [];
  mrActionRows: unknown[][] = [];
  contractorNames: string[] = [];

  constructor(
    readonly today: string,
    readonly factor: number,
    readonly passwordHash: string,
    readonly lockedHash: string,
  ) {
    this.rng = mulberry32(SEED);
    this.T = toDay(today);
    const [y, m] = today.split("-").map(Number);
    this.fy = m >= FY_START_MONTH ? y : y - 1;
    this.windowStart = toDay(fyStart(this.fy - (FYS - 1)));
  }

  private n(key: keyof typeof BASE_COUNTS, min = 1) {
    return scaledCount(BASE_COUNTS[key], this.factor, min);
  }
  private r() {
    return this.rng();
  }
  private int(lo: number, hi: number) {
    return lo + Math.floor(this.rng() * (hi - lo + 1));
  }
  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rng() * xs.length)];
  }
  private name(): [string, string] {
    const [f, fk] = this.pick(FAMILY_NAMES);
    const [g, gk] = this.pick(GIVEN);
    return [`${f} ${g}`, `${fk} ${gk}`];
  }
  /** A timestamp on `day` at hh:mm Tokyo time. */
  private at(day: number, hh = 9, mm = 0): Date {
    return new Date(day * MS_PER_DAY + ((hh - 9) * 60 + mm) * 60_000);
  }

  // --- departments, users, courses, employees ------------------------------------------------

  *departmentRows() {
    // At least eight: every kind the courses' audiences name is then present.
    const count = Math.min(DEPARTMENTS.length, this.n("departments", 8));
    const created = this.at(this.windowStart - 400);
    for (let i = 0; i < count; i++) {
      const d = DEPARTMENTS[i];
      const dept: Dept = { id: i + 1, code: `D${String(i + 1).padStart(2, "0")}`, name: d.name, kind: d.kind };
      this.depts.push(dept);
      yield [dept.id, dept.code, dept.name, null, 1, created, created];
    }
  }

  *userRows() {
    const created = this.at(this.windowStart - 30);
    DEMO_USERS.forEach((u, i) => {
      const deptId = this.depts.find((d) => d.code === u.deptCode)?.id ?? null;
      this.users.push({ id: i + 1, name: u.name, role: u.role, deptId });
    });
    for (const u of this.users) {
      const demo = DEMO_USERS[u.id - 1];
      yield [u.id, demo.email, u.name, u.role, this.passwordHash, true, true, u.deptId, 1, created, created];
    }
    // Internal auditors 内部監査員 from across the company: audits need leads and teams outside their scope.
    const pool = Math.max(6, Math.round(24 * Math.min(this.factor, 1)));
    for (let i = 0; i < pool; i++) {
      const id = this.users.length + 1;
      const dept = this.depts[(i * 7 + 3) % this.depts.length];
      const [name] = this.name();
      this.users.push({ id, name, role: i % 6 === 0 ? "privacy_manager" : "auditor", deptId: dept.id });
      yield [id, `auditor${String(i + 1).padStart(2, "0")}@ruft.example.co.jp`, name, i % 6 === 0 ? "privacy_manager" : "auditor", this.lockedHash, true, false, dept.id, 1, created, created];
    }
  }

  private courseDepts(kinds: DeptKind[]): number[] {
    return this.depts.filter((d) => kinds.includes(d.kind)).map((d) => d.id);
  }

  *courseRows() {
    const created = this.at(this.windowStart - 60);
    for (const [i, c] of COURSES.entries()) {
      const deptIds = this.courseDepts(c.kinds);
      yield [
        i + 1, c.code, c.title, c.description, c.kinds.length === 0 && c.types.length === 0, deptIds, c.types, c.recurrenceMonths, c.newHireDueDays, c.passMark,
        fyStart(this.fy - c.fyBack), 1, created, created,
      ];
    }
  }

  *employeeRows() {
    const total = this.n("employees", 20);
    const weights = this.depts.map((d) => DEPARTMENTS.findIndex((x) => x.name === d.name)).map((i) => DEPARTMENTS[i].weight);
    const sum = weights.reduce((a, b) => a + b, 0);
    const T = this.T;
    const drafts: Omit<Emp, "id">[] = [];
    for (let i = 0; i < total; i++) {
      let x = this.r() * sum;
      let deptIdx = 0;
      while ((x -= weights[deptIdx]) > 0 && deptIdx < weights.length - 1) deptIdx++;
      const kind = this.depts[deptIdx].kind;
      const type = employmentType(this.r(), kind);
      let hire: number;
      if (this.r() < 0.75) hire = this.windowStart - this.int(30, 20 * 365);
      else {
        hire = this.windowStart + this.int(0, T - this.windowStart - 3);
        if (type === "regular" && this.r() < 0.5) hire = aprilFirst(hire);
      }
      hire = weekdayOnOrAfter(hire);
      if (hire >= T) hire = T - 3;
      let leave: number | null = null;
      if (this.r() < 0.09) {
        const lo = Math.max(hire + 180, this.windowStart + 30);
        if (lo < T - 2) leave = Math.min(monthEnd(this.int(lo, T - 2)), T - 1);
      }
      let exemptSince: number | null = null;
      if (leave === null && hire < T - 400 && this.r() < 0.012) exemptSince = T - this.int(30, 300);
      const [name, kana] = this.name();
      drafts.push({ deptIdx, type, hire, leave, exemptSince, name: `${name}\u0000${kana}` });
    }
    drafts.sort((a, b) => a.hire - b.hire);
    const created = this.at(this.windowStart - 1);
    for (const [i, d] of drafts.entries()) {
      const id = i + 1;
      const [name, kana] = d.name.split("\u0000");
      const e: Emp = { ...d, id, name };
      this.emps.push(e);
      const number = `E${String(id).padStart(6, "0")}`;
      const reason = d.exemptSince === null ? null : this.pick(["育児休業", "休職", "産前産後休業", "介護休業"]);
      const createdAt = d.hire > this.windowStart ? this.at(d.hire - 7) : created;
      yield [
        id, number, name, kana, `${number.toLowerCase()}@ruft.example.co.jp`, this.depts[d.deptIdx].id, d.type, fromDay(d.hire),
        d.leave === null ? null : fromDay(d.leave), reason, d.leave !== null || reason ? 2 : 1, createdAt, createdAt,
      ];
    }
  }

  // --- training records ----------------------------------------------------------------------

  *trainingRows(): Generator<unknown[]> {
    const rng = mulberry32(SEED + 1);
    const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
    const T = this.T;
    let id = 0;
    const courseDeptIds = COURSES.map((c) => new Set(this.courseDepts(c.kinds)));
    const courseFrom = COURSES.map((c) => toDay(fyStart(this.fy - c.fyBack)));
    // Campaign month starts of each course, from its start to today.
    const campaigns = COURSES.map((c, ci) => {
      const out: { start: number; year: number }[] = [];
      for (let y = Number(fromDay(courseFrom[ci]).slice(0, 4)); y <= Number(this.today.slice(0, 4)); y++)
        for (const m of c.campaignMonths) {
          const start = toDay(`${y}-${String(m).padStart(2, "0")}-01`);
          if (start <= T) out.push({ start, year: y });
        }
      return out.sort((a, b) => a.start - b.start);
    });
    const stamp = new Map<number, string>();
    const eveningOf = (day: number) => {
      let v = stamp.get(day);
      if (v === undefined) {
        v = this.at(day, 18, 0).toISOString();
        stamp.set(day, v);
      }
      return v;
    };
    for (const e of this.emps) {
      const end = Math.min(T, e.leave ?? Infinity, e.exemptSince ?? Infinity);
      // How reliably this person trains: most do, a few keep lagging.
      const diligence = rng() < 0.06 ? 0.45 + rng() * 0.25 : 0.84 + rng() * 0.15;
      const deptId = this.depts[e.deptIdx].id;
      const seen = new Set<number>();
      const rows: [number, number, number | null, boolean, string][] = []; // course, day, score, passed, method
      for (const [ci, c] of COURSES.entries()) {
        const deptOk = c.kinds.length === 0 || courseDeptIds[ci].has(deptId);
        const typeOk = c.types.length === 0 || (c.types as string[]).includes(e.type);
        if (!deptOk || !typeOk) continue;
        seen.clear();
        const from = courseFrom[ci];
        const add = (day: number, passed: boolean) => {
          if (day <= e.hire || day >= end || day < this.windowStart || seen.has(day)) return false;
          seen.add(day);
          const method = c.method === "classroom" && rng() < 0.2 ? "video" : c.method;
          const score = c.passMark === null ? null : passed ? Math.max(int(c.passMark, 100), int(c.passMark, 100)) : int(Math.max(0, c.passMark - 30), c.passMark - 1);
          rows.push([ci + 1, day, score, passed, method]);
          return true;
        };
        const pass = (day: number) => {
          if (c.passMark !== null && rng() < 0.07) add(day - int(3, 10), false);
          add(day, true);
        };
        if (c.recurrenceMonths === null) {
          // Once, on joining (or within two weeks of the course becoming required).
          const base = Math.max(e.hire, from);
          if (rng() < (base > T - 45 ? 0.6 : 0.97)) pass(weekdayOnOrAfter(base + int(1, base === from ? 13 : 10)));
          continue;
        }
        // Joined after the course became required: the first completion within the grace period.
        const joinedLate = e.hire >= from;
        if (joinedLate && rng() < diligence) pass(weekdayOnOrAfter(e.hire + int(3, c.newHireDueDays)));
        // Campaign cycles: each campaign month from the course's start to today.
        const firstMonth = Math.max(from, joinedLate ? e.hire + c.newHireDueDays : from);
        for (const { start, year } of campaigns[ci]) {
          if (start < firstMonth - 20 || start > end) continue;
          // The biennial drill: every other year, by employee, so half the company sits it each October.
          if (c.recurrenceMonths === 24 && (year + e.id) % 2 === 1) continue;
          if (rng() >= diligence) continue;
          const late = rng() < 0.12;
          pass(weekdayOnOrAfter(start + (late ? int(28, 55) : int(0, 24))));
        }
      }
      for (const [courseId, day, score, passed, method] of rows) {
        const at = eveningOf(day);
        const iso = fromDay(day);
        const evidence = method === "classroom" ? `出席簿 ${iso}` : method === "e_learning" ? `LMS受講履歴 ${iso.slice(0, 7)}` : "研修動画 視聴記録";
        const note = passed ? null : "理解度確認テスト不合格のため再受講";
        // A classroom record belongs to a session of its course on that day (numbered as first met):
        // up to SESSION_SEATS attendees each, then the next room.
        let session: number | null = null;
        if (method === "classroom") {
          const key = courseId * 100_000 + day;
          const seated = this.sessionSeats.get(key) ?? 0;
          this.sessionSeats.set(key, seated + 1);
          const room = Math.floor(seated / SESSION_SEATS);
          if (seated % SESSION_SEATS === 0) this.sessions.push([courseId, day, room]);
          session = this.sessionOf.get(key * 100 + room) ?? this.sessions.length;
          this.sessionOf.set(key * 100 + room, session);
        }
        yield [++id, e.id, courseId, iso, score, passed, method, evidence, note, method === "video" ? "manual" : "bulk", session, HR, 1, at, at];
      }
    }
  }

  /** The classroom sessions the training records met (after trainingRows): course × day × room, in the head office or a branch. */
  *sessionRows(): Generator<unknown[]> {
    const places = ["本社 大会議室", "本社 研修室A", "大阪支店 会議室", "名古屋支店 会議室", "福岡支店 会議室"];
    for (const [i, [courseId, day, room]] of this.sessions.entries()) {
      const id = i + 1;
      const iso = fromDay(day);
      const at = this.at(day, 9, 0);
      const april = iso.slice(5, 7) === "04";
      yield [id, courseId, iso, april ? `${fiscalYearOfIso(iso)}年度 新入社員研修` : null, "classroom", places[room % places.length], "個人情報保護管理者", "出席簿の原本（署名済み）は総務部で保管", HR, 1, at, at];
    }
  }

  // --- contractors ---------------------------------------------------------------------------

  templatePlan(v1Id: number, v1Criteria: TemplateCriterion[]): TplPlan {
    // The standard criteria were revised two fiscal years ago (a cloud-services criterion added):
    // version 1 superseded, version 2 current. Assessments point at the version in force that day.
    const switchDay = toDay(fyStart(this.fy - 2)) + 45;
    const v2Criteria: TemplateCriterion[] = [
      ...v1Criteria.map((c) => (c.key === "technical" ? { ...c, weight: 15 } : c)),
      {
        key: "cloud",
        labelJa: "クラウドサービスの利用管理",
        labelEn: "Use of cloud services",
        weight: 5,
        guidanceJa: "利用するクラウドサービスの所在国、アクセス管理、データ消去の確認",
        guidanceEn: "Country of the cloud service, access control, confirmed data erasure",
      },
    ];
    const at = this.at(switchDay, 10);
    const v2Id = v1Id + 1;
    return {
      v1: { id: v1Id, criteria: v1Criteria },
      v2: { id: v2Id, criteria: v2Criteria },
      switchDay,
      v1SupersededAt: at.toISOString(),
      rows: [[v2Id, "default", "委託先評価基準（標準）", "Contractor assessment criteria (standard)", v2Criteria, 5, 80, 60, MANAGER, 2, at, at]],
    };
  }

  *contractorRows(plan: TplPlan) {
    const total = this.n("contractors");
    const perContractor = this.n("assessments") / total;
    const T = this.T;
    const usedNumbers = new Set<string>();
    const usedNames = new Set<string>();
    let certId = 0;
    let assessId = 0;
    for (let id = 1; id <= total; id++) {
      let name = "";
      for (let k = 0; ; k++) {
        name = `${this.pick(COMPANY_FORM)}${this.pick(COMPANY_A)}${this.pick(COMPANY_B)}`;
        if (k > 3) name += `${id}`;
        if (!usedNames.has(name)) break;
      }
      usedNames.add(name);
      this.contractorNames.push(name);
      let corp: string | null = null;
      if (this.r() < 0.92) {
        do corp = withCheckDigit(String(this.int(100000000000, 999999999999)));
        while (usedNumbers.has(corp));
        usedNumbers.add(corp);
      }
      const svc = this.pick(SERVICES);
      const months = this.r() < 0.8 ? 12 : this.r() < 0.5 ? 24 : 6;
      // Status mix of a mature register.
      const roll = this.r();
      const status: "candidate" | "approved" | "conditional" | "suspended" | "terminated" =
        roll < 0.06 ? "candidate" : roll < 0.78 ? "approved" : roll < 0.86 ? "conditional" : roll < 0.89 ? "suspended" : "terminated";
      // Length of the relationship: sized so the register holds about BASE assessments in all.
      const spanCycles = Math.max(1, Math.round(perContractor * 1.1 * (0.4 + this.r() * 1.2)));
      const span = Math.min(Math.round((spanCycles * months * 365) / 12), T - this.windowStart + 3 * 365);
      let contractStart: number | null = status === "candidate" ? null : T - span + this.int(0, 20);
      if (contractStart !== null && contractStart >= T) contractStart = T - 10;
      let contractEnd: number | null = null;
      if (status === "terminated" && contractStart !== null) contractEnd = Math.min(T - 1, contractStart + Math.round(span * 0.7) + 30);
      else if (contractStart !== null && this.r() < 0.5) contractEnd = toDay(addMonthsIso(fromDay(T), this.int(3, 36)));
      // A few flagged on purpose: the contract started before any permitting assessment.
      const flagged = status === "approved" && contractStart !== null && contractStart < T - 90 && this.r() < 0.012;
      const cycleLast = contractEnd ?? T;

      const assessments: { day: number; type: string; result: "approved" | "conditional" | "rejected" }[] = [];
      if (status === "candidate") {
        if (this.r() < 0.5) assessments.push({ day: T - this.int(5, 60), type: "initial", result: this.r() < 0.3 ? "rejected" : "conditional" });
      } else {
        let day = flagged ? contractStart! + this.int(10, 60) : contractStart! - this.int(7, 45);
        assessments.push({ day, type: "initial", result: status === "conditional" && this.r() < 0.5 ? "conditional" : "approved" });
        // Periodic re-assessment, now and then a little late; a few have let the latest lapse.
        const lapse = (status === "approved" || status === "conditional") && this.r() < 0.07;
        for (;;) {
          const next = toDay(addMonthsIso(fromDay(day), months)) + this.int(-20, 15);
          if (next >= cycleLast || next >= T) break;
          if (lapse && toDay(addMonthsIso(fromDay(next), months)) >= T) break;
          day = next;
          assessments.push({ day, type: this.r() < 0.05 ? "ad_hoc" : "periodic", result: "approved" });
        }
        const last = assessments[assessments.length - 1];
        if (status === "conditional") last.result = "conditional";
        if (status === "suspended") last.result = "rejected";
        for (const a of assessments.slice(0, -1)) if (this.r() < 0.08) a.result = "conditional";
        if (status === "approved") last.result = "approved";
      }
      // Same-day duplicates are not a thing: keep the days strictly increasing.
      for (let i = 1; i < assessments.length; i++) if (assessments[i].day <= assessments[i - 1].day) assessments[i].day = assessments[i - 1].day + 1;

      for (const a of assessments) {
        const tpl = a.day < plan.switchDay ? plan.v1 : plan.v2;
        const scores = this.scoresFor(tpl.criteria, a.result);
        const total = weightedTotal(tpl.criteria, scores, 5)!;
        const iso = fromDay(a.day);
        const at = this.at(a.day, 16);
        this.assessmentRows.push([
          ++assessId, id, tpl.id, a.type, iso, this.pick(["佐藤 恵子（個人情報保護管理者）", "委託先管理担当 中村 由美", "購買部 岡田 直人", "情報システム部 森 健太"]),
          scores, total, resultFor(total, { approvedMin: 80, conditionalMin: 60 }),
          a.result === "conditional" ? "再委託先の管理状況を半年後に報告すること。" : a.result === "rejected" ? "技術的安全管理措置が基準に達していない。改善計画の提出を求める。" : null,
          addMonthsIso(iso, months), `委託先評価チェックシート ${iso.slice(0, 7)}`, MANAGER, 1, at, at,
        ]);
      }
      // Certifications: most hold the P-mark or ISMS; a few have let theirs expire.
      if (this.r() < 0.7) {
        const kind = this.r() < 0.75 ? "pmark" : "isms";
        const expired = status !== "terminated" && this.r() < 0.05;
        const expires = expired ? T - this.int(5, 200) : T + this.int(20, 720);
        const number = kind === "pmark" ? `${this.int(10000000, 29999999)}(0${this.int(1, 9)})` : `IS ${this.int(100000, 799999)}`;
        this.certRows.push([++certId, id, kind, number, fromDay(expires), this.at(contractStart ?? T - 30)]);
      }
      const created = this.at(Math.min(assessments[0]?.day ?? T - 30, contractStart ?? T) - 10);
      const [contact] = this.name();
      yield [
        id, name, corp, svc.services, svc.data, this.int(1, 500) * (svc.services.includes("コールセンター") ? 1000 : 50),
        contractStart === null ? null : fromDay(contractStart), contractEnd === null ? null : fromDay(contractEnd), status, contact,
        `contact${id}@example.co.jp`, `03-${String(this.int(1000, 9999))}-${String(this.int(1000, 9999))}`, months === 12 ? null : months,
        flagged ? "契約開始が評価より先行（是正中）" : null, 1 + assessments.length, created, this.at(assessments[assessments.length - 1]?.day ?? T - 30, 17),
      ];
    }
  }

  private scoresFor(criteria: TemplateCriterion[], want: "approved" | "conditional" | "rejected"): AssessmentScore[] {
    const band = want === "approved" ? [4, 5] : want === "conditional" ? [3, 4] : [1, 3];
    for (let k = 0; ; k++) {
      const scores = criteria.map((c) => ({ key: c.key, score: k > 20 ? (want === "approved" ? 5 : want === "conditional" ? 3 : 1) : this.int(band[0], band[1]), comment: null }));
      const total = weightedTotal(criteria, scores, 5)!;
      if (resultFor(total, { approvedMin: 80, conditionalMin: 60 }) === want) return scores;
    }
  }

  // --- regulations and structure ---------------------------------------------------------------

  *regulationRows() {
    const total = this.n("regulations");
    const T = this.T;
    let reviewId = 0;
    let versionId = 0;
    for (let id = 1; id <= total; id++) {
      const topic = REG_TOPICS[(id - 1) % REG_TOPICS.length];
      const kind = REG_KINDS[Math.floor((id - 1) / REG_TOPICS.length) % REG_KINDS.length];
      const title = `${topic}${kind}`;
      const code = `REG-${String(id).padStart(3, "0")}`;
      const interval = this.r() < 0.85 ? 12 : 24;
      const roll = this.r();
      const status: "draft" | "in_force" | "retired" = roll < 0.03 ? "draft" : roll < 0.06 ? "retired" : "in_force";
      const owner = this.r() < 0.6 ? MANAGER : null;
      const ownerName = owner ? null : this.pick(["総務部長", "情報システム部長", "人事部長", "個人情報保護事務局"]);
      const created = this.at(this.windowStart - this.int(30, 900));
      if (status === "draft") {
        yield [id, code, title, `${title}（制定準備中）`, owner, ownerName, null, fromDay(T + this.int(20, 120)), interval, null, null, "draft", null, 1, this.at(T - 20), this.at(T - 20)];
        continue;
      }
      const first = this.windowStart - this.int(30, 1200);
      let version = 1;
      let effective = first;
      this.versionRows.push([++versionId, id, 1, fromDay(first), "制定", null, null, "代表取締役社長", fromDay(first), this.at(first)]);
      // Approved reviews, one per interval; about one in four revises. Timeliness varies: a few
      // regulations slipped their last review (overdue now), a few are due within the month.
      const slip = this.r();
      let base = first;
      for (;;) {
        const due = toDay(addMonthsIso(fromDay(base), interval));
        let day = due - this.int(0, 40);
        if (day <= base) day = base + 1;
        if (day >= T - 1) break;
        if (status === "retired" && toDay(addMonthsIso(fromDay(day), interval)) >= T) {
          // The last review retired it.
          this.pushReview(++reviewId, id, day, "retired", null, null);
          break;
        }
        const revised = this.r() < 0.25;
        const approvedOn = Math.max(day, Math.min(day + this.int(1, 14), T - 1));
        if (revised) {
          version++;
          effective = approvedOn;
          this.pushReview(++reviewId, id, day, "revised", version, approvedOn);
          this.versionRows.push([++versionId, id, version, fromDay(approvedOn), `第${version}版への改訂（法令改正・運用見直しの反映）`, reviewId, MANAGER, null, fromDay(approvedOn), this.at(approvedOn, 11)]);
        } else this.pushReview(++reviewId, id, day, "no_change", null, null);
        base = day;
        // A few let the next review slip: overdue now.
        if (slip < 0.07 && toDay(addMonthsIso(fromDay(base), interval * 2)) >= T) break;
      }
      const lastReviewed = reviewId > 0 && this.reviewRows.length && this.reviewRows[this.reviewRows.length - 1][1] === id ? (this.reviewRows[this.reviewRows.length - 1][2] as string) : null;
      const nextDue = status === "in_force" ? addMonthsIso(lastReviewed ?? fromDay(effective), interval) : null;
      // Some overdue or due-soon regulations already have a review drafted.
      if (status === "in_force" && nextDue && toDay(nextDue) < T + 30 && this.r() < 0.4) {
        const day = T - this.int(1, 10);
        if (!lastReviewed || day > toDay(lastReviewed)) {
          this.reviewRows.push([
            ++reviewId, id, fromDay(day), "個人情報保護管理者、事務局", "periodic", "no_change", "定期見直し（承認待ち）", null, null, "draft", MANAGER, null, null, null, 1, this.at(day), this.at(day),
          ]);
        }
      }
      yield [
        id, code, title, `${topic}に関する${kind}。`, owner, ownerName, version, fromDay(effective), interval, lastReviewed, nextDue, status,
        status === "retired" ? this.at(toDay(lastReviewed ?? fromDay(T - 30)) + 2) : null, 1 + version, created, this.at(T - 1),
      ];
    }
  }

  private pushReview(id: number, regId: number, day: number, outcome: "no_change" | "revised" | "retired", proposed: number | null, approvedDay: number | null) {
    const approvedOn = approvedDay ?? Math.min(day + this.int(1, 14), this.T - 1);
    const trigger = this.r() < 0.85 ? "periodic" : this.pick(["law_amendment", "incident", "audit_finding"] as const);
    this.reviewRows.push([
      id, regId, fromDay(day), "個人情報保護管理者、事務局、所管部門長", trigger, outcome,
      outcome === "no_change" ? "現行の内容で支障なし。" : outcome === "revised" ? "運用実態と法令改正を反映して改訂する。" : "他規程への統合により廃止する。",
      proposed, proposed === null ? null : fromDay(approvedOn), "approved", MANAGER, MANAGER, fromDay(Math.max(approvedOn, day)), this.at(Math.max(approvedOn, day), 15),
      2, this.at(day), this.at(Math.max(approvedOn, day), 15),
    ]);
  }

  *postRows() {
    const created = this.at(this.windowStart - 200);
    const T = this.T;
    let apptId = 0;
    const appt = (postId: number, who: { user?: number; employee?: number }, from: number, to: number | null, note: string | null = null) =>
      this.appointmentRows.push([++apptId, postId, who.user ?? null, who.employee ?? null, fromDay(from), to === null ? null : fromDay(to), note, 1, this.at(from), this.at(to ?? from)]);
    const fixed: [string, string, string, number | null][] = [
      ["TOP", "代表者", "PMSの最終責任者", 4],
      ["CPO", "個人情報保護管理者", "PMSの運用責任者", MANAGER],
      ["AUDIT-LEAD", "個人情報保護監査責任者", "内部監査の責任者（管理者と兼務不可）", AUDITOR],
      ["OFFICE", "PMS事務局", "規程・記録の管理と教育の企画", HR],
      ["CONTACT", "苦情及び相談窓口責任者", "本人からの苦情・相談・開示等の請求の窓口", null],
      ["TRAINING", "教育責任者", "年間教育計画と受講状況の管理", HR],
    ];
    let id = 0;
    // 個人情報保護管理者 (id 2) and 監査責任者 (id 3) may not be held together (兼任不可), both ways.
    const exclusive: Record<string, number[]> = { CPO: [3], "AUDIT-LEAD": [2] };
    let cpoPrev: number | undefined;
    const activeIn = (deptIdx: number) => this.emps.filter((e) => e.deptIdx === deptIdx && e.leave === null && e.exemptSince === null && e.hire < T - 365);
    for (const [code, title, desc, user] of fixed) {
      id++;
      yield [id, code, title, null, desc, id * 10, exclusive[code] ?? [], 1, created, created];
      const switchDay = this.windowStart + this.int(200, 900);
      const prevIdx = this.int(0, Math.max(0, Math.floor(this.emps.length / 3)));
      // The audit lead's predecessor is not the privacy manager's (their terms overlap).
      const prev = this.emps[code === "AUDIT-LEAD" && this.emps[prevIdx]?.id === cpoPrev ? prevIdx + 1 : prevIdx];
      if (code === "CPO") cpoPrev = prev?.id;
      if (prev) appt(id, { employee: prev.id }, this.windowStart - 365, switchDay - 1, "任期満了");
      if (user !== null) appt(id, { user }, switchDay, null);
      else {
        const e = activeIn(1)[0] ?? this.emps[0];
        appt(id, { employee: e.id }, switchDay, null);
      }
    }
    // 部門責任者: one per department; about a third changed hands during the five years.
    for (const [i, d] of this.depts.entries()) {
      id++;
      yield [id, `DEPT-${d.code}`, `部門責任者（${d.name}）`, d.id, `${d.name}における個人情報の取扱いの責任者`, 100 + i, [], 1, created, created];
      const cands = activeIn(i);
      const current = cands[0] ?? this.emps.find((e) => e.deptIdx === i);
      if (!current) continue;
      if (this.r() < 0.35 && cands[1]) {
        const sw = this.windowStart + this.int(100, this.T - this.windowStart - 30);
        appt(id, { employee: cands[1].id }, this.windowStart - 200, sw - 1, "異動により交代");
        appt(id, { employee: current.id }, sw, null);
      } else appt(id, { employee: current.id }, Math.max(current.hire, this.windowStart - 200), null);
    }
  }

  // --- incidents -------------------------------------------------------------------------------

  *incidentRows() {
    const total = this.n("incidents", 4);
    const T = this.T;
    type Draft = { disc: number; minute: number; forced?: { status: "reported" | "investigating"; reason: "sensitive" | "persons" } };
    const drafts: Draft[] = [];
    for (let i = 0; i < total - 3; i++) drafts.push({ disc: this.windowStart + this.int(0, T - this.windowStart - 8), minute: this.int(8 * 60, 20 * 60) });
    // Open and reportable, with the PPC deadlines running: one preliminary report late (day 6), two
    // due in the next days.
    drafts.push({ disc: T - 6, minute: 10 * 60 + 30, forced: { status: "investigating", reason: "persons" } });
    drafts.push({ disc: T - 3, minute: 15 * 60 + 10, forced: { status: "investigating", reason: "sensitive" } });
    drafts.push({ disc: T - 1, minute: 11 * 60 + 45, forced: { status: "reported", reason: "persons" } });
    drafts.sort((a, b) => a.disc - b.disc || a.minute - b.minute);
    const seqByFy = new Map<number, number>();
    let transitionId = 0;
    let actionId = 0;
    const STEPS = ["reported", "investigating", "contained", "resolved", "closed"] as const;
    for (const [i, d] of drafts.entries()) {
      const id = i + 1;
      const iso = fromDay(d.disc);
      const fy = fiscalYearOfIso(iso);
      const seq = (seqByFy.get(fy) ?? 0) + 1;
      seqByFy.set(fy, seq);
      const kind = this.pick(INCIDENT_KINDS);
      const title = this.pick(kind.titles);
      const discoveredAt = this.at(d.disc, 0, d.minute);
      const occurredAt = this.r() < 0.8 ? new Date(discoveredAt.getTime() - this.int(0, 72) * 3600_000) : null;
      const dept = this.depts[this.int(0, this.depts.length - 1)];
      const [reporter] = this.name();
      // Flags: a few per cent are reportable to the PPC.
      let sensitive = this.r() < 0.012;
      const financial = kind.category === "unauthorized_access" && this.r() < 0.15;
      const wrongful = kind.category === "unauthorized_access" && this.r() < 0.08;
      let persons = this.r() < 0.02 ? this.int(1001, 30000) : this.r() < 0.3 ? this.int(11, 900) : this.int(1, 10);
      const encrypted = kind.category === "loss" && this.r() < 0.3;
      if (d.forced?.reason === "sensitive") sensitive = true;
      if (d.forced?.reason === "persons") persons = this.int(1200, 5000);
      const reportable = (sensitive || financial || wrongful || persons > 1000) && !(encrypted && !d.forced);
      const enc = d.forced ? false : encrypted;
      const severity = reportable ? (persons > 5000 || wrongful ? "critical" : "high") : persons > 500 ? "high" : persons > 10 ? "medium" : "low";
      const age = T - d.disc;
      // Where it stands: old ones closed, recent ones in progress.
      let reached: number;
      if (d.forced) reached = STEPS.indexOf(d.forced.status);
      else if (age > 120) reached = this.r() < 0.98 ? 4 : 3;
      else if (age > 30) reached = this.pick([4, 4, 4, 4, 3, 3, 2, 2, 1]);
      else reached = this.pick([0, 1, 1, 2, 2, 3, 4]);
      const stepDays = [0, this.int(0, 1), this.int(2, 8), this.int(9, 40), this.int(41, 90)];
      const stepAt: Date[] = [discoveredAt];
      for (let s = 1; s <= reached; s++) {
        let day = Math.min(d.disc + stepDays[s], T - 1);
        const prevDay = Math.floor((stepAt[s - 1].getTime() + 9 * 3600_000) / MS_PER_DAY);
        if (day < prevDay) day = prevDay;
        let t = this.at(day, 10 + s, this.int(0, 59));
        if (t <= stepAt[s - 1]) t = new Date(stepAt[s - 1].getTime() + 3600_000);
        stepAt.push(t);
      }
      const status = STEPS[reached];
      const dayOf = (t: Date) => Math.floor((t.getTime() + 9 * 3600_000) / MS_PER_DAY);
      const lastDay = dayOf(stepAt[stepAt.length - 1]);
      this.transitionRows.push([++transitionId, id, null, "reported", null, reporter, new Date(discoveredAt.getTime() + 30 * 60_000), null]);
      for (let s = 1; s <= reached; s++) {
        this.transitionRows.push([++transitionId, id, STEPS[s - 1], STEPS[s], MANAGER, "佐藤 恵子", stepAt[s], s === 4 ? "是正処置の完了を確認し、クローズを承認" : null]);
      }
      // Reports made: the P-mark body for every incident, the PPC and the persons when reportable.
      // Made on time as a rule (a few historical ones a little late); the recent ones not yet made
      // are still inside their deadlines; the forced and the unreported ones have none made.
      // Open and nothing reported yet (the shape the incident cards and the due list must bear): about
      // two in five of the open incidents of the last four months, so some of their deadlines have passed.
      const unreported = !d.forced && reached < 4 && age <= 120 && this.r() < 0.4;
      const made = (lo: number, hi: number) => {
        if (d.forced || unreported) return null;
        let day = d.disc + this.int(lo, hi);
        if (this.r() < 0.03 && d.disc + hi + 5 < T) day = d.disc + hi + this.int(1, 5);
        return day <= T - 1 ? day : null;
      };
      const pmarkPre = made(1, 5);
      const pmarkFinal = made(10, 30);
      const ppcPre = reportable ? made(1, 5) : null;
      const ppcFinal = reportable ? made(15, wrongful ? 60 : 30) : null;
      const notified = reportable ? made(1, 5) : null;
      // Corrective actions: closing needs all done.
      const nActions = severity === "low" ? (this.r() < 0.3 ? 1 : 0) : this.int(1, 3);
      for (let k = 0; k < nActions; k++) {
        const due = d.disc + this.int(14, 60);
        let done: number | null = null;
        if (status === "closed") done = Math.min(lastDay - this.int(0, 5), lastDay);
        else if (due < T && this.r() < 0.6) done = Math.min(due - this.int(0, 10), T - 1);
        if (done !== null && done < d.disc) done = d.disc;
        this.actionRows.push([
          ++actionId, id, this.pick(["送信前ダブルチェックの徹底", "手順書の改訂と周知", "アクセス権の棚卸し", "関係者への再教育", "システム設定の見直し", "委託先への是正要求"]),
          `${dept.name} ${reporter.split(" ")[0]}`, fromDay(due), done === null ? null : fromDay(done), done === null ? 1 : 2, this.at(d.disc + 1), this.at(done ?? d.disc + 1),
        ]);
      }
      const closedAt = status === "closed" ? stepAt[4] : null;
      yield [
        id, `INC-${fy}-${String(seq).padStart(3, "0")}`, fy, seq, title, kind.category, occurredAt, discoveredAt, null, reporter, dept.id,
        `${dept.name}にて${title}が発生した。${persons}名分の個人データが対象となる可能性がある。`, kind.data, persons, sensitive, financial, wrongful, enc, severity, status,
        reached >= 2 ? "関係先への削除依頼、アカウント停止等の封じ込め措置を実施した。" : null,
        reportable && reached >= 3 ? `${title}により、${persons}名分の個人データが漏えい等した（おそれを含む）。` : null,
        reportable && reached >= 3 ? kind.data : null,
        reportable && reached >= 3 ? `${persons}名` : null,
        reached >= 3 ? "確認手順の不徹底による人為的ミス。" : null,
        reached >= 3 ? "手順書の改訂と全従業者への再教育を実施する。" : null,
        fromDayOrNull(ppcPre), fromDayOrNull(ppcFinal), fromDayOrNull(pmarkPre), fromDayOrNull(pmarkFinal), fromDayOrNull(notified),
        closedAt ? MANAGER : null, closedAt, 1 + reached, discoveredAt, stepAt[stepAt.length - 1],
      ];
    }
    for (const [fy, last] of [...seqByFy.entries()].sort((a, b) => a[0] - b[0])) this.counterRows.push([fy, last]);
  }

  // --- audits ----------------------------------------------------------------------------------

  *auditRows() {
    const total = this.n("audits", FYS);
    const findingsTarget = this.n("auditFindings");
    const T = this.T;
    type A = { row: unknown[]; id: number; status: string; scope: number[]; lead: number | null; reported: number | null; closed: number | null; end: number };
    const all: A[] = [];
    let teamId = 0;
    const auditorPool = this.users.filter((u) => u.role === "auditor" || u.id === MANAGER);
    const independent = (scope: number[]) => auditorPool.filter((u) => u.deptId === null || !scope.includes(u.deptId));
    let id = 0;
    for (let k = 0; k < FYS; k++) {
      const fy = this.fy - (FYS - 1) + k;
      const fyFrom = toDay(fyStart(fy));
      const count = Math.floor(total / FYS) + (k < total % FYS ? 1 : 0);
      for (let j = 0; j < count; j++) {
        id++;
        const type: "conformance" | "operation" | "contractor_onsite" | "pmark_assessment" =
          j === 0 ? "conformance" : j === 1 && (this.fy - fy) % 2 === 0 ? "pmark_assessment" : j % 6 === 5 ? "contractor_onsite" : "operation";
        let scope: number[] = [];
        let clauses: string[] = [];
        let title: string;
        let auditee: string | null = null;
        if (type === "conformance") {
          scope = this.depts.filter((_, i) => i % 3 === j % 3).map((d) => d.id);
          clauses = ["A.3.1", "A.3.2", "A.3.3", "A.3.4", "A.3.5", "A.3.6", "A.3.7", "A.3.8"];
          title = `適合状況監査（JIS Q 15001 ${fy}年度）`;
        } else if (type === "operation") {
          const a = this.depts[(j * 5 + k) % this.depts.length];
          const b = this.depts[(j * 11 + k + 1) % this.depts.length];
          scope = this.r() < 0.4 && a.id !== b.id ? [a.id, b.id] : [a.id];
          clauses = [this.pick(CLAUSES), this.pick(CLAUSES)].filter((c, i, xs) => xs.indexOf(c) === i);
          title = `運用状況監査（${scope.map((s) => this.depts[s - 1].name).join("・")}）`;
        } else if (type === "contractor_onsite") {
          auditee = this.contractorNames.length ? this.pick(this.contractorNames) : "委託先";
          clauses = ["A.3.4.3.4"];
          title = `委託先実地監査（${auditee}）`;
        } else {
          auditee = "一般財団法人日本情報経済社会推進協会（JIPDEC）";
          title = "プライバシーマーク更新 現地審査";
        }
        const start = weekdayOnOrAfter(fyFrom + Math.floor(((j + 0.5) / count) * 330) + this.int(0, 20));
        const end = start + (type === "conformance" ? this.int(3, 8) : this.int(0, 3));
        const cands = type === "pmark_assessment" ? [] : independent(scope);
        const lead = cands.length ? cands[(j + k) % cands.length].id : type === "pmark_assessment" ? null : null;
        const team = type === "pmark_assessment" ? [] : cands.filter((c) => c.id !== lead).slice((j * 3) % Math.max(1, cands.length - 2), ((j * 3) % Math.max(1, cands.length - 2)) + (type === "conformance" ? 2 : 1));
        // Status from the calendar: done when past, running when today is inside, planned ahead.
        let status: "planned" | "in_progress" | "reported" | "closed";
        let actualStart: number | null = null;
        let actualEnd: number | null = null;
        let reported: number | null = null;
        if (start > T && (fy !== this.fy || start > T + 7)) status = "planned";
        else if (start > T) {
          // Next week's audit started early: something is always in progress on the dashboard.
          status = "in_progress";
          actualStart = T - 1;
        }
        else if (end >= T) {
          status = "in_progress";
          actualStart = start;
        } else {
          actualStart = start;
          actualEnd = end;
          reported = Math.min(end + this.int(3, 12), T - 1);
          if (reported < end) reported = end;
          status = "reported";
        }
        const a: A = { row: [], id, status, scope, lead, reported, closed: null, end };
        a.row = [
          id, fy, type, title, scope, clauses, auditee, fromDay(start), fromDay(end), fromDayOrNull(actualStart), fromDayOrNull(actualEnd), lead, status,
          reported !== null ? "監査の結果、PMSは概ね適切に運用されている。指摘事項は別紙のとおり。" : null, fromDayOrNull(reported), null, AUDITOR,
        ];
        all.push(a);
        const createdAt = this.at(fyFrom - 20);
        for (const m of team) this.teamRows.push([++teamId, id, m.id, createdAt]);
      }
    }
    // Findings on the audits that have reported, spread evenly to the target.
    const done = all.filter((a) => a.status === "reported");
    if (done.length === 0) throw new Error("seedLarge: no past audit to attach findings to");
    let findingId = 0;
    for (const [i, a] of done.entries()) {
      const n = Math.floor(findingsTarget / done.length) + (i < findingsTarget % done.length ? 1 : 0);
      let closeDay = a.reported! + this.int(5, 20);
      let allVerified = true;
      // Most past audits closed: every nonconformity verified. The latest ones still open.
      const willClose = a.reported! < T - 365 ? true : a.reported! < T - 150 ? this.r() < 0.9 : a.reported! < T - 45 ? this.r() < 0.5 : false;
      for (let f = 0; f < n; f++) {
        const roll = this.r();
        const grade = roll < 0.03 ? "major_nc" : roll < 0.25 ? "minor_nc" : roll < 0.75 ? "observation" : "good_practice";
        const deptId = a.scope.length ? a.scope[f % a.scope.length] : null;
        const nc = grade === "major_nc" || grade === "minor_nc";
        const base = [++findingId, a.id, this.pick(CLAUSES), grade, deptId, this.pick(FINDING_TEXT[grade])];
        const [owner] = this.name();
        if (!nc) {
          this.findingRows.push([...base, null, null, null, null, "open", null, null, null, null, 1, this.at(a.reported!), this.at(a.reported!)]);
          continue;
        }
        const due = a.reported! + this.int(30, 90);
        let status: "open" | "action_planned" | "done" | "verified";
        let doneOn: number | null = null;
        let verifiedOn: number | null = null;
        if (willClose) {
          doneOn = Math.min(due - this.int(0, 20), T - 2);
          if (doneOn <= a.reported!) doneOn = Math.min(a.reported! + 1, T - 2);
          verifiedOn = Math.min(doneOn + this.int(1, 14), T - 1);
          status = "verified";
          closeDay = Math.max(closeDay, verifiedOn + this.int(1, 10));
        } else {
          allVerified = false;
          const r = this.r();
          if (due < T) status = r < 0.45 ? "verified" : r < 0.7 ? "done" : r < 0.85 ? "action_planned" : "open";
          else status = r < 0.3 ? "done" : r < 0.8 ? "action_planned" : "open";
          if (status === "done" || status === "verified") doneOn = Math.min(due - this.int(0, 15), T - 2);
          if (doneOn !== null && doneOn <= a.reported!) doneOn = Math.min(a.reported! + 1, T - 2);
          if (status === "verified") verifiedOn = Math.min(doneOn! + this.int(1, 10), T - 1);
        }
        const verifier = a.lead ?? AUDITOR;
        this.findingRows.push([
          ...base, "原因を分析し、手順の見直しと関係者への周知を行う。", null, `${owner}（${deptId ? this.depts[deptId - 1].name : "委託先管理担当"}）`, fromDay(due), status,
          fromDayOrNull(doneOn), fromDayOrNull(verifiedOn), verifiedOn === null ? null : verifier, verifiedOn === null ? null : "是正処置の実施と効果を確認した。",
          1 + (doneOn ? 1 : 0) + (verifiedOn ? 1 : 0), this.at(a.reported!), this.at(verifiedOn ?? doneOn ?? a.reported!),
        ]);
      }
      if (willClose && allVerified && closeDay < T) {
        a.status = "closed";
        a.closed = closeDay;
        a.row[12] = "closed";
        a.row[15] = fromDay(closeDay);
      }
    }
    for (const a of all) {
      const last = a.closed ?? a.reported ?? a.end;
      yield [...a.row, a.status === "planned" ? 1 : a.status === "in_progress" ? 2 : a.status === "reported" ? 3 : 4, this.at(a.end - 60), this.at(Math.min(last, T))];
    }
  }

  *managementReviewRows() {
    let actionId = 0;
    const T = this.T;
    for (let k = 0; k < FYS; k++) {
      const fy = this.fy - (FYS - 1) + k;
      const held = weekdayOnOrAfter(toDay(fyStart(fy)) + 60 + this.int(0, 20));
      if (held >= T) continue;
      const id = k + 1;
      yield [
        id, fy, fromDay(held), `${fy}年度 マネジメントレビュー`, "代表取締役社長 田中 誠、個人情報保護管理者 佐藤 恵子、個人情報保護監査責任者 高橋 直樹、各部門責任者",
        `${fy - 1}年度の内部監査の結果と是正処置の状況を報告。`, `${fy - 1}年度の事故・インシデントの件数と再発防止策を報告。`, `${fy - 1}年度の教育の受講状況を報告。`,
        "委託先の評価の実施状況と要注意の委託先を報告。", "個人情報保護法のガイドライン改正への対応を確認。", "次年度の重点施策として、誤送信防止と委託先管理の強化を決定。",
        MANAGER, 1, this.at(held, 15), this.at(held, 15),
      ];
      const items = ["メール誤送信防止ツールを全社に導入する。", "委託先の再評価の遅れを解消する。", "教育の未受講者への督促を部門責任者経由で行う。", "アクセス権の棚卸しを四半期ごとに実施する。"];
      for (const [i, text] of items.entries()) {
        const due = held + 90 + i * 60;
        const done = due < T - 30 || (due < T && this.r() < 0.5) ? Math.min(due - this.int(0, 30), T - 1) : null;
        this.mrActionRows.push([++actionId, id, text, i % 2 === 0 ? MANAGER : null, i % 2 === 0 ? null : "情報システム部長", fromDay(due), done === null ? "open" : "done", fromDayOrNull(done), done === null ? 1 : 2, this.at(held, 16), this.at(done ?? held, 16)]);
      }
    }
  }

  *pmarkRows() {
    // The current certificate's renewal window is open now: it expires about seven months from today.
    const currentTo = monthEnd(this.T + 200);
    const certs: [string, number, number, string][] = [];
    let to = currentTo;
    for (let n = 9; n >= 7; n--) {
      const from = toDay(addMonthsIso(fromDay(to + 1), -24));
      certs.push([`17000123(0${n})`, from, to, `第${n}回更新`]);
      to = from - 1;
    }
    let id = 0;
    for (const [number, from, to] of certs.reverse()) {
      id++;
      yield [id, number, fromDay(from), fromDay(to), `第${id + 6}回更新`, 1, this.at(from - 20), this.at(from - 20)];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers: calendar days as integers (days since 1970-01-01, UTC = the Tokyo date)

function employmentType(r: number, kind: DeptKind): string {
  const table: Partial<Record<DeptKind, [string, number][]>> = {
    sales: [["regular", 0.86], ["contract", 0.14]],
    dev: [["regular", 0.72], ["dispatched", 0.18], ["contract", 0.1]],
    support: [["regular", 0.45], ["part_time", 0.3], ["contract", 0.15], ["dispatched", 0.1]],
    mgmt: [["regular", 0.8], ["executive", 0.15], ["contract", 0.05]],
  };
  const dist = table[kind] ?? [["regular", 0.85], ["contract", 0.07], ["part_time", 0.05], ["dispatched", 0.03]];
  for (const [type, p] of dist) if ((r -= p) < 0) return type;
  return "regular";
}

const MS_PER_DAY = 86_400_000;
const isoCache = new Map<number, string>();

function toDay(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

function fromDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

function fromDayOrNull(day: number | null): string | null {
  return day === null ? null : fromDay(day);
}

/** Calendar months, clamped to the month's end (as lib/dates addMonths). */
function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

function fyStart(fy: number): string {
  return `${fy}-${String(FY_START_MONTH).padStart(2, "0")}-01`;
}

function fiscalYearOfIso(iso: string): number {
  const y = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= FY_START_MONTH ? y : y - 1;
}

function monthEnd(day: number): number {
  const [y, m] = fromDay(day).split("-").map(Number);
  return Math.round(Date.UTC(y, m, 0) / MS_PER_DAY);
}

function weekdayOnOrAfter(day: number): number {
  for (;;) {
    const w = (((day + 4) % 7) + 7) % 7;
    if (w !== 0 && w !== 6) return day;
    day++;
  }
}

function aprilFirst(day: number): number {
  const y = Number(fromDay(day).slice(0, 4));
  const same = toDay(`${y}-04-01`);
  return same <= day ? same : toDay(`${y - 1}-04-01`);
}
