import "server-only";
import { and, asc, eq, gte, ilike, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { alias, type PgSelect } from "drizzle-orm/pg-core";
import { getDb, type Tx } from "@/db";
import { departments, incidentCorrectiveActions, incidentCounters, incidentTransitions, incidents, users, type Incident, type IncidentCorrectiveAction } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError, type FieldError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import { fiscalYearMonths, fiscalYearOf, fiscalYearRange } from "@/lib/fiscal-year";
import {
  computeReportingClocks,
  FINAL_DUE_DAYS,
  FINAL_DUE_DAYS_WRONGFUL,
  lateFlags,
  PRELIMINARY_DUE_DAYS,
  reportDateProblem,
  reportingObligations,
  tokyoDateOf,
} from "@/lib/incidents/reporting";
import {
  FINAL_REPORT_ITEMS,
  INCIDENT_CATEGORIES,
  INCIDENT_SEVERITIES,
  OUTPUT_DATE_FIELDS,
  REPORT_DATE_FIELDS,
  type IncidentOutput,
  type MarkOutputMadeInput,
  type CorrectiveActionDto,
  type CorrectiveActionInput,
  type CreateIncidentInput,
  type DueItem,
  type ExportIncidentsQuery,
  type IncidentDetail,
  type IncidentDto,
  type IncidentStats,
  type ListIncidentsQuery,
  type ReportDatesInput,
  type TransitionInput,
  type UpdateCorrectiveActionInput,
  type UpdateIncidentInput,
} from "@/lib/incidents/schema";
import { OPEN_STATUSES, transitionProblem } from "@/lib/incidents/workflow";
import { env } from "@/lib/env";
import { incidentReportLimit } from "@/lib/security/request-limits";
import { recordAudit } from "./audit";
import { lockVersioned, setRetiredVersioned, updateVersioned } from "./versioned";
import { enforceRequestLimit, purgeEndedWindowsSometimes } from "./rate-limits";
import { getFiscalYearStartMonth } from "./settings";
import { listIncidentItems, setIncidentItems } from "./register-links";

const approver = alias(users, "approver");

type Row = { incident: Incident; departmentName: string | null; approverName: string | null; openActions: number };

const openActionsSql = sql<number>`(select count(*) from "incident_corrective_actions" ca where ca."incident_id" = "incidents"."id" and ca."retired_at" is null and ca."done_on" is null)`.mapWith(Number);

function toDto(r: Row, today: string): IncidentDto {
  const i = r.incident;
  const clocks = computeReportingClocks(i);
  const obligations = reportingObligations(clocks, i, today);
  const late = lateFlags(obligations);
  return {
    id: i.id,
    reference: i.reference,
    title: i.title,
    category: i.category,
    occurredAt: i.occurredAt ? i.occurredAt.toISOString() : null,
    discoveredAt: i.discoveredAt.toISOString(),
    reporterId: i.reporterId,
    reporterName: i.reporterName,
    departmentId: i.departmentId,
    departmentName: r.departmentName,
    description: i.description,
    dataInvolved: i.dataInvolved,
    personsAffected: i.personsAffected,
    sensitiveData: i.sensitiveData,
    financialLoss: i.financialLoss,
    wrongfulPurpose: i.wrongfulPurpose,
    encrypted: i.encrypted,
    severity: i.severity,
    status: i.status,
    containment: i.containment,
    ...Object.fromEntries(FINAL_REPORT_ITEMS.map((k) => [k, i[k]])),
    ...Object.fromEntries(REPORT_DATE_FIELDS.map((k) => [k, i[k]])),
    publiclyAnnouncedOn: i.publiclyAnnouncedOn,
    closedApprovedBy: i.closedApprovedBy,
    closedApprovedByName: r.approverName,
    closedApprovedAt: i.closedApprovedAt ? i.closedApprovedAt.toISOString() : null,
    discoveryDate: clocks.discoveryDate,
    reportable: clocks.reportable,
    reportableReasons: clocks.reportableReasons,
    exemption: clocks.exemption,
    exemptedReasons: clocks.exemptedReasons,
    finalReportDays: clocks.finalReportDays,
    preliminaryReportDue: clocks.preliminaryReportDue,
    finalReportDue: clocks.finalReportDue,
    pmarkPreliminaryReportDue: clocks.pmarkPreliminaryReportDue,
    pmarkFinalReportDue: clocks.pmarkFinalReportDue,
    obligations,
    ...late,
    openCorrectiveActions: r.openActions,
    retiredAt: i.retiredAt ? i.retiredAt.toISOString() : null,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  } as IncidentDto;
}

function baseSelect(db: Tx | Awaited<ReturnType<typeof getDb>>) {
  return db
    .select({ incident: incidents, departmentName: departments.name, approverName: approver.name, openActions: openActionsSql })
    .from(incidents)
    .leftJoin(departments, eq(departments.id, incidents.departmentId))
    .leftJoin(approver, eq(approver.id, incidents.closedApprovedBy));
}

/** The filters the database can apply; reportable / overdue are computed (one rule, in lib/incidents). */
function sqlFilter(q: Pick<ListIncidentsQuery, "q" | "status" | "category" | "severity" | "fy">, fyStartMonth: number): SQL {
  const where: SQL[] = [isNull(incidents.retiredAt)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(incidents.reference, like), ilike(incidents.title, like), ilike(incidents.description, like), ilike(incidents.reporterName, like))!);
  }
  if (q.status === "open") where.push(inArray(incidents.status, [...OPEN_STATUSES]));
  else if (q.status) where.push(eq(incidents.status, q.status));
  if (q.category) where.push(eq(incidents.category, q.category));
  if (q.severity) where.push(eq(incidents.severity, q.severity));
  if (q.fy) {
    const { start, end } = fiscalYearRange(q.fy, fyStartMonth);
    where.push(gte(incidents.discoveredAt, new Date(`${start}T00:00:00+09:00`)), lte(incidents.discoveredAt, new Date(`${end}T23:59:59.999+09:00`)));
  }
  return and(...where)!;
}

