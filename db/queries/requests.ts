import "server-only";
import { and, asc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db";
import { disclosureRequestCounters, disclosureRequestItems, disclosureRequests, registerItems, type DisclosureRequest } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import { fiscalYearOf, fiscalYearRange } from "@/lib/fiscal-year";
import { answerProblem, requestDisposableFrom } from "@/lib/requests/answer";
import { requestClock, requestStage } from "@/lib/requests/clock";
import { FEE_KINDS, feeAllowed, feeAmount, feeProblem } from "@/lib/requests/fee";
import {
  DEFAULT_REQUEST_SETTINGS,
  requestSettingsSchema,
  type AnswerRequestInput,
  type CreateRequestInput,
  type ExportRequestsQuery,
  type FeeInput,
  type IdentityInput,
  type ListRequestsQuery,
  type RequestDto,
  type PublicRequestInput,
  type PublicRequestReceipt,
  type RequestSettings,
  type UpdateRequestInput,
  type WithdrawInput,
} from "@/lib/requests/schema";
import { publicRequestLimit } from "@/lib/security/request-limits";
import { recordAudit } from "./audit";
import { enforceRequestLimit, purgeEndedWindowsSometimes } from "./rate-limits";
import { getFiscalYearStartMonth, keyedSetting } from "./settings";
import { setRetiredVersioned, updateVersioned, withoutVersion } from "./versioned";

/**
 * Requests from individuals 開示等請求 (docs/domain.md §7). The stage, the clock, the fee with its tax
 * and the retention are computed on every read by lib/requests; the list's derived filters (stage,
 * late, disposable) and its due-date sort state the same rules in SQL (requestSql), so a page reads
 * and judges only its own rows.
 *
 * A request is itself personal data: the audit trail records what was done to it without the
 * requester's details (REDACTED below), so that disposing of them at the end of the retention leaves
 * them nowhere.
 */

const settingsKey = keyedSetting(
  "requests",
  (value): RequestSettings => {
    const parsed = requestSettingsSchema.safeParse(value);
    return parsed.success ? parsed.data : DEFAULT_REQUEST_SETTINGS;
  },
  (v) => v,
  DEFAULT_REQUEST_SETTINGS,
);

export async function getRequestSettings(): Promise<RequestSettings & { version: number }> {
  const { value, version } = await settingsKey.get();
  return { ...value, version };
}

export async function updateRequestSettings(actor: SessionUser, input: RequestSettings & { version: number }) {
  const { value, version } = await settingsKey.update(actor, requestSettingsSchema.parse(input), input.version);
  return { ...value, version };
}

/** Fields with the requester's own words and details: never written to the audit trail. */
const PERSONAL = ["requesterName", "requesterContact", "requesterAddress", "agentName", "agentRelationship", "details", "decisionReason", "answerNote"] as const;

function forAudit(row: DisclosureRequest | null | undefined) {
  if (!row) return row;
  const copy: Record<string, unknown> = { ...row };
  for (const k of PERSONAL) if (copy[k] !== null && copy[k] !== undefined) copy[k] = "[personal]";
  return copy;
}

type ItemRef = { id: number; code: string; name: string };

function toDto(r: DisclosureRequest, items: ItemRef[], s: RequestSettings, today: string): RequestDto {
  const clock = requestClock(r, s.targetDays, today);
  const fee = r.feeExclTax !== null ? feeAmount(r.feeExclTax, r.feeTaxRatePercent ?? s.taxRatePercent) : null;
  const disposableFrom = r.disposedOn ? null : requestDisposableFrom(r, s.retentionMonths);
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    channel: r.channel,
    receivedOn: r.receivedOn,
    requesterName: r.requesterName,
    requesterContact: r.requesterContact,
    requesterAddress: r.requesterAddress,
    viaAgent: r.viaAgent,
    agentName: r.agentName,
    agentRelationship: r.agentRelationship,
    details: r.details,
    disclosureMethod: r.disclosureMethod,
    registerItems: items,
    identityRequestedOn: r.identityRequestedOn,
    identityCheckedOn: r.identityCheckedOn,
    identityMethod: r.identityMethod,
    identityCheckedBy: r.identityCheckedBy,
    feeAllowed: feeAllowed(r.kind),
    feeExclTax: r.feeExclTax,
    feeTaxRatePercent: fee ? fee.ratePercent : null,
    feeTax: fee ? fee.tax : null,
    feeInclTax: fee ? fee.inclTax : null,
    feeEstimatedOn: r.feeEstimatedOn,
    feeRequestedOn: r.feeRequestedOn,
    feePaidOn: r.feePaidOn,
    feeWaived: r.feeWaived,
    decision: r.decision,
    refusalGround: r.refusalGround,
    decisionReason: r.decisionReason,
    answeredOn: r.answeredOn,
    answerMethod: r.answerMethod,
    answerNote: r.answerNote,
    withdrawnOn: r.withdrawnOn,
    disposedOn: r.disposedOn,
    stage: requestStage(r),
    dueOn: clock.dueOn,
    targetDays: clock.targetDays,
    pausedDays: clock.pausedDays,
    pauses: clock.pauses,
    paused: clock.paused,
    clockState: clock.state,
    daysLeft: clock.daysLeft,
    late: clock.late,
    disposableFrom,
    disposable: disposableFrom !== null && today >= disposableFrom,
    retiredAt: r.retiredAt ? r.retiredAt.toISOString() : null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function itemsOf(db: DbOrTx, ids: number[]): Promise<Map<number, ItemRef[]>> {
  const map = new Map<number, ItemRef[]>();
  if (!ids.length) return map;
  const rows = await db
    .select({ requestId: disclosureRequestItems.requestId, id: registerItems.id, code: registerItems.code, name: registerItems.name })
    .from(disclosureRequestItems)
    .innerJoin(registerItems, eq(registerItems.id, disclosureRequestItems.registerItemId))
    .where(inArray(disclosureRequestItems.requestId, ids))
    .orderBy(asc(registerItems.code));
  for (const r of rows) map.set(r.requestId, [...(map.get(r.requestId) ?? []), { id: r.id, code: r.code, name: r.name }]);
  return map;
}

/** The live register items, for choosing the ones a request or a provision concerns (read-only use of the register). */
export async function listRegisterItemOptions(): Promise<ItemRef[]> {
  const db = await getDb();
  return db.select({ id: registerItems.id, code: registerItems.code, name: registerItems.name }).from(registerItems).where(isNull(registerItems.retiredAt)).orderBy(asc(registerItems.code));
}

function sqlFilter(q: Pick<ListRequestsQuery, "q" | "kind" | "fy">, fyStartMonth: number): SQL[] {
  const where: SQL[] = [isNull(disclosureRequests.retiredAt)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(disclosureRequests.reference, like), ilike(disclosureRequests.requesterName, like), ilike(disclosureRequests.details, like))!);
  }
  if (q.kind) where.push(eq(disclosureRequests.kind, q.kind));
  if (q.fy) {
    const { start, end } = fiscalYearRange(q.fy, fyStartMonth);
    where.push(gte(disclosureRequests.receivedOn, start), lte(disclosureRequests.receivedOn, end));
  }
  return where;
}

