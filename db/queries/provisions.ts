import "server-only";
import { and, asc, desc, eq, gt, gte, ilike, inArray, isNotNull, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db";
import { contractors, jointUses, provisionRecordItems, provisionRecords, registerItems, type JointUse, type ProvisionRecord } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import { GROUNDS, abroadBasis, abroadProblem, jointUseNotice, recordRequired, retention, retentionState } from "@/lib/provisions/rules";
import type {
  CreateJointUseInput,
  CreateProvisionInput,
  ExportProvisionsQuery,
  JointUseDto,
  ListProvisionsQuery,
  ProvisionDto,
  UpdateJointUseInput,
  UpdateProvisionInput,
} from "@/lib/provisions/schema";
import { recordAudit } from "./audit";
import { setRetiredVersioned, updateVersioned, withoutVersion } from "./versioned";

/**
 * Records of provision to third parties 第三者提供記録 (docs/domain.md §7). The retention dates are
 * computed by lib/provisions/rules.ts on every write and stored, so the list and the dashboard filter
 * on them in SQL; the state (retained, disposable, disposed, not required) is judged on read.
 */

type Row = { p: ProvisionRecord; contractorName: string | null; jointUseTitle: string | null };
type ItemRef = { id: number; code: string; name: string };

function toDto(r: Row, items: ItemRef[], today: string): ProvisionDto {
  const p = r.p;
  const g = GROUNDS[p.ground];
  return {
    id: p.id,
    direction: p.direction,
    ground: p.ground,
    groundPolicy: g.policy,
    groundLaw: g.law,
    thirdParty: g.thirdParty,
    consentMethod: p.consentMethod,
    counterpartyName: p.counterpartyName,
    counterpartyAddress: p.counterpartyAddress,
    counterpartyRepresentative: p.counterpartyRepresentative,
    sourceHowObtained: p.sourceHowObtained,
    persons: p.persons,
    dataItems: p.dataItems,
    providedFrom: p.providedFrom,
    providedTo: p.providedTo,
    recordForm: p.recordForm,
    recordedOn: p.recordedOn,
    contractorId: p.contractorId,
    contractorName: r.contractorName,
    jointUseId: p.jointUseId,
    jointUseTitle: r.jointUseTitle,
    abroadCountry: p.abroadCountry,
    abroadBasis: abroadBasis(p.abroadCountry, p.equivalentSystem),
    equivalentSystem: p.equivalentSystem,
    countrySystem: p.countrySystem,
    recipientMeasures: p.recipientMeasures,
    informedBeforeConsent: p.informedBeforeConsent,
    registerItems: items,
    recordRequired: p.recordRequired,
    retainUntil: p.retainUntil,
    disposableFrom: p.disposableFrom,
    retentionState: retentionState(p.disposableFrom, p.disposedOn, today),
    disposedOn: p.disposedOn,
    disposedByName: p.disposedByName,
    disposalNote: p.disposalNote,
    retiredAt: p.retiredAt ? p.retiredAt.toISOString() : null,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

function baseSelect(db: DbOrTx) {
  return db
    .select({ p: provisionRecords, contractorName: contractors.name, jointUseTitle: jointUses.title })
    .from(provisionRecords)
    .leftJoin(contractors, eq(contractors.id, provisionRecords.contractorId))
    .leftJoin(jointUses, eq(jointUses.id, provisionRecords.jointUseId));
}

async function itemsOf(db: DbOrTx, ids: number[]): Promise<Map<number, ItemRef[]>> {
  const map = new Map<number, ItemRef[]>();
  if (!ids.length) return map;
  const rows = await db
    .select({ provisionId: provisionRecordItems.provisionId, id: registerItems.id, code: registerItems.code, name: registerItems.name })
    .from(provisionRecordItems)
    .innerJoin(registerItems, eq(registerItems.id, provisionRecordItems.registerItemId))
    .where(inArray(provisionRecordItems.provisionId, ids))
    .orderBy(asc(registerItems.code));
  for (const r of rows) map.set(r.provisionId, [...(map.get(r.provisionId) ?? []), { id: r.id, code: r.code, name: r.name }]);
  return map;
}

/** The retention state as SQL, the same rule as retentionState() (tests/integration/provisions.test.ts compares them). */
function retentionWhere(state: ListProvisionsQuery["retention"], today: string): SQL | undefined {
  const p = provisionRecords;
  switch (state) {
    case "disposed":
      return isNotNull(p.disposedOn);
    case "not_required":
      return and(isNull(p.disposedOn), isNull(p.disposableFrom));
    case "disposable":
      return and(isNull(p.disposedOn), lte(p.disposableFrom, today));
    case "retained":
      return and(isNull(p.disposedOn), gt(p.disposableFrom, today));
    default:
      return undefined;
  }
}

function where(q: ExportProvisionsQuery, today: string): SQL {
  const w: (SQL | undefined)[] = [q.status === "retired" ? isNotNull(provisionRecords.retiredAt) : isNull(provisionRecords.retiredAt), retentionWhere(q.retention, today)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    w.push(or(ilike(provisionRecords.counterpartyName, like), ilike(provisionRecords.persons, like), ilike(provisionRecords.dataItems, like)));
  }
  if (q.direction) w.push(eq(provisionRecords.direction, q.direction));
  if (q.ground) w.push(eq(provisionRecords.ground, q.ground));
  if (q.jointUse) w.push(eq(provisionRecords.jointUseId, q.jointUse));
  if (q.abroad === "true") w.push(and(isNotNull(provisionRecords.abroadCountry), ne(provisionRecords.abroadCountry, "JP")));
  if (q.abroad === "false") w.push(or(isNull(provisionRecords.abroadCountry), eq(provisionRecords.abroadCountry, "JP")));
  return and(...w)!;
}

function order(q: ExportProvisionsQuery): SQL[] {
  const d = q.dir === "asc" ? asc : desc;
  const col = q.sort === "disposableFrom" ? provisionRecords.disposableFrom : q.sort === "counterpartyName" ? provisionRecords.counterpartyName : provisionRecords.providedFrom;
  return [sql`${d(col)} nulls last`, d(provisionRecords.id)];
}

async function dtos(db: DbOrTx, rows: Row[], today: string) {
  const items = await itemsOf(db, rows.map((r) => r.p.id));
  return rows.map((r) => toDto(r, items.get(r.p.id) ?? [], today));
}

export async function listProvisions(q: ListProvisionsQuery, today = todayInTokyo()) {
  const db = await getDb();
  const w = where(q, today);
  const [rows, [c]] = await Promise.all([
    baseSelect(db).where(w).orderBy(...order(q)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(provisionRecords).where(w),
  ]);
  return { items: await dtos(db, rows, today), total: c?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function listProvisionsForExport(q: ExportProvisionsQuery, today = todayInTokyo()) {
  const db = await getDb();
  return dtos(db, await baseSelect(db).where(where(q, today)).orderBy(...order(q)), today);
}

/** Live records past their retention and not disposed of (the dashboard's figure). */
export async function countDisposableProvisions(today = todayInTokyo()): Promise<number> {
  const db = await getDb();
  const [c] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(provisionRecords).where(where({ retention: "disposable", status: "active", sort: "providedFrom", dir: "desc" }, today));
  return c?.n ?? 0;
}

/** Live records not disposed of whose disposal date falls in [from, to] (the calendar). */
export async function listProvisionDisposals(from: string, to: string) {
  const db = await getDb();
  const rows = await db
    .select({ id: provisionRecords.id, counterpartyName: provisionRecords.counterpartyName, disposableFrom: provisionRecords.disposableFrom })
    .from(provisionRecords)
    .where(and(isNull(provisionRecords.retiredAt), isNull(provisionRecords.disposedOn), gte(provisionRecords.disposableFrom, from), lte(provisionRecords.disposableFrom, to)));
  return rows.map((r) => ({ ...r, disposableFrom: r.disposableFrom! }));
}

/** One record, live or withdrawn (a withdrawn one is shown as such and can be restored). */
async function readProvision(db: DbOrTx, id: number, today: string): Promise<ProvisionDto | null> {
  const [row] = await baseSelect(db).where(eq(provisionRecords.id, id));
  return row ? (await dtos(db, [row], today))[0] : null;
}

export async function getProvision(id: number, today = todayInTokyo()) {
  return readProvision(await getDb(), id, today);
}

function fieldError(field: string, key: string) {
  return new ValidationError([{ field, code: "invalid", messageKey: key }]);
}

/** The rules a record must meet on the server: dates, the abroad information, the linked contractor / joint use, the computed retention. */
async function values(tx: Tx, input: CreateProvisionInput, today: string) {
  if (input.providedFrom > today) throw fieldError("providedFrom", "provisions.errors.inFuture");
  if (input.recordedOn > today) throw fieldError("recordedOn", "provisions.errors.inFuture");
  const abroad = abroadProblem(input);
  if (abroad) throw fieldError(abroad.field, abroad.key);
  if (input.contractorId !== null) {
    const [c] = await tx.select({ id: contractors.id }).from(contractors).where(eq(contractors.id, input.contractorId));
    if (!c) throw fieldError("contractorId", "provisions.errors.unknownContractor");
  }
  if (input.jointUseId !== null) {
    const [j] = await tx.select({ id: jointUses.id }).from(jointUses).where(and(eq(jointUses.id, input.jointUseId), isNull(jointUses.retiredAt)));
    if (!j) throw fieldError("jointUseId", "provisions.errors.unknownJointUse");
  }
  const { registerItemIds: _ids, ...rest } = input;
  void _ids;
  const kept = retention(input);
  return { ...rest, recordRequired: recordRequired(input.ground), retainUntil: kept?.retainUntil ?? null, disposableFrom: kept?.disposableFrom ?? null };
}

async function setItems(tx: Tx, provisionId: number, ids: number[]) {
  const unique = [...new Set(ids)];
  if (unique.length) {
    const found = await tx.select({ id: registerItems.id }).from(registerItems).where(and(inArray(registerItems.id, unique), isNull(registerItems.retiredAt)));
    if (found.length !== unique.length) throw fieldError("registerItemIds", "requests.errors.unknownRegisterItem");
  }
  await tx.delete(provisionRecordItems).where(eq(provisionRecordItems.provisionId, provisionId));
  if (unique.length) await tx.insert(provisionRecordItems).values(unique.map((registerItemId) => ({ provisionId, registerItemId })));
}

export async function createProvision(actor: SessionUser, input: CreateProvisionInput, today = todayInTokyo()): Promise<ProvisionDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(provisionRecords).values(await values(tx, input, today)).returning();
    await setItems(tx, row.id, input.registerItemIds);
    await recordAudit(tx, actor, { action: "create", entity: "provision_record", entityId: row.id, after: row });
    return (await readProvision(tx, row.id, today))!;
  });
}

const live = isNull(provisionRecords.retiredAt);

export async function updateProvision(actor: SessionUser, id: number, input: UpdateProvisionInput, today = todayInTokyo()): Promise<ProvisionDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      table: provisionRecords,
      entity: "provision_record",
      id,
      version: input.version,
      where: live,
      change: async (before) => {
        if (before.disposedOn) throw new ConflictError("provisions.errors.disposed");
        return values(tx, withoutVersion(input), today);
      },
      afterUpdate: () => setItems(tx, id, input.registerItemIds),
    });
    return (await readProvision(tx, id, today))!;
  });
}