const STATUS_RANK: Record<string, number> = { reported: 0, investigating: 1, contained: 2, resolved: 3, closed: 4 };

/** The sort as an ORDER BY where it is a column, the id as its tie-break (in the same direction). */
function sqlOrder(sort: Exclude<ListIncidentsQuery["sort"], "nextDue">, dir: "asc" | "desc"): SQL {
  const d = sql.raw(dir === "asc" ? "asc" : "desc");
  const rank = (values: readonly string[], col: SQL) =>
    sql`case ${col} ${sql.join(values.map((v, i) => sql.raw(`when '${v}' then ${i}`)), sql` `)} end`;
  const key = {
    // JS compares strings by UTF-16 code unit: byte order for these ASCII references.
    reference: sql`${incidents.reference} collate "C"`,
    severity: rank(INCIDENT_SEVERITIES, sql`${incidents.severity}::text`),
    status: rank(Object.keys(STATUS_RANK), sql`${incidents.status}::text`),
    personsAffected: sql`${incidents.personsAffected}`,
    discoveredAt: sql`${incidents.discoveredAt}`,
  }[sort];
  return sql`${key} ${d}, ${incidents.id} ${d}`;
}

function paged<T extends PgSelect>(query: T, page: { page: number; pageSize: number } | undefined): T {
  return page ? query.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : query;
}

