import "server-only";
import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Tx } from "@/db";
import { auditFindings, auditTeamMembers, audits, departments, managementReviewActions, managementReviews, users, type Audit, type AuditFinding } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError, type FieldError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import { currentFiscalYear, fiscalYearRange } from "@/lib/fiscal-year";
import {
  allowedAuditTransitions,
  assertCanRejectVerification,
  assertCanRestoreFinding,
  assertCanRetireFinding,
  assertCanVerify,
  assertIndependent,
  AuditRuleError,
  canMoveFinding,
  FINDING_GRADES,
  fiscalQuarterOf,
  fiscalYearIndicators,
  isAuditDone,
  isFindingOverdue,
  UNVERIFIED_FINDING_STATUSES,
  latenessDueRange,
  overdueByLateness,
  transitionAudit,
  type TeamCandidate,
} from "@/lib/audits/rules";
import type {
  AuditDetail,
  AuditDto,
  AuditStats,
  CreateAuditInput,
  CreateFindingInput,
  ExportAuditsQuery,
  ExportFindingsQuery,
  FindingDto,
  ListAuditsQuery,
  ListFindingsQuery,
  RejectVerificationInput,
  RetireFindingInput,
  SetTeamInput,
  TransitionAuditInput,
  UpdateAuditInput,
  UpdateFindingInput,
  VerifyFindingInput,
} from "@/lib/audits/schema";
import { recordAudit } from "./audit";
import { setRetiredVersioned, updateVersioned, withoutVersion } from "./versioned";
import { getFiscalYearStartMonth } from "./settings";

const lead = alias(users, "lead");
const owner = alias(users, "owner");
const verifier = alias(users, "verifier");
const retirer = alias(users, "retirer");

/** A rule of lib/audits as a 4xx: a field-level refusal (400) or a state conflict (409). */
export function ruleToAppError(e: unknown): unknown {
  if (!(e instanceof AuditRuleError)) return e;
  if (e.field && e.field !== "status") return new ValidationError([{ field: e.field, code: "rule", messageKey: e.messageKey, values: e.values }]);
  return new ConflictError(e.messageKey, e.values);
}
async function rules<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw ruleToAppError(e);
  }
}

// Audits ----------------------------------------------------------------------------------------

const findingCountSql = sql<number>`(select count(*)::int from "audit_findings" f where f."audit_id" = "audits"."id" and f."retired_at" is null)`;
const openNcSql = sql<number>`(select count(*)::int from "audit_findings" f where f."audit_id" = "audits"."id" and f."retired_at" is null and f."grade" in ('major_nc','minor_nc') and f."status" <> 'verified')`;

const auditSelect = { a: audits, leadName: lead.name, findingCount: findingCountSql, openNc: openNcSql };
type AuditRow = { a: Audit; leadName: string | null; findingCount: number; openNc: number };

async function toAuditDtos(rows: AuditRow[]): Promise<AuditDto[]> {
  if (rows.length === 0) return [];
  const db = await getDb();
  const ids = rows.map((r) => r.a.id);
  const deptIds = [...new Set(rows.flatMap((r) => r.a.scopeDepartmentIds))];
  const [team, depts] = await Promise.all([
    db
      .select({ auditId: auditTeamMembers.auditId, id: users.id, name: users.name, departmentId: users.departmentId })
      .from(auditTeamMembers)
      .innerJoin(users, eq(users.id, auditTeamMembers.userId))
      .where(and(inArray(auditTeamMembers.auditId, ids), isNull(auditTeamMembers.retiredAt)))
      .orderBy(asc(auditTeamMembers.id)),
    deptIds.length ? db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, deptIds)) : Promise.resolve([]),
  ]);
  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  return rows.map(({ a, leadName, findingCount, openNc }) => ({
    id: a.id,
    fiscalYear: a.fiscalYear,
    type: a.type,
    title: a.title,
    scopeDepartmentIds: a.scopeDepartmentIds,
    scopeDepartments: a.scopeDepartmentIds.map((id) => ({ id, name: deptName.get(id) ?? String(id) })),
    scopeClauses: a.scopeClauses,
    auditee: a.auditee,
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    actualStart: a.actualStart,
    actualEnd: a.actualEnd,
    leadAuditorId: a.leadAuditorId,
    leadAuditorName: leadName,
    team: team.filter((t) => t.auditId === a.id).map(({ id, name, departmentId }) => ({ id, name, departmentId })),
    status: a.status,
    summary: a.summary,
    reportedOn: a.reportedOn,
    closedOn: a.closedOn,
    findingCount: Number(findingCount),
    openNonconformities: Number(openNc),
    allowedTransitions: [...allowedAuditTransitions(a.status)],
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  }));
}

