import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb, getDbKind, type Db } from "@/db";
import { departments } from "@/db/schema";
import { DEMO_PASSWORD, DEMO_USERS } from "@/db/seed/demo";
import { LargeSeedRefused, SeedGenerator, seedLarge } from "@/db/seed/large/seed";
import { verifyPassword } from "@/lib/auth/password";
import { contractorFlags, statusChangeProblem, type AssessmentFacts } from "@/lib/contractors/rules";
import { resultFor, weightedTotal } from "@/lib/contractors/scoring";
import { nextReviewDue } from "@/lib/regulations/due";
import type { TemplateCriterion } from "@/db/schema";
import { listRequests } from "@/db/queries/requests";
import { listJointUses, listProvisions } from "@/db/queries/provisions";
import { listTrainingSessions } from "@/db/queries/training-sessions";
import { listReviews } from "@/db/queries/register";
import { listRecentImports } from "@/db/queries/training-import";
import { listNotifications } from "@/db/queries/notifications";
import { createAppointment, listPosts } from "@/db/queries/pms-structure";
import { listRequestsQuery } from "@/lib/requests/schema";
import { listProvisionsQuery } from "@/lib/provisions/schema";
import { listSessionsQuery } from "@/lib/training/sessions-schema";
import { listReviewsQuery } from "@/lib/register/schema";
import { listNotificationsQuery } from "@/lib/notifications/schema";
import { answerProblem } from "@/lib/requests/answer";
import { requestClock } from "@/lib/requests/clock";
import { retention } from "@/lib/provisions/rules";

/**
 * The large seed (npm run db:seed -- --scale large) at a tiny factor on the test database: counts,
 * the rules the modules enforce, and the refusal on a database that holds data.
 */
const TODAY = "2026-11-24";
const FACTOR = 0.005;

async function rows<T>(db: Db, q: ReturnType<typeof sql>): Promise<T[]> {
  const r = (await db.execute(q)) as unknown as T[] | { rows: T[] };
  return Array.isArray(r) ? r : r.rows;
}

async function count(db: Db, table: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
  return r.n;
}