/** What the due list (listDueNow) and the calendar judge by the rule: the reporting facts and the report dates, no prose. */
export const judgeColumns = {
  id: incidents.id,
  discoveredAt: incidents.discoveredAt,
  sensitiveData: incidents.sensitiveData,
  financialLoss: incidents.financialLoss,
  wrongfulPurpose: incidents.wrongfulPurpose,
  encrypted: incidents.encrypted,
  personsAffected: incidents.personsAffected,
  ppcPreliminaryReportedOn: incidents.ppcPreliminaryReportedOn,
  ppcFinalReportedOn: incidents.ppcFinalReportedOn,
  pmarkPreliminaryReportedOn: incidents.pmarkPreliminaryReportedOn,
  pmarkFinalReportedOn: incidents.pmarkFinalReportedOn,
  personsNotifiedOn: incidents.personsNotifiedOn,
};

/**
 * An incident has a P-mark report late on `today`, as a condition on the incidents table (the list's
 * pmarkLate filter, renewal readiness): lib/incidents/reporting.ts has the P-mark reports due on the
 * Tokyo discovery day + 5 and + 30 (60 with a wrongful purpose); late = not made and the due day before
 * today (isPastDue). tests/integration/incidents-list-sql.test.ts compares it with the pure rule.
 */
export function pmarkReportLate(today: string): SQL {
  const day = sql`(${incidents.discoveredAt} at time zone 'Asia/Tokyo')::date`;
  return sql`((${incidents.pmarkPreliminaryReportedOn} is null and ${day} + ${PRELIMINARY_DUE_DAYS}::int < ${today}::date)
      or (${incidents.pmarkFinalReportedOn} is null and ${day} + (case when ${incidents.wrongfulPurpose} then ${FINAL_DUE_DAYS_WRONGFUL}::int else ${FINAL_DUE_DAYS}::int end) < ${today}::date))`;
}

/**
 * The ids of the incidents the query selects, in its order (all of them, or one page) and how many
 * there are, all in SQL. The derived filters and the deadline sort read the generated columns that
 * state lib/incidents/reporting.ts's rule in SQL (migration 0013): `reportable` is computeReportingClocks'
 * reportable; `next_report_due` is lateFlags' nextDue (the earliest deadline of a report not yet made,
 * null when all are made), so "overdue" (a report not made and past its deadline, isPastDue) is
 * next_report_due < today. tests/integration/incidents-list-sql.test.ts compares every filter and sort
 * with the pure rule applied to every incident.
 */
async function selectIds(q: ExportIncidentsQuery, today: string, page?: { page: number; pageSize: number }): Promise<{ ids: number[]; total: number }> {
  const db = await getDb();
  const conds: SQL[] = [sqlFilter(q, await getFiscalYearStartMonth())];
  if (q.reportable) conds.push(eq(incidents.reportable, q.reportable === "true"));
  if (q.overdue === "true") conds.push(sql`${incidents.nextReportDue} < ${today}::date`);
  else if (q.overdue === "false") conds.push(sql`(${incidents.nextReportDue} is null or ${incidents.nextReportDue} >= ${today}::date)`);
  if (q.pmarkLate) {
    const late = pmarkReportLate(today);
    conds.push(q.pmarkLate === "true" ? late : sql`not ${late}`);
  }
  const where = and(...conds)!;
  const order =
    q.sort === "nextDue"
      ? sql`coalesce(${incidents.nextReportDue}, '9999-12-31'::date) ${sql.raw(q.dir === "asc" ? "asc" : "desc")}, ${incidents.id} ${sql.raw(q.dir === "asc" ? "asc" : "desc")}`
      : sqlOrder(q.sort, q.dir);
  const rows = await paged(
    db.select({ id: incidents.id, total: sql<number>`count(*) over ()`.mapWith(Number) }).from(incidents).where(where).orderBy(order).$dynamic(),
    page,
  );
  if (rows.length || !page || page.page === 1) return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
  // Past the last page: the window count saw no row.
  const [c] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(incidents).where(where);
  return { ids: [], total: c?.n ?? 0 };
}