function auditFilter(q: Pick<ListAuditsQuery, "fy" | "type" | "status" | "q">): SQL {
  const where: SQL[] = [isNull(audits.retiredAt)];
  if (q.fy) where.push(eq(audits.fiscalYear, q.fy));
  if (q.type) where.push(eq(audits.type, q.type));
  if (q.status) where.push(eq(audits.status, q.status));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(audits.title, like), ilike(audits.auditee, like), ilike(audits.summary, like))!);
  }
  return and(...where)!;
}

function auditOrder(q: Pick<ListAuditsQuery, "sort" | "dir">): SQL[] {
  const dir = q.dir === "desc" ? desc : asc;
  const col = { plannedStart: audits.plannedStart, title: audits.title, type: audits.type, status: audits.status, fiscalYear: audits.fiscalYear }[q.sort];
  return [dir(col), asc(audits.plannedStart), asc(audits.id)];
}

export async function listAudits(q: ListAuditsQuery) {
  const db = await getDb();
  const cond = auditFilter(q);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select(auditSelect)
      .from(audits)
      .leftJoin(lead, eq(lead.id, audits.leadAuditorId))
      .where(cond)
      .orderBy(...auditOrder(q))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(audits).where(cond),
  ]);
  return { items: await toAuditDtos(rows), total: Number(n), page: q.page, pageSize: q.pageSize };
}

export async function listAuditsForExport(q: ExportAuditsQuery) {
  const db = await getDb();
  const rows = await db.select(auditSelect).from(audits).leftJoin(lead, eq(lead.id, audits.leadAuditorId)).where(auditFilter(q)).orderBy(...auditOrder(q));
  return toAuditDtos(rows);
}

export async function getAudit(id: number): Promise<AuditDto | null> {
  const db = await getDb();
  const rows = await db
    .select(auditSelect)
    .from(audits)
    .leftJoin(lead, eq(lead.id, audits.leadAuditorId))
    .where(and(eq(audits.id, id), isNull(audits.retiredAt)));
  return rows.length ? (await toAuditDtos(rows))[0] : null;
}

export async function getAuditDetail(id: number, today = todayInTokyo()): Promise<AuditDetail | null> {
  const audit = await getAudit(id);
  if (!audit) return null;
  // Retired findings come too (marked retired): the audit page lists them apart, with a restore button.
  const { items } = await listFindings({ audit: id, includeRetired: true, page: 1, pageSize: 200, sort: "createdAt", dir: "asc" }, today);
  return { audit, findings: items };
}

async function candidates(tx: Tx, ids: number[]): Promise<(TeamCandidate & { name: string })[]> {
  if (ids.length === 0) return [];
  const rows = await tx.select({ userId: users.id, name: users.name, departmentId: users.departmentId, active: users.active }).from(users).where(inArray(users.id, ids));
  const errors: FieldError[] = [];
  for (const id of ids) {
    const r = rows.find((x) => x.userId === id);
    if (!r || !r.active) errors.push({ field: "team", code: "unknown", messageKey: "audits.errors.unknownUser" });
  }
  if (errors.length) throw new ValidationError(errors.slice(0, 1));
  return ids.map((id) => rows.find((r) => r.userId === id)!);
}

async function assertDepartments(tx: Tx, ids: number[]) {
  if (ids.length === 0) return;
  const rows = await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids));
  if (rows.length !== ids.length) throw new ValidationError([{ field: "scopeDepartmentIds", code: "unknown", messageKey: "audits.errors.unknownDepartment" }]);
}

async function checkTeam(tx: Tx, scope: number[], leadId: number | null, teamIds: number[]) {
  const [leadRow] = leadId === null ? [null] : await candidates(tx, [leadId]).catch(() => {
    throw new ValidationError([{ field: "leadAuditorId", code: "unknown", messageKey: "audits.errors.unknownUser" }]);
  });
  const team = await candidates(tx, teamIds.filter((id) => id !== leadId));
  await rules(() => assertIndependent(scope, leadRow ?? null, team));
}

