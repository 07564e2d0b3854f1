/**
 * The database's own time for the work behind each endpoint: what its request asks of the database
 * — the session check every request makes (handle() → accountForSession, on a live session of the
 * same user) and then the same db/queries function the route handler calls, with the query parsed by
 * the same contract schema — in this process against DATABASE_URL (same postgres.js pool as the
 * app). A setting the route reads per request (the fiscal year's first month) is read per call here too. db/queries files `import "server-only"`, which
 * server-only.ts makes a no-op here; run.ts starts this file as
 *   <tsx> scripts/bench/direct.ts '<json args>'
 * and reads one JSON line from its stdout.
 */
import "./server-only"; // first: before anything imports db/queries
import { capture, type Statement } from "./capture"; // before anything loads postgres.js
import { existsSync } from "node:fs";
import path from "node:path";
import { BENCH_READER, ENDPOINTS, searchParamsObject, type EndpointKey } from "./endpoints";
import { connect } from "./pg";
import { warmUp, type Plan } from "./http";
import { nowMs, round, summarize, type Summary } from "./stats";

type Args = { keys: EndpointKey[]; plan: Plan };
export type Explained = {
  statements: number;
  planningMs: number;
  executionMs: number;
  failed: number;
  slowest?: { executionMs: number; sql: string; plan: string };
  firstError?: string;
};
export type DirectResult = Record<string, { available: true; summary: Summary; explain: Explained } | { available: false; reason: string }>;

type Runner = () => Promise<unknown>;

async function parse(opModule: Promise<Record<string, unknown>>, opName: string, query: string): Promise<unknown> {
  const op = (await opModule)[opName] as { query?: { parse(v: unknown): unknown } } | undefined;
  if (!op) throw new Error(`contract ${opName} not found`);
  return op.query ? op.query.parse(searchParamsObject(new URLSearchParams(query))) : undefined;
}