/**
 * The rules of lib/requests said in SQL over a row of disclosure_requests, on `today` with the
 * settings' target and retention, so that the list filters, sorts and pages in the database and reads
 * only the page's rows. Each line is the rule beside it; the DTOs of the rows read are still made by
 * the rules themselves (toDto), and tests/integration/requests-list-sql.test.ts compares every filter,
 * sort and total with the rules applied to every request, on every stage and around every edge of the
 * clock. Calendar days only (no holidays), so the due date is plain date arithmetic.
 *
 * - requestPauses: the identity pause from identity_requested_on to identity_checked_on; the fee pause
 *   (a fee kind, not waived) from fee_requested_on to fee_paid_on. A pause's last day is cut at the
 *   answer or withdrawal (`least` skips nulls: the earlier of the two, or the one there is) and is never
 *   before its first; pausedDays counts a running one up to today (never before its first day).
 * - pausedDays: the union of at most two spans = their lengths less their overlap.
 * - requestClock: due = receipt + target + paused days; late = answered after the due day, or open,
 *   not paused (no pause running) and the due day before today; a withdrawn request is never late.
 * - requestStage, isOpen, requestDisposableFrom (closing day + N months, clamped to the month's end as
 *   addMonths does: Postgres's date + interval clamps the same way).
 */