/** Full DTOs of the given incidents, in the given order. */
async function dtosOf(ids: number[], today: string): Promise<IncidentDto[]> {
  if (!ids.length) return [];
  const db = await getDb();
  const rows = await baseSelect(db).where(inArray(incidents.id, ids));
  const byId = new Map(rows.map((r) => [r.incident.id, r]));
  return ids.map((id) => toDto(byId.get(id)!, today));
}

/**
 * The list, filtered, sorted and paged on the server: the column filters, sorts and paging in SQL;
 * the derived filters (reportable, overdue) and the deadline sort by the pure rules on the reporting
 * facts only; full rows for the page only.
 */
export async function listIncidents(q: ListIncidentsQuery, today = todayInTokyo()) {
  const { ids, total } = await selectIds(q, today, q);
  return { items: await dtosOf(ids, today), total, page: q.page, pageSize: q.pageSize };
}

export async function listIncidentsForExport(q: ExportIncidentsQuery, today = todayInTokyo()) {
  return dtosOf((await selectIds(q, today)).ids, today);
}

async function readIncident(db: Tx | Awaited<ReturnType<typeof getDb>>, id: number, today: string): Promise<IncidentDto | null> {
  const [row] = await baseSelect(db).where(and(eq(incidents.id, id), isNull(incidents.retiredAt)));
  return row ? toDto(row, today) : null;
}

function actionDto(a: IncidentCorrectiveAction): CorrectiveActionDto {
  return {
    id: a.id,
    incidentId: a.incidentId,
    description: a.description,
    owner: a.owner,
    dueOn: a.dueOn,
    doneOn: a.doneOn,
    retiredAt: a.retiredAt ? a.retiredAt.toISOString() : null,
    version: a.version,
  };
}

export async function getIncidentDetail(id: number, today = todayInTokyo()): Promise<IncidentDetail | null> {
  const db = await getDb();
  const incident = await readIncident(db, id, today);
  if (!incident) return null;
  const [transitions, actions] = await Promise.all([
    db.select().from(incidentTransitions).where(eq(incidentTransitions.incidentId, id)).orderBy(asc(incidentTransitions.at), asc(incidentTransitions.id)),
    db
      .select()
      .from(incidentCorrectiveActions)
      .where(and(eq(incidentCorrectiveActions.incidentId, id), isNull(incidentCorrectiveActions.retiredAt)))
      .orderBy(asc(incidentCorrectiveActions.dueOn), asc(incidentCorrectiveActions.id)),
  ]);
  return {
    incident,
    transitions: transitions.map((t) => ({ id: t.id, fromStatus: t.fromStatus, toStatus: t.toStatus, actorName: t.actorName, at: t.at.toISOString(), note: t.note })),
    correctiveActions: actions.map(actionDto),
    registerItems: await listIncidentItems(id, db),
  };
}

async function assertDepartment(tx: Tx, departmentId: number | null) {
  if (departmentId === null) return;
  const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId));
  if (!d) throw new ValidationError([{ field: "departmentId", code: "unknown", messageKey: "incidents.errors.unknownDepartment" }]);
}

function reportValues(input: CreateIncidentInput) {
  return {
    title: input.title,
    category: input.category,
    occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
    discoveredAt: new Date(input.discoveredAt),
    departmentId: input.departmentId,
    description: input.description,
    dataInvolved: input.dataInvolved,
    personsAffected: input.personsAffected,
    sensitiveData: input.sensitiveData,
    financialLoss: input.financialLoss,
    wrongfulPurpose: input.wrongfulPurpose,
    encrypted: input.encrypted,
    severity: input.severity,
  };
}

/**
 * The next reference of the fiscal year: the counter row is bumped with an upsert (a row lock held
 * to the end of the transaction), so concurrent reports queue here and a rolled-back one gives its
 * number back. No max()+1, no gaps, no duplicates.
 */