/** The signed-in user the API call would have (the endpoint's signInAs, else the benchmark's reader). */
async function benchUser(email: string): Promise<{ id: number; role: string | null }> {
  const { getDb } = await import("@/db");
  const { users } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const [u] = await (await getDb()).select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email} in this database`);
  return u;
}

/**
 * The session check handle() makes before every route's work: accountForSession on a live session of
 * the user the API call signs in as. The benchmark's sign-in over HTTP made that session (run.ts runs
 * this file after the API timings); its JWT is not decrypted here — that is not database work.
 */
async function sessionCheck(email: string): Promise<() => Promise<unknown>> {
  const { getDb } = await import("@/db");
  const { sessions, users } = await import("@/db/schema");
  const { and, desc, eq, isNull } = await import("drizzle-orm");
  const { accountForSession } = await import("@/db/queries/sessions");
  const [live] = await (await getDb())
    .select({ sid: sessions.id, userId: sessions.userId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(users.email, email), isNull(sessions.revokedAt)))
    .orderBy(desc(sessions.createdAt))
    .limit(1);
  if (!live) throw new Error(`no live session of ${email}: sign in over HTTP first (run.ts times the API before this)`);
  return async () => {
    if (!(await accountForSession(live))) throw new Error(`the session of ${email} is no longer live`);
  };
}

/** The call each route handler makes (see app/api/v1/<path>/route.ts). */
async function runnerFor(key: EndpointKey, query: string, signInAs = BENCH_READER): Promise<Runner> {
  switch (key) {
    case "dashboardSummary":
    case "complianceScore": {
      // app/api/v1/dashboard/{summary,score}/route.ts: fn({ fiscalYear: query.fy }).
      if (!["db/queries/dashboard.ts", "db/queries/dashboard/index.ts"].some((f) => existsSync(path.join(process.cwd(), f)))) throw new Error("db/queries/dashboard does not exist yet");
      const mod = (await import("@/db/queries/dashboard" as string)) as Record<string, ((o: object) => Promise<unknown>) | undefined>;
      const fnName = key === "dashboardSummary" ? "getDashboardSummary" : "getComplianceScoreTrend";
      const opName = key === "dashboardSummary" ? "dashboardSummary" : "complianceScore";
      const fn = mod[fnName];
      if (typeof fn !== "function") throw new Error(`db/queries/dashboard.ts has no ${fnName}`);
      const q = (await parse(import("@/lib/api/contracts/dashboard" as string), opName, query)) as { fy?: number } | undefined;
      return () => fn({ fiscalYear: q?.fy });
    }
    case "trainingStatus": {
      const { listTrainingStatus } = await import("@/db/queries/training-status");
      const q = await parse(import("@/lib/api/contracts/training-status"), "listTrainingStatus", query);
      return () => listTrainingStatus(q as never);
    }
    case "trainingStatusSummary": {
      const { getTrainingStatusSummary } = await import("@/db/queries/training-status");
      const q = await parse(import("@/lib/api/contracts/training-status"), "getTrainingStatusSummary", query);
      return () => getTrainingStatusSummary(q as never);
    }
    case "trainingRecords": {
      const { listTrainingRecords } = await import("@/db/queries/training-records");
      const { getFiscalYearStartMonth } = await import("@/db/queries/settings");
      const q = await parse(import("@/lib/api/contracts/training-records"), "listTrainingRecords", query);
      return async () => listTrainingRecords(q as never, await getFiscalYearStartMonth());
    }
    case "incidents": {
      const { listIncidents } = await import("@/db/queries/incidents");
      const q = await parse(import("@/lib/api/contracts/incidents"), "listIncidents", query);
      return () => listIncidents(q as never);
    }
    case "contractors": {
      const { listContractors } = await import("@/db/queries/contractors");
      const q = await parse(import("@/lib/api/contracts/contractors"), "listContractors", query);
      return () => listContractors(q as never);
    }
    case "findings": {
      const { listFindings } = await import("@/db/queries/audits");
      const q = await parse(import("@/lib/api/contracts/audits"), "listFindings", query);
      return () => listFindings(q as never);
    }
    case "calendarEvents": {
      // app/api/v1/calendar/events/route.ts: this month's grid unless from/to are given.
      const { listCalendarEvents } = await import("@/db/queries/calendar");
      const { monthGridRange, monthOf } = await import("@/lib/calendar/grid");
      const { todayInTokyo } = await import("@/lib/dates");
      const q = (await parse(import("@/lib/api/contracts/calendar"), "listCalendarEvents", query)) as { from?: string; to?: string; type?: never };
      const user = await benchUser(signInAs);
      return () => {
        const today = todayInTokyo();
        const grid = monthGridRange(monthOf(today));
        return listCalendarEvents(user as never, { from: q.from ?? grid.start, to: q.to ?? grid.end }, q.type, today);
      };
    }
    case "notifications": {
      const { listNotifications } = await import("@/db/queries/notifications");
      const q = await parse(import("@/lib/api/contracts/notifications"), "listNotifications", query);
      const user = await benchUser(signInAs);
      return () => listNotifications(user, q as never, "ja");
    }
    case "notificationsUnread": {
      const { unreadCount } = await import("@/db/queries/notifications");
      const user = await benchUser(signInAs);
      return () => unreadCount(user.id);
    }
    default: {
      // The other endpoints: the function their route.ts calls, with the query its contract parses.
      const s = SIMPLE[key];
      const mod = (await import(s.module)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const q = (await parse(import(s.contracts), s.op, query)) as Record<string, unknown>;
      const { getFiscalYearStartMonth } = await import("@/db/queries/settings");
      return () => s.call(mod[s.fn], q, getFiscalYearStartMonth);
    }
  }
}

/** `startMonth` reads the setting, as the few routes that need it do on each request. */
type Simple = { module: string; fn: string; contracts: string; op: string; call: (fn: (...args: unknown[]) => Promise<unknown>, q: Record<string, unknown>, startMonth: () => Promise<number>) => Promise<unknown> };
const whole: Simple["call"] = (fn, q) => fn(q);
/** As each app/api/v1/<path>/route.ts calls its function (its GET handler, without the session). */
const SIMPLE: Record<
  Exclude<
    EndpointKey,
    "dashboardSummary" | "complianceScore" | "trainingStatus" | "trainingStatusSummary" | "trainingRecords" | "incidents" | "contractors" | "findings" | "calendarEvents" | "notifications" | "notificationsUnread"
  >,
  Simple
> = {
  incidentsDue: { module: "@/db/queries/incidents", fn: "listDueNow", contracts: "@/lib/api/contracts/incidents", op: "dueIncidents", call: (fn, q) => fn(q.limit) },
  incidentStats: { module: "@/db/queries/incidents", fn: "incidentStats", contracts: "@/lib/api/contracts/incidents", op: "incidentStats", call: (fn, q) => fn(q.fy) },
  contractorStats: { module: "@/db/queries/contractors", fn: "contractorStats", contracts: "@/lib/api/contracts/contractors", op: "contractorStats", call: async (fn, q, m) => fn(q.fy, await m()) },
  audits: { module: "@/db/queries/audits", fn: "listAudits", contracts: "@/lib/api/contracts/audits", op: "listAudits", call: whole },
  auditStats: { module: "@/db/queries/audits", fn: "auditStats", contracts: "@/lib/api/contracts/audits", op: "auditStats", call: (fn, q) => fn(q.fy) },
  managementReviews: { module: "@/db/queries/management-reviews", fn: "listManagementReviews", contracts: "@/lib/api/contracts/management-reviews", op: "listManagementReviews", call: whole },
  regulations: { module: "@/db/queries/regulations", fn: "listRegulations", contracts: "@/lib/api/contracts/regulations", op: "listRegulations", call: whole },
  regulationSummary: { module: "@/db/queries/regulations", fn: "getRegulationSummary", contracts: "@/lib/api/contracts/regulations", op: "regulationSummary", call: (fn, q) => fn(q.fy) },
  employees: { module: "@/db/queries/employees", fn: "listEmployees", contracts: "@/lib/api/contracts/employees", op: "listEmployees", call: whole },
  departments: { module: "@/db/queries/departments", fn: "listDepartments", contracts: "@/lib/api/contracts/departments", op: "listDepartments", call: whole },
  courses: { module: "@/db/queries/courses", fn: "listCourses", contracts: "@/lib/api/contracts/courses", op: "listCourses", call: whole },
  pmsPosts: {
    module: "@/db/queries/pms-structure",
    fn: "listPosts",
    contracts: "@/lib/api/contracts/pms-posts",
    op: "listPmsPosts",
    call: (fn, q) => fn({ asOf: q.asOf, includeRetired: q.includeRetired === "true", vacant: q.vacant === "true" }),
  },
  registerItems: { module: "@/db/queries/register", fn: "listItems", contracts: "@/lib/api/contracts/register", op: "listRegisterItems", call: whole },
  registerRisks: { module: "@/db/queries/register-risks", fn: "listRisks", contracts: "@/lib/api/contracts/register-risks", op: "listRegisterRisks", call: whole },
  registerHeatMap: { module: "@/db/queries/register-risks", fn: "riskHeatMap", contracts: "@/lib/api/contracts/register-risks", op: "registerRiskHeatMap", call: whole },
  renewalReadiness: { module: "@/db/queries/renewal-readiness", fn: "getRenewalReadiness", contracts: "@/lib/api/contracts/renewal-readiness", op: "getRenewalReadiness", call: (fn) => fn() },
  renewalCorrespondence: { module: "@/db/queries/renewal-correspondence", fn: "getCorrespondence", contracts: "@/lib/api/contracts/renewal-readiness", op: "getRenewalCorrespondence", call: (fn) => fn() },
  pmarkCertificate: { module: "@/db/queries/pmark", fn: "getCurrentCertificate", contracts: "@/lib/api/contracts/pmark", op: "getPmarkCertificate", call: (fn) => fn() },
  requests: { module: "@/db/queries/requests", fn: "listRequests", contracts: "@/lib/api/contracts/requests", op: "listRequests", call: whole },
  provisions: { module: "@/db/queries/provisions", fn: "listProvisions", contracts: "@/lib/api/contracts/provisions", op: "listProvisions", call: whole },
  jointUses: { module: "@/db/queries/provisions", fn: "listJointUses", contracts: "@/lib/api/contracts/provisions", op: "listJointUses", call: whole },
  trainingSessions: { module: "@/db/queries/training-sessions", fn: "listTrainingSessions", contracts: "@/lib/api/contracts/training-sessions", op: "listTrainingSessions", call: async (fn, q, m) => fn(q, await m()) },
  employeePicker: { module: "@/db/queries/employees", fn: "listEmployeePickOptions", contracts: "@/lib/api/contracts/employees", op: "listEmployeePickOptions", call: whole },
  trainingEmployeeOptions: {
    module: "@/db/queries/training-records",
    fn: "listEmployeeOptions",
    contracts: "@/lib/api/contracts/training-records",
    op: "listTrainingRecordEmployeeOptions",
    call: whole,
  },
  trainingImportHistory: { module: "@/db/queries/training-import", fn: "listRecentImports", contracts: "@/lib/api/contracts/training-import", op: "importHistory", call: (fn) => fn(20) },
  registerReviews: { module: "@/db/queries/register", fn: "listReviews", contracts: "@/lib/api/contracts/register", op: "listRegisterReviews", call: whole },
  registerPurposes: { module: "@/db/queries/register", fn: "listPurposes", contracts: "@/lib/api/contracts/register", op: "listPurposesOfUse", call: (fn, q) => fn(q.includeRetired === "true") },
  assessmentTemplates: { module: "@/db/queries/assessments", fn: "listTemplates", contracts: "@/lib/api/contracts/assessment-templates", op: "listAssessmentTemplates", call: (fn, q) => fn({ all: q.all === "true" }) },
  pmsPeople: { module: "@/db/queries/pms-structure", fn: "listPeople", contracts: "@/lib/api/contracts/pms-posts", op: "listPmsPeople", call: (fn) => fn() },
  notificationDeliveries: { module: "@/db/queries/notification-outbox", fn: "listDeliveries", contracts: "@/lib/api/contracts/notifications", op: "listNotificationDeliveries", call: whole },
  users: { module: "@/db/queries/users", fn: "listUsers", contracts: "@/lib/api/contracts/users", op: "listUsers", call: whole },
};

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each statement one call sent, on a separate connection, each in a
 * transaction that is rolled back: Postgres's own planning + execution time for the endpoint's work.
 */
async function explainAll(statements: Statement[]): Promise<Explained> {
  const sql = connect(process.env.DATABASE_URL!);
  const res: Explained = { statements: 0, planningMs: 0, executionMs: 0, failed: 0 };
  class Rollback extends Error {}
  try {
    for (const st of statements) {
      if (/^\s*(begin|commit|rollback|savepoint|release|set)\b/i.test(st.query)) continue;
      res.statements++;
      try {
        await sql.begin(async (tx) => {
          const rows = await tx.unsafe(`explain (analyze, buffers, format json) ${st.query}`, st.params as never[]);
          const plan = (rows[0]["QUERY PLAN"] as { "Planning Time": number; "Execution Time": number; Plan: PlanNode }[])[0];
          res.planningMs += plan["Planning Time"];
          res.executionMs += plan["Execution Time"];
          if (!res.slowest || plan["Execution Time"] > res.slowest.executionMs) {
            res.slowest = { executionMs: round(plan["Execution Time"]), sql: st.query.replace(/\s+/g, " ").slice(0, 600), plan: planSummary(plan.Plan) };
          }
          throw new Rollback();
        });
      } catch (err) {
        if (err instanceof Rollback) continue;
        res.failed++;
        res.firstError ??= (err instanceof Error ? err.message : String(err)).slice(0, 200);
      }
    }
  } finally {
    await sql.end({ timeout: 2 });
  }
  res.planningMs = round(res.planningMs);
  res.executionMs = round(res.executionMs);
  return res;
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Actual Total Time"?: number; "Actual Rows"?: number; Plans?: PlanNode[] };

/** The top nodes of a plan, one line each: what a reader needs to see why it is slow. */
function planSummary(node: PlanNode, depth = 0, lines: string[] = []): string {
  if (lines.length < 12) {
    const rel = node["Relation Name"] ? ` on ${node["Relation Name"]}` : "";
    const idx = node["Index Name"] ? ` using ${node["Index Name"]}` : "";
    lines.push(`${"  ".repeat(depth)}${node["Node Type"]}${rel}${idx} (${round(node["Actual Total Time"] ?? 0)} ms, ${node["Actual Rows"]} rows)`);
    for (const child of node.Plans ?? []) planSummary(child, depth + 1, lines);
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? "{}") as Args;
  const out: DirectResult = {};
  const { plan } = args;
  // Every endpoint's runner: its session check, then its route's call.
  const runners = new Map<EndpointKey, Runner>();
  const checks = new Map<string, () => Promise<unknown>>();
  for (const key of args.keys) {
    const e = ENDPOINTS.find((x) => x.key === key)!;
    try {
      const email = e.signInAs ?? BENCH_READER;
      if (!checks.has(email)) checks.set(email, await sessionCheck(email));
      const check = checks.get(email)!;
      const work = await runnerFor(key, e.query, e.signInAs);
      runners.set(key, async () => {
        await check();
        return work();
      });
    } catch (err) {
      out[key] = { available: false, reason: (err instanceof Error ? err.message : String(err)).split("\n")[0].slice(0, 300) };
    }
  }
  // The same warm-up as the server's (run.ts warmUp): rounds over every endpoint before any is timed.
  await warmUp([...runners.values()], plan);
  for (const key of args.keys) {
    const run = runners.get(key);
    if (!run) continue;
    try {
      let start = nowMs();
      for (let i = 0; i < plan.warm && (i < 2 || nowMs() - start < plan.warmBudgetMs); i++) await run();
      const samples: number[] = [];
      start = nowMs();
      for (let i = 0; i < plan.n && (i < plan.minN || nowMs() - start < plan.budgetMs); i++) {
        const t0 = nowMs();
        await run();
        samples.push(nowMs() - t0);
      }
      capture.statements = [];
      capture.on = true;
      await run();
      capture.on = false;
      out[key] = { available: true, summary: summarize(samples), explain: await explainAll(capture.statements) };
    } catch (err) {
      out[key] = { available: false, reason: (err instanceof Error ? err.message : String(err)).split("\n")[0].slice(0, 300) };
    }
  }
  const { closeDb } = await import("@/db");
  await closeDb();
  process.stdout.write(`\n__BENCH_DIRECT__${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