function requestSql(s: RequestSettings, today: string) {
  const r = disclosureRequests;
  const day = sql`${today}::date`;
  const end = sql`coalesce(${r.answeredOn}, ${r.withdrawnOn})`;
  const feeClock = sql`(${r.kind}::text in (${sql.join(FEE_KINDS.map((k) => sql`${k}`), sql`, `)}) and not ${r.feeWaived})`;
  const idFrom = sql`${r.identityRequestedOn}`;
  const idTo = sql`greatest(${idFrom}, coalesce(least(${r.identityCheckedOn}, ${end}), ${day}))`;
  const feeFrom = sql`(case when ${feeClock} then ${r.feeRequestedOn} end)`;
  const feeTo = sql`greatest(${feeFrom}, coalesce(least(${r.feePaidOn}, ${end}), ${day}))`;
  const overlap = sql`(case when ${idFrom} is not null and ${feeFrom} is not null then greatest(0, least(${idTo}, ${feeTo}) - greatest(${idFrom}, ${feeFrom})) else 0 end)`;
  const pausedDays = sql`(coalesce(${idTo} - ${idFrom}, 0) + coalesce(${feeTo} - ${feeFrom}, 0) - ${overlap})`;
  const running = sql`(${end} is null and ((${idFrom} is not null and ${r.identityCheckedOn} is null) or (${feeFrom} is not null and ${r.feePaidOn} is null)))`;
  const dueOn = sql`(${r.receivedOn} + (${s.targetDays}::int + ${pausedDays}))`;
  const late = sql`(${r.withdrawnOn} is null and (case when ${r.answeredOn} is not null then ${r.answeredOn} > ${dueOn} else not ${running} and ${dueOn} < ${day} end))`;
  const open = sql`(${r.answeredOn} is null and ${r.withdrawnOn} is null)`;
  const awaitingFee = sql`(${feeClock} and ${r.feePaidOn} is null)`;
  const stage: Record<NonNullable<ListRequestsQuery["stage"]>, SQL> = {
    open,
    withdrawn: sql`(${r.withdrawnOn} is not null)`,
    answered: sql`(${r.withdrawnOn} is null and ${r.answeredOn} is not null)`,
    awaiting_identity: sql`(${open} and ${r.identityCheckedOn} is null)`,
    awaiting_fee: sql`(${open} and ${r.identityCheckedOn} is not null and ${awaitingFee})`,
    in_progress: sql`(${open} and ${r.identityCheckedOn} is not null and not ${awaitingFee})`,
  };
  const disposable = sql`(${r.disposedOn} is null and ${end} is not null and ${day} >= (${end} + make_interval(months => ${s.retentionMonths}::int))::date)`;
  return { dueOn, late, stage, disposable };
}

/**
 * The requests the query selects, in its order, with how many there are — filters, sort and paging
 * all in SQL (requestSql) — judged by the rules into DTOs; `page` takes one page of them. Only the
 * rows returned are judged and get their register items read.
 */
async function selectDtos(q: ExportRequestsQuery, today: string, page?: { page: number; pageSize: number }): Promise<{ items: RequestDto[]; total: number }> {
  const db = await getDb();
  const [settings, fyStart] = await Promise.all([getRequestSettings(), getFiscalYearStartMonth()]);
  const rule = requestSql(settings, today);
  const where = sqlFilter(q, fyStart);
  if (q.stage) where.push(rule.stage[q.stage]);
  if (q.late) where.push(q.late === "true" ? rule.late : sql`not ${rule.late}`);
  if (q.disposable) where.push(q.disposable === "true" ? rule.disposable : sql`not ${rule.disposable}`);
  const dir = sql.raw(q.dir === "asc" ? "asc" : "desc");
  // Ties by id in the same direction; references are ASCII, compared as JavaScript compares strings (collate "C").
  const key = q.sort === "dueOn" ? rule.dueOn : q.sort === "reference" ? sql`${disclosureRequests.reference} collate "C"` : sql`${disclosureRequests.receivedOn}`;
  const cond = and(...where);
  // A page's total as a subquery run once (the inner disclosure_requests shadows the outer), not a
  // window count: that would read every selected row whole before the limit; this way a page sorted by
  // a column reads its rows through the column's index. Without paging the rows are the total.
  const count = page ? sql<number>`(select count(*) from ${disclosureRequests} where ${cond})`.mapWith(Number) : sql<number>`0`.mapWith(Number);
  const query = db
    .select({ row: disclosureRequests, total: count })
    .from(disclosureRequests)
    .where(cond)
    .orderBy(sql`${key} ${dir}, ${disclosureRequests.id} ${dir}`)
    .$dynamic();
  const rows = await (page ? query.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : query);
  let total = page ? (rows[0]?.total ?? 0) : rows.length;
  if (!rows.length && page && page.page > 1) {
    // Past the last page: no row carried the count.
    const [c] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(disclosureRequests).where(cond);
    total = c?.n ?? 0;
  }
  const items = await itemsOf(db, rows.map((r) => r.row.id));
  return { items: rows.map(({ row }) => toDto(row, items.get(row.id) ?? [], settings, today)), total };
}