async function nextReference(tx: Tx, fiscalYear: number): Promise<{ seq: number; reference: string }> {
  const [row] = await tx
    .insert(incidentCounters)
    .values({ fiscalYear, lastSeq: 1 })
    .onConflictDoUpdate({ target: incidentCounters.fiscalYear, set: { lastSeq: sql`${incidentCounters.lastSeq} + 1` } })
    .returning({ seq: incidentCounters.lastSeq });
  return { seq: row.seq, reference: `INC-${fiscalYear}-${String(row.seq).padStart(3, "0")}` };
}

/**
 * Reports an incident. Any role may, so reports are limited per user (PMS_INCIDENT_REPORTS_PER_HOUR,
 * docs/security.md "Request limits"): the count is taken first in the same transaction, so a refused
 * report (429) writes nothing and a report that fails later gives its count back.
 */
export async function createIncident(actor: SessionUser, input: CreateIncidentInput, today = todayInTokyo(), now = new Date()): Promise<IncidentDto> {
  const db = await getDb();
  const fyStart = await getFiscalYearStartMonth();
  const limit = incidentReportLimit(actor.id, env().PMS_INCIDENT_REPORTS_PER_HOUR);
  await purgeEndedWindowsSometimes(limit, { now });
  return db.transaction(async (tx) => {
    await enforceRequestLimit(limit, "problems.incidentReportLimit", { now, db: tx });
    await assertDepartment(tx, input.departmentId);
    const fiscalYear = fiscalYearOf(today, fyStart);
    const { seq, reference } = await nextReference(tx, fiscalYear);
    const [row] = await tx
      .insert(incidents)
      .values({ ...reportValues(input), reference, fiscalYear, seq, reporterId: actor.id, reporterName: actor.name, status: "reported" })
      .returning();
    await tx.insert(incidentTransitions).values({ incidentId: row.id, fromStatus: null, toStatus: "reported", actorId: actor.id, actorName: actor.name });
    if (input.registerItemIds?.length) await setIncidentItems(tx, row.id, input.registerItemIds);
    await recordAudit(tx, actor, { action: "create", entity: "incident", entityId: row.id, after: { ...row, registerItemIds: input.registerItemIds ?? [] } });
    return (await readIncident(tx, row.id, today))!;
  });
}

/** A retired incident is not found. */
const liveIncident = isNull(incidents.retiredAt);

function incidentWrite(id: number, version: number) {
  return { table: incidents, entity: "incident", id, version, where: liveIncident };
}

export async function updateIncident(actor: SessionUser, id: number, input: UpdateIncidentInput, today = todayInTokyo()): Promise<IncidentDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      ...incidentWrite(id, input.version),
      change: async (before) => {
        await assertDepartment(tx, input.departmentId);
        // A report already made cannot predate a discovery moved later.
        const discoveryDate = tokyoDateOf(input.discoveredAt);
        const errors: FieldError[] = [...REPORT_DATE_FIELDS, "publiclyAnnouncedOn" as const].filter((k) => before[k] !== null && before[k]! < discoveryDate).map(() => ({
          field: "discoveredAt",
          code: "after_report",
          messageKey: "incidents.errors.discoveryAfterReport",
        }));
        if (errors.length) throw new ValidationError(errors.slice(0, 1));
        return { ...reportValues(input), containment: input.containment, ...Object.fromEntries(FINAL_REPORT_ITEMS.map((k) => [k, input[k]])) };
      },
      // The register items of the data involved, when the edit names them (omitted: left as they are).
      afterUpdate: () => (input.registerItemIds ? setIncidentItems(tx, id, input.registerItemIds) : undefined),
    });
    return (await readIncident(tx, id, today))!;
  });
}