describe("seedLarge", () => {
  it("loads every table at the scaled counts, keeping the modules' rules", async () => {
    const db = await getDb();
    const kind = await getDbKind();
    const result = await seedLarge(db, kind, { today: TODAY, factor: FACTOR });

    // Scaled counts (rounded, at least 1; at least 8 departments, 20 employees, 4 incidents, one audit per FY).
    expect(await count(db, "departments")).toBe(8);
    expect(await count(db, "employees")).toBe(100);
    expect(await count(db, "courses")).toBe(8);
    expect(await count(db, "regulations")).toBe(2);
    expect(await count(db, "incidents")).toBe(25);
    expect(await count(db, "contractors")).toBe(10);
    expect(await count(db, "audits")).toBe(5);
    expect(await count(db, "audit_findings")).toBe(25);
    expect(await count(db, "management_reviews")).toBe(5);
    expect(await count(db, "pmark_certificates")).toBeGreaterThan(0);
    expect(await count(db, "pms_posts")).toBeGreaterThan(8);
    expect(await count(db, "training_records")).toBeGreaterThan(2000);
    expect(await count(db, "assessments")).toBeGreaterThan(20);
    // Every table holds what the seed says it wrote (the standard template version 1 comes from migration 0005).
    for (const [table, n] of Object.entries(result.counts)) expect(await count(db, table), table).toBe(table === "assessment_templates" ? n + 1 : n);

    // The four demo accounts sign in with the demo password.
    const users = await rows<{ email: string; role: string; password_hash: string; is_demo: boolean }>(db, sql`select email, role, password_hash, is_demo from users where is_demo`);
    expect(users.map((u) => [u.email, u.role]).sort()).toEqual(DEMO_USERS.map((u) => [u.email, u.role]).sort());
    expect(await verifyPassword(DEMO_PASSWORD, users[0].password_hash)).toBe(true);

    // Training: after hire, before leave, pass marks respected, one live record per employee, course and day.
    const [badRecords] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from training_records r join employees e on e.id = r.employee_id join courses c on c.id = r.course_id
          where r.completed_on <= e.hire_date or (e.leave_date is not null and r.completed_on >= e.leave_date) or r.completed_on > ${TODAY}::date
             or (c.pass_mark is null and (r.score is not null or not r.passed)) or (c.pass_mark is not null and r.passed <> (r.score >= c.pass_mark))`,
    );
    expect(badRecords.n).toBe(0);

    // Incidents: INC-<FY>-<seq>, one counter row per fiscal year holding its last number; open reportable ones with deadlines running.
    const incs = await rows<{ reference: string; fiscal_year: number; seq: number; status: string }>(db, sql`select reference, fiscal_year, seq, status from incidents`);
    for (const i of incs) expect(i.reference).toBe(`INC-${i.fiscal_year}-${String(i.seq).padStart(3, "0")}`);
    const counters = await rows<{ fiscal_year: number; last_seq: number }>(db, sql`select fiscal_year, last_seq from incident_counters order by fiscal_year`);
    const maxSeq = new Map<number, number>();
    for (const i of incs) maxSeq.set(i.fiscal_year, Math.max(maxSeq.get(i.fiscal_year) ?? 0, i.seq));
    expect(counters.map((c) => [c.fiscal_year, c.last_seq])).toEqual([...maxSeq.entries()].sort((a, b) => a[0] - b[0]));
    const [openReportable] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from incidents where status <> 'closed' and not encrypted and (sensitive_data or financial_loss or wrongful_purpose or persons_affected > 1000) and ppc_preliminary_reported_on is null`,
    );
    expect(openReportable.n).toBeGreaterThanOrEqual(3);
    const [closedWithOpenActions] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from incidents i where status = 'closed' and exists (select 1 from incident_corrective_actions a where a.incident_id = i.id and a.done_on is null and a.retired_at is null)`,
    );
    expect(closedWithOpenActions.n).toBe(0);
    const [transitionsMatch] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from incidents i where (select t.to_status from incident_transitions t where t.incident_id = i.id order by t.at desc, t.id desc limit 1) <> i.status`,
    );
    expect(transitionsMatch.n).toBe(0);

    // Audits: every lead and team member independent of the audited departments; closed audits have every nonconformity verified.
    const [notIndependent] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audits a join users u on u.id = a.lead_auditor_id where u.department_id = any(a.scope_department_ids)`,
    );
    const [teamNotIndependent] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_team_members m join audits a on a.id = m.audit_id join users u on u.id = m.user_id where u.department_id = any(a.scope_department_ids)`,
    );
    expect([notIndependent.n, teamNotIndependent.n]).toEqual([0, 0]);
    const [closedOpenNc] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audits a where a.status = 'closed' and exists (select 1 from audit_findings f where f.audit_id = a.id and f.grade in ('major_nc', 'minor_nc') and f.status <> 'verified')`,
    );
    expect(closedOpenNc.n).toBe(0);

    // Contractors: scores per template criterion give the stored total and result; approved ones were
    // assessed before the contract, except the deliberately flagged; statuses supported by the latest result.
    const templates = await rows<{ id: number; criteria: TemplateCriterion[] | string; approved_min: number; conditional_min: number; superseded_at: unknown }>(
      db,
      sql`select id, criteria, approved_min, conditional_min, superseded_at from assessment_templates where family = 'default'`,
    );
    expect(templates).toHaveLength(2);
    expect(templates.filter((t) => t.superseded_at === null)).toHaveLength(1);
    const tpl = new Map(templates.map((t) => [t.id, { ...t, criteria: (typeof t.criteria === "string" ? JSON.parse(t.criteria) : t.criteria) as TemplateCriterion[] }]));
    const assessments = await rows<{ id: number; contractor_id: number; template_id: number; assessed_on: string; scores: unknown; total_percent: number; result: "approved" | "conditional" | "rejected"; next_due_on: string }>(
      db,
      sql`select id, contractor_id, template_id, assessed_on::text, scores, total_percent, result, next_due_on::text from assessments`,
    );
    for (const a of assessments) {
      const t = tpl.get(a.template_id)!;
      const scores = (typeof a.scores === "string" ? JSON.parse(a.scores) : a.scores) as { key: string; score: number }[];
      const total = weightedTotal(t.criteria, scores, 5);
      expect(total).toBe(a.total_percent);
      expect(resultFor(total!, { approvedMin: t.approved_min, conditionalMin: t.conditional_min })).toBe(a.result);
      expect(a.next_due_on > a.assessed_on).toBe(true);
      expect(a.assessed_on <= TODAY).toBe(true);
    }
    const contractors = await rows<{ id: number; status: "candidate" | "approved" | "conditional" | "suspended" | "terminated"; contract_start: string | null; contract_end: string | null; note: string | null }>(
      db,
      sql`select id, status, contract_start::text, contract_end::text, note from contractors`,
    );
    for (const c of contractors) {
      const as: AssessmentFacts[] = assessments
        .filter((a) => a.contractor_id === c.id)
        .map((a) => ({ id: a.id, assessedOn: a.assessed_on, result: a.result, nextDueOn: a.next_due_on, withdrawn: false }));
      const flags = contractorFlags({ status: c.status, contractStart: c.contract_start, contractEnd: c.contract_end }, as, [], TODAY);
      expect(flags.includes("contract_before_assessment"), `contractor ${c.id}`).toBe(c.note !== null && c.note.includes("契約開始が評価より先行"));
      expect(flags).not.toContain("status_unsupported");
      if (c.status === "approved" || c.status === "conditional") {
        const latest = [...as].sort((x, y) => (x.assessedOn < y.assessedOn ? 1 : -1))[0] ?? null;
        expect(statusChangeProblem(c.status, latest)).toBeNull();
      }
    }

    // Regulations: the stored next review date is the one the register derives.
    const regs = await rows<{ status: "draft" | "in_force" | "retired"; effective_date: string; last_reviewed_on: string | null; review_interval_months: number; next_review_due: string | null }>(
      db,
      sql`select status, effective_date::text, last_reviewed_on::text, review_interval_months, next_review_due::text from regulations`,
    );
    for (const r of regs)
      expect(r.next_review_due).toBe(nextReviewDue({ status: r.status, effectiveDate: r.effective_date, lastReviewedOn: r.last_reviewed_on, reviewIntervalMonths: r.review_interval_months }));

    // The tables of the benchmark's later endpoints (db/seed/large/requests.ts and the sessions), at the scaled counts.
    expect(await count(db, "disclosure_requests")).toBe(8);
    expect(await count(db, "joint_uses")).toBe(2);
    expect(await count(db, "provision_records")).toBe(100);
    expect(await count(db, "register_reviews")).toBe(6);
    expect(await count(db, "training_imports")).toBe(2);
    expect(await count(db, "notifications")).toBe(100);
    expect(await count(db, "notification_deliveries")).toBe(50);
    expect(await count(db, "training_sessions")).toBeGreaterThan(10);

    // Training sessions: every classroom record belongs to the session of its course and day, nothing else does, and no session is empty.
    const [badSessions] = await rows<{ n: number }>(
      db,
      sql`select (select count(*)::int from training_records r left join training_sessions s on s.id = r.session_id
                   where (r.method = 'classroom') <> (r.session_id is not null) or (s.id is not null and (s.course_id <> r.course_id or s.held_on <> r.completed_on or s.method <> r.method)))
               + (select count(*)::int from training_sessions s where not exists (select 1 from training_records r where r.session_id = s.id)) as n`,
    );
    expect(badSessions.n).toBe(0);

    // Requests: REQ-<FY>-<seq> with a counter per FY; every answer one the service would accept; details disposed of only after the retention.
    type ReqRow = {
      reference: string; fiscal_year: number; seq: number; kind: "disclosure"; receivedOn: string; identityRequestedOn: string | null; identityCheckedOn: string | null;
      feeRequestedOn: string | null; feePaidOn: string | null; feeWaived: boolean; answeredOn: string | null; withdrawnOn: string | null; decision: "comply" | null;
      refusal_ground: null; decision_reason: string | null; disposed_on: string | null; requester_name: string | null;
    };
    const reqs = await rows<ReqRow>(
      db,
      sql`select reference, fiscal_year, seq, kind, received_on::text as "receivedOn", identity_requested_on::text as "identityRequestedOn", identity_checked_on::text as "identityCheckedOn",
                 fee_requested_on::text as "feeRequestedOn", fee_paid_on::text as "feePaidOn", fee_waived as "feeWaived", answered_on::text as "answeredOn", withdrawn_on::text as "withdrawnOn",
                 decision, refusal_ground, decision_reason, disposed_on::text, requester_name from disclosure_requests`,
    );
    const reqMax = new Map<number, number>();
    for (const r of reqs) {
      expect(r.reference).toBe(`REQ-${r.fiscal_year}-${String(r.seq).padStart(3, "0")}`);
      reqMax.set(r.fiscal_year, Math.max(reqMax.get(r.fiscal_year) ?? 0, r.seq));
      for (const day of [r.receivedOn, r.identityCheckedOn, r.feePaidOn, r.answeredOn, r.withdrawnOn, r.disposed_on]) if (day) expect(day <= TODAY).toBe(true);
      if (r.answeredOn)
        expect(answerProblem({ ...r, answeredOn: null }, { decision: r.decision!, refusalGround: r.refusal_ground, decisionReason: r.decision_reason, answeredOn: r.answeredOn }, TODAY), r.reference).toBeNull();
      if (r.disposed_on) expect(r.requester_name).toBeNull();
    }
    const reqCounters = await rows<{ fiscal_year: number; last_seq: number }>(db, sql`select fiscal_year, last_seq from disclosure_request_counters order by fiscal_year`);
    expect(reqCounters.map((c) => [c.fiscal_year, c.last_seq])).toEqual([...reqMax.entries()].sort((a, b) => a[0] - b[0]));
    expect(reqs.some((r) => !r.answeredOn && !r.withdrawnOn), "some requests open").toBe(true);
    expect(reqs.some((r) => requestClock(r, 14, TODAY).state === "answered_on_time")).toBe(true);

    // Provision records: the retention dates the service would store.
    const provs = await rows<{ ground: "consent"; record_form: "individual"; recordedOn: string; providedFrom: string; providedTo: string | null; retain_until: string | null; disposable_from: string | null; disposed_on: string | null }>(
      db,
      sql`select ground, record_form, recorded_on::text as "recordedOn", provided_from::text as "providedFrom", provided_to::text as "providedTo", retain_until::text, disposable_from::text, disposed_on::text from provision_records`,
    );
    for (const p of provs) {
      const kept = retention({ ...p, recordForm: p.record_form });
      expect([p.retain_until, p.disposable_from]).toEqual([kept?.retainUntil ?? null, kept?.disposableFrom ?? null]);
      if (p.disposed_on) expect(p.disposable_from !== null && p.disposed_on >= p.disposable_from).toBe(true);
    }

    // Notifications: some unread; deliveries point at real notifications; the app's own list queries read every table.
    const [unread] = await rows<{ n: number }>(db, sql`select count(*)::int as n from notifications where read_at is null`);
    expect(unread.n).toBeGreaterThan(0);
    expect(unread.n).toBeLessThan(10);
    const manager = (await rows<{ id: number }>(db, sql`select id from users where is_demo and role = 'privacy_manager'`))[0];
    expect((await listRequests(listRequestsQuery.parse({}), TODAY)).total).toBe(8);
    expect((await listProvisions(listProvisionsQuery.parse({}), TODAY)).total).toBeGreaterThan(90);
    expect((await listJointUses({ includeRetired: "true" })).length).toBe(2);
    expect((await listTrainingSessions(listSessionsQuery.parse({}), 4)).total).toBe(await count(db, "training_sessions"));
    expect((await listReviews(listReviewsQuery.parse({}))).total).toBe(6);
    expect((await listRecentImports()).length).toBe(2);
    expect((await listNotifications(manager, listNotificationsQuery.parse({}), "ja")).total).toBeGreaterThan(0);

    // One summary row in the audit trail; the demo seed will not add its company on top.
    const trail = await rows<{ entity: string }>(db, sql`select entity from audit_log`);
    expect(trail).toEqual([{ entity: "large_seed" }]);
    const markers = await rows<{ key: string }>(db, sql`select key from settings order by key`);
    expect(markers.map((m) => m.key)).toEqual(["demo_seeded", "large_seeded"]);

    // The identity sequences moved past the seeded ids: the app can insert.
    const [dept] = await db.insert(departments).values({ code: "D99", name: "テスト部" }).returning({ id: departments.id });
    expect(dept.id).toBe(9);
  }, 120_000);

  it("sets 兼任不可 between 個人情報保護管理者 and 監査責任者, and no appointment breaks it", async () => {
    const db = await getDb();
    const posts = await rows<{ id: number; code: string; exclusive_with: number[] }>(db, sql`select id, code, exclusive_with from pms_posts where retired_at is null order by id`);
    const byCode = new Map(posts.map((p) => [p.code, p]));
    const cpo = byCode.get("CPO")!;
    const lead = byCode.get("AUDIT-LEAD")!;
    // Both ways, and no other post excludes anything.
    expect(cpo.exclusive_with).toEqual([lead.id]);
    expect(lead.exclusive_with).toEqual([cpo.id]);
    expect(posts.filter((p) => p.exclusive_with.length > 0).map((p) => p.code).sort()).toEqual(["AUDIT-LEAD", "CPO"]);
    // Each post has holders over the five years (predecessors included): the rule has something to judge.
    const held = await rows<{ post_id: number; n: number }>(db, sql`select post_id, count(*)::int as n from pms_appointments where post_id in (${cpo.id}, ${lead.id}) group by post_id`);
    expect(held.map((h) => h.post_id).sort()).toEqual([cpo.id, lead.id].sort());

    // Nobody holds the two at once, on any day: in SQL (same user or employee, terms sharing a day) …
    const [together] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from pms_appointments a join pms_appointments b
            on a.post_id = ${cpo.id} and b.post_id = ${lead.id} and a.retired_at is null and b.retired_at is null
           and (a.user_id = b.user_id or a.employee_id = b.employee_id)
           and daterange(a.from_date, a.to_date, '[]') && daterange(b.from_date, b.to_date, '[]')`,
    );
    expect(together.n).toBe(0);
    // … and as the structure page says it (lib/regulations/exclusions.ts over every live post, at any time).
    const structure = await listPosts({ asOf: TODAY });
    expect(structure.conflicts).toEqual([]);
    expect(structure.items.find((p) => p.code === "CPO")!.exclusiveWith).toEqual([lead.id]);

    // The exclusion is live: appointing today's privacy manager as audit lead is refused, nothing written.
    const manager = structure.items.find((p) => p.code === "CPO")!.holders.find((h) => h.personType === "user")!;
    const before = await count(db, "pms_appointments");
    const actor = { id: manager.personId, email: "manager@example.com", name: manager.personName, role: "privacy_manager" as const };
    await expect(createAppointment(actor, lead.id, { personType: "user", personId: manager.personId, fromDate: TODAY, toDate: null, note: null })).rejects.toMatchObject({
      status: 409,
      messageKey: "regulations.errors.exclusivePostHeld",
    });
    expect(await count(db, "pms_appointments")).toBe(before);
  });

  it("refuses a database that already holds data", async () => {
    const db = await getDb();
    await expect(seedLarge(db, await getDbKind(), { today: TODAY, factor: FACTOR })).rejects.toBeInstanceOf(LargeSeedRefused);
    expect(await count(db, "employees")).toBe(100);
  });

  it("is deterministic for a given day and factor", () => {
    const digest = () => {
      const g = new SeedGenerator(TODAY, FACTOR, "hash", "hash");
      const out: string[] = [];
      for (const gen of [g.departmentRows(), g.userRows(), g.courseRows(), g.employeeRows(), g.trainingRows(), g.sessionRows()]) for (const r of gen) out.push(JSON.stringify(r));
      return out;
    };
    const a = digest();
    expect(digest()).toEqual(a);
    expect(a.length).toBeGreaterThan(2000);
  });
});