export async function listRequests(q: ListRequestsQuery, today = todayInTokyo()) {
  const { items, total } = await selectDtos(q, today, q);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function listRequestsForExport(q: ExportRequestsQuery, today = todayInTokyo()) {
  return (await selectDtos(q, today)).items;
}

/** Open requests (for the dashboard, the calendar and reminders): every one not answered nor withdrawn, by due date. */
export async function listOpenRequests(today = todayInTokyo()): Promise<RequestDto[]> {
  return (await selectDtos({ stage: "open", sort: "dueOn", dir: "asc" }, today)).items;
}

/** Reads one request; inside a transaction pass the settings read before it (PGlite has one connection: a read outside the transaction would wait for it). */
async function readRequest(db: DbOrTx, id: number, today: string, settings: RequestSettings): Promise<RequestDto | null> {
  const [row] = await db.select().from(disclosureRequests).where(and(eq(disclosureRequests.id, id), isNull(disclosureRequests.retiredAt)));
  if (!row) return null;
  const items = await itemsOf(db, [id]);
  return toDto(row, items.get(id) ?? [], settings, today);
}

export async function getRequest(id: number, today = todayInTokyo()): Promise<RequestDto | null> {
  return readRequest(await getDb(), id, today, await getRequestSettings());
}

async function nextReference(tx: Tx, fiscalYear: number): Promise<{ seq: number; reference: string }> {
  const [row] = await tx
    .insert(disclosureRequestCounters)
    .values({ fiscalYear, lastSeq: 1 })
    .onConflictDoUpdate({ target: disclosureRequestCounters.fiscalYear, set: { lastSeq: sql`${disclosureRequestCounters.lastSeq} + 1` } })
    .returning({ seq: disclosureRequestCounters.lastSeq });
  return { seq: row.seq, reference: `REQ-${fiscalYear}-${String(row.seq).padStart(3, "0")}` };
}

function fieldError(field: string, key: string): ValidationError {
  return new ValidationError([{ field, code: "invalid", messageKey: key }]);
}

function assertReceivedOn(receivedOn: string, today: string) {
  if (receivedOn > today) throw fieldError("receivedOn", "requests.errors.inFuture");
}

async function setItems(tx: Tx, requestId: number, ids: number[]) {
  const unique = [...new Set(ids)];
  if (unique.length) {
    const found = await tx.select({ id: registerItems.id }).from(registerItems).where(and(inArray(registerItems.id, unique), isNull(registerItems.retiredAt)));
    if (found.length !== unique.length) throw fieldError("registerItemIds", "requests.errors.unknownRegisterItem");
  }
  await tx.delete(disclosureRequestItems).where(eq(disclosureRequestItems.requestId, requestId));
  if (unique.length) await tx.insert(disclosureRequestItems).values(unique.map((registerItemId) => ({ requestId, registerItemId })));
}

function intakeValues(input: CreateRequestInput) {
  const { registerItemIds: _ids, ...rest } = input;
  void _ids;
  return { ...rest, agentName: rest.viaAgent ? rest.agentName : null, agentRelationship: rest.viaAgent ? rest.agentRelationship : null };
}

export async function createRequest(actor: SessionUser, input: CreateRequestInput, today = todayInTokyo()): Promise<RequestDto> {
  assertReceivedOn(input.receivedOn, today);
  const db = await getDb();
  const [fyStart, settings] = await Promise.all([getFiscalYearStartMonth(), getRequestSettings()]);
  return db.transaction(async (tx) => {
    const { seq, reference } = await nextReference(tx, fiscalYearOf(input.receivedOn, fyStart));
    const [row] = await tx
      .insert(disclosureRequests)
      .values({ ...intakeValues(input), reference, fiscalYear: fiscalYearOf(input.receivedOn, fyStart), seq })
      .returning();
    await setItems(tx, row.id, input.registerItemIds);
    await recordAudit(tx, actor, { action: "create", entity: "disclosure_request", entityId: row.id, after: forAudit(row) });
    return (await readRequest(tx, row.id, today, settings))!;
  });
}

/**
 * A request sent through the public intake page (off unless the setting says so: 404). Received
 * today by web form; limited per client address (429, nothing written); audited without an actor and,
 * like every request, without the requester's details.
 */
export async function createPublicRequest(input: PublicRequestInput, clientAddress: string, today = todayInTokyo(), now = new Date()): Promise<PublicRequestReceipt> {
  const [fyStart, settings] = await Promise.all([getFiscalYearStartMonth(), getRequestSettings()]);
  if (!settings.publicIntake) throw new NotFoundError();
  const limit = publicRequestLimit(clientAddress);
  await purgeEndedWindowsSometimes(limit, { now });
  const db = await getDb();
  return db.transaction(async (tx) => {
    await enforceRequestLimit(limit, "problems.publicRequestLimit", { now, db: tx });
    const fiscalYear = fiscalYearOf(today, fyStart);
    const { seq, reference } = await nextReference(tx, fiscalYear);
    const values = intakeValues({ ...input, channel: "web_form", receivedOn: today, registerItemIds: [] });
    const [row] = await tx.insert(disclosureRequests).values({ ...values, reference, fiscalYear, seq }).returning();
    await recordAudit(tx, null, { action: "create", entity: "disclosure_request", entityId: row.id, after: forAudit(row) });
    return { reference, receivedOn: today, targetDays: settings.targetDays };
  });
}

const live = isNull(disclosureRequests.retiredAt);
const auditRedacted = (before: DisclosureRequest, after: DisclosureRequest) => ({ before: forAudit(before), after: forAudit(after) });

function notDisposed(r: DisclosureRequest) {
  if (r.disposedOn) throw new ConflictError("requests.errors.disposed");
}

/**
 * One step of a request's life: the change is judged against the row as it is now (locked, version
 * checked: 409 when stale), written with the redacted audit entry, and the request answered as it
 * stands afterwards — all in one transaction.
 */
async function changeRequest(
  actor: SessionUser,
  id: number,
  version: number,
  today: string,
  change: (before: DisclosureRequest, settings: RequestSettings) => Partial<DisclosureRequest>,
  afterUpdate?: (tx: Tx) => unknown,
): Promise<RequestDto> {
  const db = await getDb();
  const settings = await getRequestSettings();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      table: disclosureRequests,
      entity: "disclosure_request",
      id,
      version,
      where: live,
      change: (before) => change(before, settings),
      ...(afterUpdate ? { afterUpdate: () => afterUpdate(tx) } : {}),
      audit: auditRedacted,
    });
    return (await readRequest(tx, id, today, settings))!;
  });
}