export async function recordReportDates(actor: SessionUser, id: number, input: ReportDatesInput, today = todayInTokyo()): Promise<IncidentDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      ...incidentWrite(id, input.version),
      change: (before) => {
        const discoveryDate = tokyoDateOf(before.discoveredAt);
        const errors: FieldError[] = [];
        for (const k of REPORT_DATE_FIELDS) {
          const v = input[k];
          const problem = v ? reportDateProblem(v, discoveryDate, today) : null;
          if (problem) errors.push({ field: k, code: problem, messageKey: `incidents.errors.${problem}` });
        }
        if (errors.length) throw new ValidationError(errors);
        return Object.fromEntries(REPORT_DATE_FIELDS.map((k) => [k, input[k]]));
      },
    });
    return (await readIncident(tx, id, today))!;
  });
}

/**
 * Marks one output of an incident as made on a day (or not made, with null): the PPC reports and the
 * notice fill the dates the clocks read, the public statement its own date. The same rule as the
 * report dates (not before the day of discovery, not in the future), the same versioned, audited write.
 */
export async function markOutputMade(actor: SessionUser, id: number, output: IncidentOutput, input: MarkOutputMadeInput, today = todayInTokyo()): Promise<IncidentDto> {
  const column = OUTPUT_DATE_FIELDS[output];
  const db = await getDb();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      ...incidentWrite(id, input.version),
      change: (before) => {
        const problem = input.madeOn ? reportDateProblem(input.madeOn, tokyoDateOf(before.discoveredAt), today) : null;
        if (problem) throw new ValidationError([{ field: "madeOn", code: problem, messageKey: `incidents.errors.${problem}` }]);
        return before[column] === input.madeOn ? null : { [column]: input.madeOn };
      },
    });
    return (await readIncident(tx, id, today))!;
  });
}

export async function transitionIncident(actor: SessionUser, id: number, input: TransitionInput, today = todayInTokyo()): Promise<IncidentDto> {
  const db = await getDb();
  const closing = input.to === "closed";
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      ...incidentWrite(id, input.version),
      change: async (before) => {
        const [{ n }] = await tx
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(incidentCorrectiveActions)
          .where(and(eq(incidentCorrectiveActions.incidentId, id), isNull(incidentCorrectiveActions.retiredAt), isNull(incidentCorrectiveActions.doneOn)));
        const problem = transitionProblem(before.status, input.to, n);
        if (problem) throw new ConflictError(`incidents.errors.${problem}`, { count: n });
        return { status: input.to, ...(closing ? { closedApprovedBy: actor.id, closedApprovedAt: new Date() } : {}) };
      },
      afterUpdate: (before) =>
        tx.insert(incidentTransitions).values({ incidentId: id, fromStatus: before.status, toStatus: input.to, actorId: actor.id, actorName: actor.name, note: input.note }),
      audit: () => ({ action: closing ? "approve" : "update" }),
    });
    return (await readIncident(tx, id, today))!;
  });
}

// ---------------------------------------------------------------------------------------------
// Corrective actions 是正処置

async function openIncidentForActions(tx: Tx, id: number): Promise<Incident> {
  const inc = await lockVersioned(tx, incidents, id, undefined, liveIncident);
  if (inc.status === "closed") throw new ConflictError("incidents.errors.closedAlready");
  return inc;
}

export async function listCorrectiveActions(incidentId: number): Promise<CorrectiveActionDto[]> {
  const detail = await getIncidentDetail(incidentId);
  if (!detail) throw new NotFoundError();
  return detail.correctiveActions;
}

export async function createCorrectiveAction(actor: SessionUser, incidentId: number, input: CorrectiveActionInput): Promise<CorrectiveActionDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await openIncidentForActions(tx, incidentId);
    const [row] = await tx.insert(incidentCorrectiveActions).values({ incidentId, ...input }).returning();
    await recordAudit(tx, actor, { action: "create", entity: "incident_corrective_action", entityId: row.id, after: row });
    return actionDto(row);
  });
}

/** An action of this incident (an open one: see openIncidentForActions). */
function actionOf(incidentId: number) {
  return { table: incidentCorrectiveActions, entity: "incident_corrective_action", where: eq(incidentCorrectiveActions.incidentId, incidentId) };
}