export async function createAudit(actor: SessionUser, input: CreateAuditInput): Promise<AuditDto> {
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    await assertDepartments(tx, input.scopeDepartmentIds);
    const teamIds = [...new Set(input.teamUserIds)].filter((u) => u !== input.leadAuditorId);
    await checkTeam(tx, input.scopeDepartmentIds, input.leadAuditorId, teamIds);
    const { teamUserIds: _team, ...values } = input;
    void _team;
    const [row] = await tx.insert(audits).values({ ...values, createdBy: actor.id }).returning();
    if (teamIds.length) await tx.insert(auditTeamMembers).values(teamIds.map((userId) => ({ auditId: row.id, userId })));
    await recordAudit(tx, actor, { action: "create", entity: "audit", entityId: row.id, after: { ...row, teamUserIds: teamIds } });
    return row.id;
  });
  return (await getAudit(id))!;
}

/** A retired audit is not found (it can only be retired while planned, and is not restored). */
const liveAudit = isNull(audits.retiredAt);

/** An edit of a live audit by the client's version (entity: what the audit trail calls it). */
function auditWrite(id: number, version: number, entity = "audit") {
  return { table: audits, entity, id, version, where: liveAudit };
}

async function activeTeamIds(tx: Tx, auditId: number): Promise<number[]> {
  const rows = await tx
    .select({ userId: auditTeamMembers.userId })
    .from(auditTeamMembers)
    .where(and(eq(auditTeamMembers.auditId, auditId), isNull(auditTeamMembers.retiredAt)));
  return rows.map((r) => r.userId);
}

export async function updateAudit(actor: SessionUser, id: number, input: UpdateAuditInput): Promise<AuditDto> {
  const db = await getDb();
  await db.transaction((tx) =>
    updateVersioned(tx, actor, {
      ...auditWrite(id, input.version),
      change: async (before) => {
        if (before.status === "closed") throw new ConflictError("audits.errors.closed");
        await assertDepartments(tx, input.scopeDepartmentIds);
        await checkTeam(tx, input.scopeDepartmentIds, input.leadAuditorId, await activeTeamIds(tx, id));
        const values = withoutVersion(input);
        return values;
      },
      // The lead is not also a team member.
      afterUpdate: async () => {
        if (input.leadAuditorId !== null)
          await tx
            .update(auditTeamMembers)
            .set({ retiredAt: new Date() })
            .where(and(eq(auditTeamMembers.auditId, id), eq(auditTeamMembers.userId, input.leadAuditorId), isNull(auditTeamMembers.retiredAt)));
      },
    }),
  );
  return (await getAudit(id))!;
}

export async function setAuditTeam(actor: SessionUser, id: number, input: SetTeamInput): Promise<AuditDto> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    let current: number[] = [];
    let wanted: number[] = [];
    await updateVersioned(tx, actor, {
      ...auditWrite(id, input.version, "audit_team"),
      change: async (before) => {
        if (before.status === "closed") throw new ConflictError("audits.errors.closed");
        wanted = [...new Set(input.teamUserIds)].filter((u) => u !== before.leadAuditorId);
        await checkTeam(tx, before.scopeDepartmentIds, before.leadAuditorId, wanted);
        current = await activeTeamIds(tx, id);
        const removed = current.filter((u) => !wanted.includes(u));
        const added = wanted.filter((u) => !current.includes(u));
        if (removed.length)
          await tx
            .update(auditTeamMembers)
            .set({ retiredAt: new Date() })
            .where(and(eq(auditTeamMembers.auditId, id), inArray(auditTeamMembers.userId, removed), isNull(auditTeamMembers.retiredAt)));
        if (added.length) await tx.insert(auditTeamMembers).values(added.map((userId) => ({ auditId: id, userId })));
        // The audit's own columns stay; its version moves (the team is part of what the client saw).
        return {};
      },
      audit: (_before, after) => ({ before: { teamUserIds: current }, after: { teamUserIds: wanted, version: after.version } }),
    });
  });
  return (await getAudit(id))!;
}