/** Disposes of a record once its retention has run: the record of the disposal (when, by whom, how) stays. */
export async function disposeProvision(actor: SessionUser, id: number, input: { version: number; disposalNote: string | null }, today = todayInTokyo()): Promise<ProvisionDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      table: provisionRecords,
      entity: "provision_record",
      id,
      version: input.version,
      where: live,
      change: (before) => {
        const state = retentionState(before.disposableFrom, before.disposedOn, today);
        if (state === "disposed") throw new ConflictError("provisions.errors.disposed");
        if (state === "retained") throw new ConflictError("provisions.errors.retentionRunning", { date: before.disposableFrom! });
        return { disposedOn: today, disposedByName: actor.name, disposalNote: input.disposalNote };
      },
    });
    return (await readProvision(tx, id, today))!;
  });
}

/** Withdraws a record entered by mistake (retire) or puts it back (restore); kept either way, audited. */
export async function setProvisionRetired(actor: SessionUser, id: number, version: number, retire: boolean, today = todayInTokyo()): Promise<ProvisionDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await setRetiredVersioned(tx, actor, { table: provisionRecords, entity: "provision_record", id, version, retire });
    return (await readProvision(tx, id, today))!;
  });
}

function jointDto(j: JointUse, provisionCount = 0): JointUseDto {
  return {
    id: j.id,
    title: j.title,
    purpose: j.purpose,
    partners: j.partners,
    dataItems: j.dataItems,
    responsibleName: j.responsibleName,
    responsibleAddress: j.responsibleAddress,
    responsibleRepresentative: j.responsibleRepresentative,
    publishedOn: j.publishedOn,
    notice: jointUseNotice(j),
    provisionCount,
    retiredAt: j.retiredAt ? j.retiredAt.toISOString() : null,
    version: j.version,
  };
}