export async function updateCorrectiveAction(actor: SessionUser, incidentId: number, actionId: number, input: UpdateCorrectiveActionInput): Promise<CorrectiveActionDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await openIncidentForActions(tx, incidentId);
    const after = await updateVersioned(tx, actor, {
      ...actionOf(incidentId),
      // A retired action is not edited (not found); retiring it again says it is retired already (409).
      where: and(eq(incidentCorrectiveActions.incidentId, incidentId), isNull(incidentCorrectiveActions.retiredAt)),
      id: actionId,
      version: input.version,
      change: () => ({ description: input.description, owner: input.owner, dueOn: input.dueOn, doneOn: input.doneOn }),
    });
    return actionDto(after);
  });
}

/** Retire an action entered by mistake (docs/architecture-versioned-writes.md: retiring it twice is a 409). */
export async function retireCorrectiveAction(actor: SessionUser, incidentId: number, actionId: number, version: number): Promise<CorrectiveActionDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await openIncidentForActions(tx, incidentId);
    const after = await setRetiredVersioned(tx, actor, { ...actionOf(incidentId), id: actionId, version, retire: true });
    return actionDto(after);
  });
}

// ---------------------------------------------------------------------------------------------
// What is due now, and the charts

/**
 * Every report or notice not yet made, of every incident, ordered by deadline (late first). The
 * database lists them — incident_obligations(), the rule's obligations in SQL (migration 0013) — and
 * takes the first `limit`: only from the incidents whose next deadline (next_report_due, the earliest
 * deadline of what they owe) is not after the limit-th smallest one, since at least `limit` reports are
 * due by then; it counts them all from the report dates (the P-mark's two, and the PPC's two and the
 * notice when reportable). The rule itself (reportingObligations) then judges those incidents'
 * obligations for their state and days left. tests/integration/incidents-list-sql.test.ts compares the
 * list and the count with the rule's.
 */