export async function updateRequest(actor: SessionUser, id: number, input: UpdateRequestInput, today = todayInTokyo()): Promise<RequestDto> {
  assertReceivedOn(input.receivedOn, today);
  return changeRequest(
    actor,
    id,
    input.version,
    today,
    (before) => {
      notDisposed(before);
      const v = intakeValues(withoutVersion(input));
      // A kind without a fee cannot keep one, nor an answer date before the new receipt date.
      if (!feeAllowed(v.kind) && (before.feeExclTax || before.feeRequestedOn || before.feePaidOn)) throw fieldError("kind", "requests.errors.feeNotAllowed");
      if (before.answeredOn && before.answeredOn < v.receivedOn) throw fieldError("receivedOn", "requests.errors.afterAnswer");
      return v;
    },
    (tx) => setItems(tx, id, input.registerItemIds),
  );
}

function datesWithin(r: DisclosureRequest, today: string, fields: [string, string | null][]) {
  for (const [field, d] of fields) {
    if (d && d < r.receivedOn) throw fieldError(field, "requests.errors.beforeReceived");
    if (d && d > today) throw fieldError(field, "requests.errors.inFuture");
  }
}

function stillOpen(r: DisclosureRequest) {
  notDisposed(r);
  if (r.withdrawnOn) throw new ConflictError("requests.errors.withdrawn");
  if (r.answeredOn) throw new ConflictError("requests.errors.alreadyAnswered");
}