export async function transitionAuditStatus(actor: SessionUser, id: number, input: TransitionAuditInput, today = todayInTokyo()): Promise<AuditDto> {
  const db = await getDb();
  await db.transaction((tx) =>
    updateVersioned(tx, actor, {
      ...auditWrite(id, input.version),
      change: async (before) => {
        const findings = await tx
          .select({ grade: auditFindings.grade, status: auditFindings.status, dueDate: auditFindings.dueDate })
          .from(auditFindings)
          .where(and(eq(auditFindings.auditId, id), isNull(auditFindings.retiredAt)));
        return rules(() => transitionAudit(before, input.to, input.on ?? today, findings));
      },
    }),
  );
  return (await getAudit(id))!;
}

/** Only a planned audit is retired (docs/architecture-versioned-writes.md: retiring it twice is a 409); it is not restored. */
export async function retireAudit(actor: SessionUser, id: number, version: number): Promise<AuditDto> {
  const db = await getDb();
  const after = await db.transaction((tx) =>
    setRetiredVersioned(tx, actor, {
      table: audits,
      entity: "audit",
      id,
      version,
      retire: true,
      check: (before) => {
        if (before.status !== "planned") throw new ConflictError("audits.errors.retireOnlyPlanned");
      },
    }),
  );
  // Read after the transaction (one connection on the embedded database).
  const [dto] = await toAuditDtos([{ a: after, leadName: null, findingCount: 0, openNc: 0 }]);
  return dto;
}

// Findings --------------------------------------------------------------------------------------

const findingSelect = {
  f: auditFindings,
  auditTitle: audits.title,
  auditFiscalYear: audits.fiscalYear,
  departmentName: departments.name,
  ownerUserName: owner.name,
  verifierName: verifier.name,
  retirerName: retirer.name,
};
type FindingRow = {
  f: AuditFinding;
  auditTitle: string;
  auditFiscalYear: number;
  departmentName: string | null;
  ownerUserName: string | null;
  verifierName: string | null;
  retirerName: string | null;
};

function findingDto(r: FindingRow, today: string): FindingDto {
  const f = r.f;
  return {
    id: f.id,
    auditId: f.auditId,
    auditTitle: r.auditTitle,
    auditFiscalYear: r.auditFiscalYear,
    clauseRef: f.clauseRef,
    grade: f.grade,
    departmentId: f.departmentId,
    departmentName: r.departmentName,
    description: f.description,
    correctiveAction: f.correctiveAction,
    ownerUserId: f.ownerUserId,
    ownerName: f.ownerName,
    ownerLabel: r.ownerUserName ?? f.ownerName ?? "",
    dueDate: f.dueDate,
    status: f.status,
    doneOn: f.doneOn,
    verifiedOn: f.verifiedOn,
    verifiedByName: r.verifierName,
    verificationNote: f.verificationNote,
    // A retired finding is out of every count, "overdue" included.
    overdue: f.retiredAt === null && isFindingOverdue(f, today),
    retiredAt: f.retiredAt ? f.retiredAt.toISOString() : null,
    retiredByName: f.retiredAt ? r.retirerName : null,
    retireReason: f.retiredAt ? f.retireReason : null,
    version: f.version,
    createdAt: f.createdAt.toISOString(),
  };
}

function findingFilter(q: Pick<ListFindingsQuery, "audit" | "fy" | "grade" | "status" | "department" | "overdue" | "late" | "includeRetired">, today: string): SQL {
  const where: SQL[] = [isNull(audits.retiredAt)];
  if (q.includeRetired !== true) where.push(isNull(auditFindings.retiredAt));
  if (q.audit) where.push(eq(auditFindings.auditId, q.audit));
  if (q.fy) where.push(eq(audits.fiscalYear, q.fy));
  if (q.grade) where.push(eq(auditFindings.grade, q.grade));
  if (q.status === "unverified") where.push(inArray(auditFindings.status, [...UNVERIFIED_FINDING_STATUSES]));
  else if (q.status) where.push(eq(auditFindings.status, q.status));
  if (q.department) where.push(eq(auditFindings.departmentId, q.department));
  if (q.overdue === true) where.push(and(inArray(auditFindings.status, ["open", "action_planned"]), lt(auditFindings.dueDate, today))!);
  if (q.overdue === false)
    where.push(or(inArray(auditFindings.status, ["done", "verified"]), isNull(auditFindings.dueDate), sql`${auditFindings.dueDate} >= ${today}`)!);
  if (q.late) {
    const r = latenessDueRange(q.late, today);
    where.push(inArray(auditFindings.status, ["open", "action_planned"]), lte(auditFindings.dueDate, r.to));
    if (r.from) where.push(gte(auditFindings.dueDate, r.from));
  }
  return and(...where)!;
}