export async function listDueNow(limit: number, today = todayInTokyo()): Promise<{ items: DueItem[]; total: number }> {
  const db = await getDb();
  const i = incidents;
  const owing = sql`${i.retiredAt} is null and ${i.nextReportDue} is not null`;
  const [owed, counted] = await Promise.all([
    db.execute(sql`
      with bound as (select ${i.nextReportDue} as due from ${i} where ${owing} order by ${i.nextReportDue} offset ${limit - 1} limit 1)
      select ${i.id} as id, o.key
      from ${i} cross join lateral incident_obligations(${i.discoveredAt}, ${i.sensitiveData}, ${i.financialLoss}, ${i.wrongfulPurpose}, ${i.encrypted},
        ${i.personsAffected}, ${i.ppcPreliminaryReportedOn}, ${i.ppcFinalReportedOn}, ${i.personsNotifiedOn}, ${i.pmarkPreliminaryReportedOn}, ${i.pmarkFinalReportedOn}) o
      where ${owing} and o.done_on is null
        and (not exists (select 1 from bound) or ${i.nextReportDue} <= (select due from bound))
      order by o.due_on, ${i.reference} collate "C", o.ord
      limit ${limit}`),
    db
      .select({
        n: sql<number>`coalesce(sum((${i.pmarkPreliminaryReportedOn} is null)::int + (${i.pmarkFinalReportedOn} is null)::int
          + case when ${i.reportable} then (${i.ppcPreliminaryReportedOn} is null)::int + (${i.ppcFinalReportedOn} is null)::int + (${i.personsNotifiedOn} is null)::int else 0 end), 0)::int`.mapWith(Number),
      })
      .from(i)
      .where(owing),
  ]);
  const total = counted[0]?.n ?? 0;
  const first = (Array.isArray(owed) ? owed : ((owed as { rows?: unknown[] }).rows ?? [])) as { id: number; key: string }[];
  if (!first.length) return { items: [], total };
  const ids = [...new Set(first.map((r) => Number(r.id)))];
  const rows = await db
    .select({ ...judgeColumns, reference: incidents.reference, title: incidents.title, severity: incidents.severity, status: incidents.status })
    .from(incidents)
    .where(inArray(incidents.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items: DueItem[] = [];
  for (const { id, key } of first) {
    const r = byId.get(Number(id))!;
    const o = reportingObligations(computeReportingClocks(r), r, today).find((x) => x.key === key);
    if (!o || o.doneOn !== null || o.daysLeft === null || o.state === "done" || o.state === "done_late") continue;
    items.push({ incidentId: r.id, reference: r.reference, title: r.title, severity: r.severity, status: r.status, key: o.key, dueOn: o.dueOn, state: o.state, daysLeft: o.daysLeft });
  }
  return { items, total };
}

export async function incidentStats(fy: number | undefined, today = todayInTokyo()): Promise<IncidentStats> {
  const db = await getDb();
  const start = await getFiscalYearStartMonth();
  const fiscalYear = fy ?? fiscalYearOf(today, start);
  const range = fiscalYearRange(fiscalYear, start);
  // Discovered in the fiscal year: its Tokyo day within the year (the months the chart shows), stated
  // as the instants from the year's first Tokyo midnight to the next year's, so incidents_discovered_idx
  // finds the year's incidents instead of every incident being converted to its day (Tokyo has no DST).
  const discoveredDay = sql`(${incidents.discoveredAt} at time zone 'Asia/Tokyo')::date`;
  const inYear = and(
    isNull(incidents.retiredAt),
    sql`${incidents.discoveredAt} >= (${range.start}::date)::timestamp at time zone 'Asia/Tokyo'`,
    sql`${incidents.discoveredAt} < (${range.end}::date + 1)::timestamp at time zone 'Asia/Tokyo'`,
  );
  const [perMonth, open, contained] = await Promise.all([
    db
      .select({ month: sql<string>`to_char(${discoveredDay}, 'YYYY-MM')`, category: incidents.category, n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(incidents)
      .where(inYear)
      .groupBy(sql`1`, incidents.category),
    db
      .select({ severity: incidents.severity, n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(incidents)
      .where(and(isNull(incidents.retiredAt), ne(incidents.status, "closed")))
      .groupBy(incidents.severity),
    // Days from discovery to the first move to "contained" (Tokyo days, never negative), for the year's incidents.
    db
      .select({
        id: incidents.id,
        reference: incidents.reference,
        days: sql<number>`greatest(0, (min(${incidentTransitions.at}) at time zone 'Asia/Tokyo')::date - ${discoveredDay})::int`.mapWith(Number),
      })
      .from(incidents)
      .innerJoin(incidentTransitions, and(eq(incidentTransitions.incidentId, incidents.id), eq(incidentTransitions.toStatus, "contained")))
      .where(inYear)
      .groupBy(incidents.id)
      .orderBy(sql`${incidents.reference} collate "C"`),
  ]);
  const months = fiscalYearMonths(fiscalYear, start).map((m) => ({ month: m.slice(0, 7), counts: Object.fromEntries(INCIDENT_CATEGORIES.map((c) => [c, 0])) as Record<string, number>, total: 0 }));
  const byMonth = new Map(months.map((m) => [m.month, m]));
  for (const r of perMonth) {
    const m = byMonth.get(r.month);
    if (m) {
      m.counts[r.category] += r.n;
      m.total += r.n;
    }
  }
  const openBySeverity = INCIDENT_SEVERITIES.map((sev) => ({ severity: sev, count: open.find((r) => r.severity === sev)?.n ?? 0 }));
  const containmentDays = contained;
  const averageContainmentDays = containmentDays.length ? Math.round((containmentDays.reduce((s, c) => s + c.days, 0) / containmentDays.length) * 10) / 10 : null;
  return { fiscalYear, months, openBySeverity, containmentDays, averageContainmentDays };
}