export async function recordIdentity(actor: SessionUser, id: number, input: IdentityInput, today = todayInTokyo()): Promise<RequestDto> {
  return changeRequest(actor, id, input.version, today, (before) => {
    stillOpen(before);
    datesWithin(before, today, [
      ["identityRequestedOn", input.identityRequestedOn],
      ["identityCheckedOn", input.identityCheckedOn],
    ]);
    return withoutVersion(input);
  });
}

export async function recordFee(actor: SessionUser, id: number, input: FeeInput, today = todayInTokyo()): Promise<RequestDto> {
  return changeRequest(actor, id, input.version, today, (before, settings) => {
    stillOpen(before);
    const problem = feeProblem({ ...withoutVersion(input), kind: before.kind, receivedOn: before.receivedOn }, settings.feeExclTax, today);
    if (problem) throw fieldError(problem.field, problem.key);
    // The tax rate is fixed when the fee is first asked for, so a later change of the setting does not change it.
    const rate = input.feeExclTax === null ? null : (before.feeTaxRatePercent ?? settings.taxRatePercent);
    return { ...withoutVersion(input), feeTaxRatePercent: rate };
  });
}

export async function answerRequest(actor: SessionUser, id: number, input: AnswerRequestInput, today = todayInTokyo()): Promise<RequestDto> {
  return changeRequest(actor, id, input.version, today, (before) => {
    notDisposed(before);
    const problem = answerProblem(before, input, today);
    if (problem?.status === 409) throw new ConflictError(problem.key, {}, [{ field: problem.field, code: "conflict", messageKey: problem.key }]);
    if (problem) throw fieldError(problem.field, problem.key);
    return withoutVersion(input);
  });
}

export async function withdrawRequest(actor: SessionUser, id: number, input: WithdrawInput, today = todayInTokyo()): Promise<RequestDto> {
  return changeRequest(actor, id, input.version, today, (before) => {
    stillOpen(before);
    datesWithin(before, today, [["withdrawnOn", input.withdrawnOn]]);
    return { withdrawnOn: input.withdrawnOn };
  });
}

/**
 * Disposes of the requester's details once the retention after closing has run: name, contact,
 * address, agent, what was asked and the reasons are cleared; the reference, kind, channel, dates,
 * decision and ground stay as the minimal log.
 */
export async function disposeRequest(actor: SessionUser, id: number, version: number, today = todayInTokyo()): Promise<RequestDto> {
  return changeRequest(
    actor,
    id,
    version,
    today,
    (before, settings) => {
      notDisposed(before);
      const from = requestDisposableFrom(before, settings.retentionMonths);
      if (!from) throw new ConflictError("requests.errors.stillOpen");
      if (today < from) throw new ConflictError("requests.errors.retentionRunning", { date: from });
      return { ...Object.fromEntries(PERSONAL.map((k) => [k, null])), identityCheckedBy: null, disposedOn: today };
    },
    (tx) => tx.delete(disclosureRequestItems).where(eq(disclosureRequestItems.requestId, id)),
  );
}

/** A request logged by mistake (a duplicate): retired, never deleted. */
export async function retireRequest(actor: SessionUser, id: number, version: number, today = todayInTokyo()): Promise<RequestDto> {
  const db = await getDb();
  const settings = await getRequestSettings();
  return db.transaction(async (tx) => {
    const row = await setRetiredVersioned(tx, actor, { table: disclosureRequests, entity: "disclosure_request", id, version, retire: true, audit: auditRedacted });
    return toDto(row, (await itemsOf(tx, [id])).get(id) ?? [], settings, today);
  });
}