function findingOrder(q: Pick<ListFindingsQuery, "sort" | "dir">): SQL[] {
  const dir = q.dir === "desc" ? desc : asc;
  const col = { dueDate: auditFindings.dueDate, grade: auditFindings.grade, status: auditFindings.status, auditTitle: audits.title, createdAt: auditFindings.createdAt }[q.sort];
  const nulls = q.sort === "dueDate" ? [sql`${auditFindings.dueDate} is null`] : [];
  return [...nulls, dir(col), asc(auditFindings.id)];
}

function findingQuery(db: Awaited<ReturnType<typeof getDb>> | Tx) {
  return db
    .select(findingSelect)
    .from(auditFindings)
    .innerJoin(audits, eq(audits.id, auditFindings.auditId))
    .leftJoin(departments, eq(departments.id, auditFindings.departmentId))
    .leftJoin(owner, eq(owner.id, auditFindings.ownerUserId))
    .leftJoin(verifier, eq(verifier.id, auditFindings.verifiedBy))
    .leftJoin(retirer, eq(retirer.id, auditFindings.retiredBy));
}

export async function listFindings(q: ListFindingsQuery, today = todayInTokyo()) {
  const db = await getDb();
  const [rows, total] = await Promise.all([
    findingQuery(db)
      .where(findingFilter(q, today))
      .orderBy(...findingOrder(q))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countFindings(q, today),
  ]);
  return { items: rows.map((r) => findingDto(r, today)), total, page: q.page, pageSize: q.pageSize };
}

/** How many findings the list's filter selects: the list's total, without reading a page (renewal readiness). */
export async function countFindings(q: Parameters<typeof findingFilter>[0], today = todayInTokyo()): Promise<number> {
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(auditFindings).innerJoin(audits, eq(audits.id, auditFindings.auditId)).where(findingFilter(q, today));
  return Number(n);
}

export async function listFindingsForExport(q: ExportFindingsQuery, today = todayInTokyo()) {
  const db = await getDb();
  const rows = await findingQuery(db).where(findingFilter(q, today)).orderBy(...findingOrder(q));
  return rows.map((r) => findingDto(r, today));
}

async function loadFinding(tx: Tx, id: number, today: string): Promise<FindingDto> {
  const [row] = await findingQuery(tx).where(eq(auditFindings.id, id));
  return findingDto(row, today);
}

async function assertFindingRefs(tx: Tx, input: { departmentId: number | null; ownerUserId: number | null }) {
  const errors: FieldError[] = [];
  if (input.departmentId !== null) {
    const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
    if (!d) errors.push({ field: "departmentId", code: "unknown", messageKey: "audits.errors.unknownDepartment" });
  }
  if (input.ownerUserId !== null) {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.ownerUserId));
    if (!u) errors.push({ field: "ownerUserId", code: "unknown", messageKey: "audits.errors.unknownUser" });
  }
  if (errors.length) throw new ValidationError(errors);
}

export async function createFinding(actor: SessionUser, input: CreateFindingInput, today = todayInTokyo()): Promise<FindingDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [audit] = await tx.select().from(audits).where(and(eq(audits.id, input.auditId), isNull(audits.retiredAt))).for("update");
    if (!audit) throw new ValidationError([{ field: "auditId", code: "unknown", messageKey: "findings.errors.unknownAudit" }]);
    if (audit.status === "closed" || audit.status === "planned") throw new ConflictError(audit.status === "closed" ? "audits.errors.closed" : "findings.errors.auditNotStarted");
    await assertFindingRefs(tx, input);
    const [row] = await tx
      .insert(auditFindings)
      .values({ ...input, ownerName: input.ownerUserId === null ? input.ownerName : null, status: input.correctiveAction ? "action_planned" : "open" })
      .returning();
    await recordAudit(tx, actor, { action: "create", entity: "audit_finding", entityId: row.id, after: row });
    return loadFinding(tx, row.id, today);
  });
}

/** A retired finding is not found, except to restore it (or to say it is retired already). */
const liveFinding = isNull(auditFindings.retiredAt);