/** Live provision records made under each joint use (shown beside it; the record list links them). */
async function provisionCounts(db: DbOrTx, ids: number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: provisionRecords.jointUseId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(provisionRecords)
    .where(and(inArray(provisionRecords.jointUseId, ids), isNull(provisionRecords.retiredAt)))
    .groupBy(provisionRecords.jointUseId);
  return new Map(rows.map((r) => [r.id!, r.n]));
}

async function jointDtos(db: DbOrTx, rows: JointUse[]): Promise<JointUseDto[]> {
  const counts = await provisionCounts(db, rows.map((r) => r.id));
  return rows.map((j) => jointDto(j, counts.get(j.id) ?? 0));
}

/** The joint uses in force (the ended ones too with includeRetired), the ended ones last. */
export async function listJointUses(q: { includeRetired?: "true" | "false" } = {}): Promise<JointUseDto[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(jointUses)
    .where(q.includeRetired === "true" ? undefined : isNull(jointUses.retiredAt))
    .orderBy(sql`${jointUses.retiredAt} is not null`, asc(jointUses.id));
  return jointDtos(db, rows);
}

export async function createJointUse(actor: SessionUser, input: CreateJointUseInput): Promise<JointUseDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(jointUses).values(input).returning();
    await recordAudit(tx, actor, { action: "create", entity: "joint_use", entityId: row.id, after: row });
    return jointDto(row);
  });
}

export async function updateJointUse(actor: SessionUser, id: number, input: UpdateJointUseInput): Promise<JointUseDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await updateVersioned(tx, actor, { table: jointUses, entity: "joint_use", id, version: input.version, where: isNull(jointUses.retiredAt), change: () => withoutVersion(input) });
    return (await jointDtos(tx, [row]))[0];
  });
}

/** Ends a joint use (retire) or puts it back in force (restore); the records made under it keep their link. */
export async function setJointUseRetired(actor: SessionUser, id: number, version: number, retire: boolean): Promise<JointUseDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await setRetiredVersioned(tx, actor, { table: jointUses, entity: "joint_use", id, version, retire });
    return (await jointDtos(tx, [row]))[0];
  });
}

/** Options for the form: contractors (outsourcing) and joint uses. */
export async function listProvisionOptions() {
  const db = await getDb();
  const [cs, js] = await Promise.all([
    db.select({ id: contractors.id, name: contractors.name }).from(contractors).orderBy(asc(contractors.name)),
    db.select({ id: jointUses.id, name: jointUses.title }).from(jointUses).where(isNull(jointUses.retiredAt)).orderBy(asc(jointUses.id)),
  ]);
  return { contractors: cs, jointUses: js };
}