async function findingAuditStatus(tx: Tx, auditId: number) {
  const [a] = await tx.select({ status: audits.status }).from(audits).where(and(eq(audits.id, auditId), isNull(audits.retiredAt)));
  if (!a) throw new NotFoundError();
  return a.status;
}

/**
 * The owner and done date of a corrective action (an audit finding, a management review's action):
 * a name typed in is kept only without a user; done keeps its day (today when none is given).
 */
export function ownerAndDoneOn(
  input: { ownerUserId: number | null; ownerName: string | null; status: string; doneOn?: string | null },
  before: { doneOn: string | null },
  today: string,
) {
  return {
    ownerName: input.ownerUserId === null ? input.ownerName : null,
    doneOn: input.status === "done" ? (input.doneOn ?? before.doneOn ?? today) : null,
  };
}

function findingUpdate(id: number, version: number) {
  return { table: auditFindings, entity: "audit_finding", id, version, where: liveFinding };
}

export async function updateFinding(actor: SessionUser, id: number, input: UpdateFindingInput, today = todayInTokyo()): Promise<FindingDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      ...findingUpdate(id, input.version),
      change: async (before) => {
        if (before.status === "verified") throw new ConflictError("findings.errors.alreadyVerified");
        if (!canMoveFinding(before.status, input.status)) throw new ConflictError("findings.errors.badStatus");
        await assertFindingRefs(tx, input);
        return { ...withoutVersion(input), ...ownerAndDoneOn(input, before, today) };
      },
    });
    return loadFinding(tx, id, today);
  });
}

export async function verifyFinding(actor: SessionUser, id: number, input: VerifyFindingInput, today = todayInTokyo()): Promise<FindingDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      ...findingUpdate(id, input.version),
      change: async (before) => {
        await rules(() => assertCanVerify(before, actor.id));
        const verifiedOn = input.verifiedOn ?? today;
        if (before.doneOn && verifiedOn < before.doneOn)
          throw new ValidationError([{ field: "verifiedOn", code: "invalid", messageKey: "findings.errors.verifiedBeforeDone" }]);
        return { status: "verified" as const, verifiedOn, verifiedBy: actor.id, verificationNote: input.note };
      },
      audit: () => ({ action: "approve" }),
    });
    return loadFinding(tx, id, today);
  });
}

/**
 * Sends a done correction back to action_planned (not effective): by an auditor or the privacy
 * manager who is not the finding's owner; the reason becomes the verification note.
 */
export async function rejectFindingVerification(actor: SessionUser, id: number, input: RejectVerificationInput, today = todayInTokyo()): Promise<FindingDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      ...findingUpdate(id, input.version),
      change: async (before) => ({ status: await rules(() => assertCanRejectVerification(before, actor.id)), doneOn: null, verificationNote: input.reason }),
      audit: (before, after) => ({ before, after: { ...after, verificationRejected: true, rejectionReason: input.reason } }),
    });
    return loadFinding(tx, id, today);
  });
}

/** Retires a finding recorded by mistake, with the reason; it is kept and can be restored (a repeat is a 409). */
export async function retireFinding(actor: SessionUser, id: number, input: RetireFindingInput, today = todayInTokyo()): Promise<FindingDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await setRetiredVersioned(tx, actor, {
      ...findingRetirement(tx, id, input.version, true),
      set: () => ({ retiredBy: actor.id, retireReason: input.reason }),
    });
    return loadFinding(tx, id, today);
  });
}

export async function restoreFinding(actor: SessionUser, id: number, version: number, today = todayInTokyo()): Promise<FindingDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await setRetiredVersioned(tx, actor, {
      ...findingRetirement(tx, id, version, false),
      set: () => ({ retiredBy: null, retireReason: null }),
    });
    return loadFinding(tx, id, today);
  });
}

/** Retire/restore of a finding: the audit's state decides (lib/audits/rules). */
function findingRetirement(tx: Tx, id: number, version: number, retire: boolean) {
  return {
    table: auditFindings,
    entity: "audit_finding",
    id,
    version,
    retire,
    messages: { alreadyRetired: "findings.errors.alreadyRetired", notRetired: "findings.errors.notRetired" },
    check: async (before: AuditFinding) => {
      const auditStatus = await findingAuditStatus(tx, before.auditId);
      const finding = { retired: before.retiredAt !== null };
      await rules(() => (retire ? assertCanRetireFinding(finding, auditStatus) : assertCanRestoreFinding(finding, auditStatus)));
    },
  };
}

// Stats -----------------------------------------------------------------------------------------

export async function auditStats(fyIn: number | undefined, today = todayInTokyo()): Promise<AuditStats> {
  const db = await getDb();
  const startMonth = await getFiscalYearStartMonth();
  const fy = fyIn ?? currentFiscalYear(today, startMonth);
  const { start, end } = fiscalYearRange(fy, startMonth);
  const [fyAudits, findings, reviews, overdueReviewDues] = await Promise.all([
    db
      .select({ type: audits.type, status: audits.status, plannedStart: audits.plannedStart, actualEnd: audits.actualEnd })
      .from(audits)
      .where(and(eq(audits.fiscalYear, fy), isNull(audits.retiredAt))),
    db
      .select({ grade: auditFindings.grade, status: auditFindings.status, dueDate: auditFindings.dueDate })
      .from(auditFindings)
      .innerJoin(audits, eq(audits.id, auditFindings.auditId))
      .where(and(eq(audits.fiscalYear, fy), isNull(auditFindings.retiredAt), isNull(audits.retiredAt))),
    db
      .select({ heldOn: managementReviews.heldOn })
      .from(managementReviews)
      .where(and(isNull(managementReviews.retiredAt), sql`${managementReviews.heldOn} between ${start} and ${end}`)),
    db
      .select({ dueDate: managementReviewActions.dueDate })
      .from(managementReviewActions)
      .innerJoin(managementReviews, eq(managementReviews.id, managementReviewActions.reviewId))
      .where(
        and(
          isNull(managementReviewActions.retiredAt),
          isNull(managementReviews.retiredAt),
          eq(managementReviewActions.status, "open"),
          lt(managementReviewActions.dueDate, today),
        ),
      ),
  ]);
  const quarters = [1, 2, 3, 4].map((quarter) => ({ quarter, planned: 0, done: 0 }));
  for (const a of fyAudits) {
    const q = fiscalQuarterOf(a.plannedStart, fy, startMonth);
    if (q) quarters[q - 1].planned++;
    if (isAuditDone(a.status)) {
      const dq = fiscalQuarterOf(a.actualEnd ?? a.plannedStart, fy, startMonth) ?? q;
      if (dq) quarters[dq - 1].done++;
    }
  }
  const findingsByGrade = FINDING_GRADES.map((grade) => {
    const of = findings.filter((f) => f.grade === grade);
    return {
      grade,
      open: of.filter((f) => f.status === "open").length,
      action_planned: of.filter((f) => f.status === "action_planned").length,
      done: of.filter((f) => f.status === "done").length,
      verified: of.filter((f) => f.status === "verified").length,
    };
  });
  // Overdue corrective actions: across every year (an old one still open is the most urgent).
  const overdueFindingDues = await db
    .select({ dueDate: auditFindings.dueDate })
    .from(auditFindings)
    .innerJoin(audits, eq(audits.id, auditFindings.auditId))
    .where(
      and(
        isNull(auditFindings.retiredAt),
        isNull(audits.retiredAt),
        inArray(auditFindings.status, ["open", "action_planned"]),
        isNotNull(auditFindings.dueDate),
        lt(auditFindings.dueDate, today),
      ),
    );
  const dues = (rows: { dueDate: string | null }[]) => rows.flatMap((r) => (r.dueDate ? [r.dueDate] : []));
  return {
    today,
    fiscalYear: fy,
    quarters,
    findingsByGrade,
    overdueActions: overdueFindingDues.length,
    overdueReviewActions: overdueReviewDues.length,
    overdueByLateness: overdueByLateness(dues(overdueFindingDues), dues(overdueReviewDues), today),
    indicators: fiscalYearIndicators(fyAudits, reviews, today),
  };
}

/** Users to pick as lead / team / owner (active sign-in users with their department). */
export async function listAuditPeople() {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, role: users.role, departmentId: users.departmentId })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.id));
}

/** Departments to choose as scope (not retired), in code order. */
export async function listAuditDepartments() {
  const db = await getDb();
  return db.select({ id: departments.id, name: departments.name }).from(departments).where(isNull(departments.retiredAt)).orderBy(asc(departments.code));
}
