import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, lt, gte, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db";
import {
  contractors,
  departments,
  purposesOfUse,
  registerItemContractors,
  registerItemPurposes,
  registerItems,
  registerItemVersions,
  registerReviews,
  registerRisks,
  users,
  type RegisterItem,
  type RegisterRisk,
} from "@/db/schema";
import { ConflictError, ValidationError, type FieldError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import { LIFECYCLE_STAGES } from "@/lib/register/enums";
import type { ImportIssue } from "@/lib/csv/import";
import { REGISTER_COLUMN_KEYS, type RegisterImportRow } from "@/lib/register/import";
import { lastReviewAfter, nextRegisterReviewDue, registerDueState, reviewDateProblem } from "@/lib/register/review";
import type {
  CreateItemInput,
  CreatePurposeInput,
  CreateReviewInput,
  ExportItemsQuery,
  ItemDetail,
  ItemVersionDto,
  ListItemsQuery,
  ListReviewsQuery,
  PurposeDto,
  RegisterItemDto,
  RegisterReviewDto,
  UpdateItemInput,
  UpdatePurposeInput,
} from "@/lib/register/schema";
import type { Page } from "@/lib/list/page";
import { recordAudit, recordAudits, type AuditInput } from "./audit";
import { rejectRows } from "./imports/pipeline";
import { setRetiredVersioned, updateVersioned } from "./versioned";

/**
 * The personal information register 個人情報管理台帳 (docs/domain.md §6): items with their purposes of
 * use and contractors, each change kept as a snapshot in register_item_versions (written in the same
 * transaction as the change), the yearly reviews, and the company's list of purposes of use.
 */

type Actor = Pick<SessionUser, "id" | "email">;
type Db = Awaited<ReturnType<typeof getDb>>;

const riskCountSql = sql<number>`(select count(*) from "register_risks" r where r."item_id" = "register_items"."id" and r."retired_at" is null)`.mapWith(Number);

function baseSelect(db: DbOrTx) {
  return db
    .select({ item: registerItems, departmentName: departments.name, riskCount: riskCountSql })
    .from(registerItems)
    .leftJoin(departments, eq(departments.id, registerItems.ownerDepartmentId));
}

type BaseRow = { item: RegisterItem; departmentName: string | null; riskCount: number };
type Links = { purposes: Map<number, RegisterItemDto["purposes"]>; contractors: Map<number, RegisterItemDto["contractors"]> };

/** The purposes and contractors of the items; `asArray` passes the ids as one array parameter (the export's thousands). */
async function linksOf(db: DbOrTx, ids: number[], { asArray = false } = {}): Promise<Links> {
  const purposes = new Map<number, RegisterItemDto["purposes"]>();
  const contractorsBy = new Map<number, RegisterItemDto["contractors"]>();
  if (!ids.length) return { purposes, contractors: contractorsBy };
  const byItem = (column: typeof registerItemPurposes.itemId | typeof registerItemContractors.itemId) => (asArray ? idIn(column, ids) : inArray(column, ids));
  const [ps, cs] = await Promise.all([
    db
      .select({ itemId: registerItemPurposes.itemId, id: purposesOfUse.id, code: purposesOfUse.code, text: purposesOfUse.text })
      .from(registerItemPurposes)
      .innerJoin(purposesOfUse, eq(purposesOfUse.id, registerItemPurposes.purposeId))
      .where(byItem(registerItemPurposes.itemId))
      .orderBy(asc(purposesOfUse.sortOrder), asc(purposesOfUse.code), asc(purposesOfUse.id)),
    db
      .select({ itemId: registerItemContractors.itemId, id: contractors.id, name: contractors.name })
      .from(registerItemContractors)
      .innerJoin(contractors, eq(contractors.id, registerItemContractors.contractorId))
      .where(byItem(registerItemContractors.itemId))
      .orderBy(asc(contractors.name), asc(contractors.id)),
  ]);
  for (const { itemId, ...p } of ps) purposes.set(itemId, [...(purposes.get(itemId) ?? []), p]);
  for (const { itemId, ...c } of cs) contractorsBy.set(itemId, [...(contractorsBy.get(itemId) ?? []), c]);
  return { purposes, contractors: contractorsBy };
}

function toDto(r: BaseRow, links: Links, today: string): RegisterItemDto {
  const i = r.item;
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    kind: i.kind,
    dataSubjects: i.dataSubjects,
    dataItems: i.dataItems,
    personCount: i.personCount,
    form: i.form,
    acquisitionMethod: i.acquisitionMethod,
    noticeOrConsent: i.noticeOrConsent,
    purposes: links.purposes.get(i.id) ?? [],
    ownerDepartmentId: i.ownerDepartmentId,
    ownerDepartmentName: r.departmentName,
    storagePlace: i.storagePlace,
    storageMethod: i.storageMethod,
    accessScope: i.accessScope,
    usePeriod: i.usePeriod,
    retentionPeriod: i.retentionPeriod,
    disposalMethod: i.disposalMethod,
    contractors: links.contractors.get(i.id) ?? [],
    provision: i.provision,
    provisionBasis: i.provisionBasis,
    abroadCountries: i.abroadCountries,
    lastReviewedOn: i.lastReviewedOn,
    reviewIntervalMonths: i.reviewIntervalMonths,
    nextReviewDueOn: i.nextReviewDueOn,
    dueState: registerDueState(i.nextReviewDueOn, today, i.retiredAt !== null),
    riskCount: r.riskCount,
    note: i.note,
    retiredAt: i.retiredAt ? i.retiredAt.toISOString() : null,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

/** Full DTOs of the given items, in the given order. */
async function dtosOf(db: DbOrTx, ids: number[], today: string): Promise<RegisterItemDto[]> {
  if (!ids.length) return [];
  const [rows, links] = await Promise.all([baseSelect(db).where(inArray(registerItems.id, ids)), linksOf(db, ids)]);
  const byId = new Map(rows.map((r) => [r.item.id, r]));
  return ids.filter((id) => byId.has(id)).map((id) => toDto(byId.get(id)!, links, today));
}

function escapeLike(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Every filter of the list in SQL; "overdue" is the rule of lib/register/review.ts (due date before today, Tokyo; never a retired item). */
function listWhere(q: ExportItemsQuery, today: string): SQL | undefined {
  const where: SQL[] = [];
  if (q.status === "active") where.push(isNull(registerItems.retiredAt));
  else if (q.status === "retired") where.push(isNotNull(registerItems.retiredAt));
  if (q.q) {
    const like = escapeLike(q.q);
    where.push(
      or(
        ilike(registerItems.code, like),
        ilike(registerItems.name, like),
        sql`array_to_string(${registerItems.dataItems}, ' ') ilike ${like}`,
        sql`array_to_string(${registerItems.dataSubjects}, ' ') ilike ${like}`,
      )!,
    );
  }
  if (q.kind) where.push(eq(registerItems.kind, q.kind));
  if (q.sensitive === "true") where.push(eq(registerItems.kind, "sensitive"));
  else if (q.sensitive === "false") where.push(sql`${registerItems.kind} <> 'sensitive'`);
  if (q.departmentId) where.push(eq(registerItems.ownerDepartmentId, q.departmentId));
  if (q.overdue === "true") where.push(and(isNull(registerItems.retiredAt), lt(registerItems.nextReviewDueOn, today))!);
  else if (q.overdue === "false") where.push(or(isNotNull(registerItems.retiredAt), gte(registerItems.nextReviewDueOn, today))!);
  return where.length ? and(...where) : undefined;
}

const KIND_ORDER = ["personal", "sensitive", "person_related", "pseudonymized", "anonymized"];

function listOrder(q: ExportItemsQuery): SQL {
  const d = sql.raw(q.dir === "desc" ? "desc" : "asc");
  const nulls = sql.raw("nulls last");
  const key = {
    code: sql`${registerItems.code} collate "C"`,
    name: sql`${registerItems.name}`,
    kind: sql`case ${registerItems.kind}::text ${sql.join(KIND_ORDER.map((k, i) => sql.raw(`when '${k}' then ${i}`)), sql` `)} end`,
    personCount: sql`${registerItems.personCount}`,
    nextReviewDueOn: sql`${registerItems.nextReviewDueOn}`,
    department: sql`${departments.name}`,
  }[q.sort];
  return sql`${key} ${d} ${nulls}, ${registerItems.code} collate "C" asc, ${registerItems.id} asc`;
}

/** The register, filtered, sorted and paged in SQL; full rows and links for the page only. */
export async function listItems(q: ListItemsQuery, today = todayInTokyo()): Promise<Page<RegisterItemDto>> {
  const db = await getDb();
  const where = listWhere(q, today);
  const rows = await db
    .select({ id: registerItems.id, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(registerItems)
    .leftJoin(departments, eq(departments.id, registerItems.ownerDepartmentId))
    .where(where)
    .orderBy(listOrder(q))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  let total = rows[0]?.total ?? 0;
  if (!rows.length && q.page > 1) {
    // Past the last page: the window count saw no row.
    const [c] = await db.select({ n: count() }).from(registerItems).where(where);
    total = c?.n ?? 0;
  }
  return { items: await dtosOf(db, rows.map((r) => r.id), today), total, page: q.page, pageSize: q.pageSize };
}

/** `column = any('{1,2,…}'::int[])`: the ids as one array parameter, however many (an IN list binds one parameter per id). */
function idIn(column: SQLWrapper, ids: readonly number[]): SQL {
  return sql`${column} = any(${`{${ids.map((id) => Math.trunc(id)).join(",")}}`}::int[])`;
}

/**
 * The export (docs/domain.md §6): every item the filters select, in the list's order, with its
 * purposes and contractors, and their live risks by item, stage and id. The items come whole from the
 * filtered, sorted query itself; the links and the risks are read by the items' ids passed as one
 * array parameter. (Before, the ids went to three further queries as IN lists of one bind parameter
 * each — ~20,000 at 10× — and were read back once more for the full rows.)
 */
export async function registerExport(q: ExportItemsQuery, today = todayInTokyo()): Promise<{ items: RegisterItemDto[]; risks: RegisterRisk[] }> {
  const db = await getDb();
  const rows = await baseSelect(db).where(listWhere(q, today)).orderBy(listOrder(q));
  if (!rows.length) return { items: [], risks: [] };
  const ids = rows.map((r) => r.item.id);
  const [links, risks] = await Promise.all([
    linksOf(db, ids, { asArray: true }),
    db
      .select()
      .from(registerRisks)
      .where(and(idIn(registerRisks.itemId, ids), isNull(registerRisks.retiredAt)))
      .orderBy(...riskExportOrder),
  ]);
  return { items: rows.map((r) => toDto(r, links, today)), risks };
}

export async function getItem(id: number, today = todayInTokyo(), tx?: DbOrTx): Promise<RegisterItemDto | null> {
  const db = tx ?? (await getDb());
  const [dto] = await dtosOf(db, [id], today);
  return dto ?? null;
}

export async function getItemDetail(id: number, today = todayInTokyo()): Promise<ItemDetail | null> {
  const item = await getItem(id, today);
  if (!item) return null;
  const reviews = await listReviews({ page: 1, pageSize: 200, itemId: id, scope: "all" });
  return { item, reviews: reviews.items };
}

// ---- writes -----------------------------------------------------------------------------------

/** The columns of an item from its input (purposes and contractors are link rows). */
function columns(input: Omit<CreateItemInput, "lastReviewedOn">) {
  return {
    code: input.code,
    name: input.name,
    kind: input.kind,
    dataSubjects: input.dataSubjects,
    dataItems: input.dataItems,
    personCount: input.personCount,
    form: input.form,
    acquisitionMethod: input.acquisitionMethod,
    noticeOrConsent: input.noticeOrConsent,
    ownerDepartmentId: input.ownerDepartmentId,
    storagePlace: input.storagePlace,
    storageMethod: input.storageMethod,
    accessScope: input.accessScope,
    usePeriod: input.usePeriod,
    retentionPeriod: input.retentionPeriod,
    disposalMethod: input.disposalMethod,
    provision: input.provision,
    provisionBasis: input.provisionBasis,
    abroadCountries: input.abroadCountries,
    reviewIntervalMonths: input.reviewIntervalMonths,
    note: input.note,
  };
}

/** The purposes (live), contractors and department the input names must exist: 400 naming the field otherwise. */
async function assertReferences(tx: DbOrTx, input: Pick<CreateItemInput, "purposeIds" | "contractorIds" | "ownerDepartmentId">, keepPurposeIds: number[] = []) {
  const errors: FieldError[] = [];
  if (input.purposeIds.length) {
    const found = await tx
      .select({ id: purposesOfUse.id, retiredAt: purposesOfUse.retiredAt })
      .from(purposesOfUse)
      .where(inArray(purposesOfUse.id, input.purposeIds));
    // A purpose retired since the item chose it may stay; it cannot be newly chosen.
    const ok = new Set(found.filter((p) => p.retiredAt === null || keepPurposeIds.includes(p.id)).map((p) => p.id));
    if (input.purposeIds.some((id) => !ok.has(id))) errors.push({ field: "purposeIds", code: "unknown", messageKey: "register.errors.unknownPurpose" });
  }
  if (input.contractorIds.length) {
    const found = await tx.select({ id: contractors.id }).from(contractors).where(inArray(contractors.id, input.contractorIds));
    if (found.length !== input.contractorIds.length) errors.push({ field: "contractorIds", code: "unknown", messageKey: "register.errors.unknownContractor" });
  }
  if (input.ownerDepartmentId !== null) {
    const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.ownerDepartmentId));
    if (!d) errors.push({ field: "ownerDepartmentId", code: "unknown", messageKey: "register.errors.unknownDepartment" });
  }
  if (errors.length) throw new ValidationError(errors);
}

async function assertCodeFree(tx: DbOrTx, code: string, excludeId?: number) {
  const [dup] = await tx.select({ id: registerItems.id }).from(registerItems).where(eq(registerItems.code, code));
  if (dup && dup.id !== excludeId) throw new ConflictError("problems.duplicate", {}, [{ field: "code", code: "duplicate", messageKey: "register.errors.codeTaken" }]);
}

/** The item's purposes and contractors become exactly the ones given. */
async function syncLinks(tx: Tx, itemId: number, purposeIds: number[], contractorIds: number[]) {
  await tx.delete(registerItemPurposes).where(eq(registerItemPurposes.itemId, itemId));
  await tx.delete(registerItemContractors).where(eq(registerItemContractors.itemId, itemId));
  if (purposeIds.length) await tx.insert(registerItemPurposes).values(purposeIds.map((purposeId) => ({ itemId, purposeId })));
  if (contractorIds.length) await tx.insert(registerItemContractors).values(contractorIds.map((contractorId) => ({ itemId, contractorId })));
}

/** Bookkeeping and derived fields: not part of what a version of the item says. */
const NOT_IN_SNAPSHOT = new Set(["id", "version", "createdAt", "updatedAt", "dueState", "riskCount"]);

/** What a version of an item is: its fields, purposes, contractors and department, as the history shows them. */
function snapshotOf(dto: RegisterItemDto): Record<string, unknown> {
  return Object.fromEntries(Object.entries(dto).filter(([k]) => !NOT_IN_SNAPSHOT.has(k)));
}

export type ItemHistoryAction = "created" | "updated" | "reviewed" | "retired" | "restored" | "imported";

/** The history row of the item's current version, written in the caller's transaction (before its audit row). */
async function writeSnapshot(tx: Tx, actor: Actor, itemId: number, action: ItemHistoryAction, today: string): Promise<RegisterItemDto> {
  const dto = (await getItem(itemId, today, tx))!;
  await tx.insert(registerItemVersions).values({ itemId, version: dto.version, snapshot: snapshotOf(dto), action, changedBy: actor.id });
  return dto;
}

export async function createItem(actor: SessionUser, input: CreateItemInput, today = todayInTokyo()): Promise<RegisterItemDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertCodeFree(tx, input.code);
    await assertReferences(tx, input);
    const [row] = await tx
      .insert(registerItems)
      .values({
        ...columns(input),
        lastReviewedOn: input.lastReviewedOn,
        nextReviewDueOn: nextRegisterReviewDue({ lastReviewedOn: input.lastReviewedOn, registeredOn: today, reviewIntervalMonths: input.reviewIntervalMonths }),
        createdBy: actor.id,
      })
      .returning();
    await syncLinks(tx, row.id, input.purposeIds, input.contractorIds);
    const dto = await writeSnapshot(tx, actor, row.id, "created", today);
    await recordAudit(tx, actor, { action: "create", entity: "register_item", entityId: row.id, after: snapshotOf(dto) });
    return dto;
  });
}

/** The date an item was registered (Tokyo), the base of its first review. */
function registeredOn(item: RegisterItem): string {
  return todayInTokyo(item.createdAt);
}

export async function updateItem(actor: SessionUser, id: number, input: UpdateItemInput, today = todayInTokyo()): Promise<RegisterItemDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const beforeDto = await getItem(id, today, tx);
    await updateVersioned(tx, actor, {
      table: registerItems,
      entity: "register_item",
      id,
      version: input.version,
      change: async (before) => {
        await assertCodeFree(tx, input.code, id);
        await assertReferences(tx, input, beforeDto?.purposes.map((p) => p.id));
        return {
          ...columns(input),
          nextReviewDueOn: nextRegisterReviewDue({ lastReviewedOn: before.lastReviewedOn, registeredOn: registeredOn(before), reviewIntervalMonths: input.reviewIntervalMonths }),
        };
      },
      afterUpdate: async () => {
        await syncLinks(tx, id, input.purposeIds, input.contractorIds);
        await writeSnapshot(tx, actor, id, "updated", today);
      },
      audit: () => ({ before: beforeDto ? snapshotOf(beforeDto) : undefined }),
    });
    return (await getItem(id, today, tx))!;
  });
}

export async function setItemRetired(actor: SessionUser, id: number, version: number, retire: boolean, today = todayInTokyo()): Promise<RegisterItemDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await setRetiredVersioned(tx, actor, {
      table: registerItems,
      entity: "register_item",
      id,
      version,
      retire,
      afterUpdate: () => writeSnapshot(tx, actor, id, retire ? "retired" : "restored", today),
    });
    return (await getItem(id, today, tx))!;
  });
}

const changedByUser = users;

/** Every version of an item, newest first, with the fields each changed from the one before. */
export async function itemHistory(id: number): Promise<{ items: ItemVersionDto[] } | null> {
  const db = await getDb();
  const [exists] = await db.select({ id: registerItems.id }).from(registerItems).where(eq(registerItems.id, id));
  if (!exists) return null;
  const rows = await db
    .select({ v: registerItemVersions, name: changedByUser.name })
    .from(registerItemVersions)
    .leftJoin(changedByUser, eq(changedByUser.id, registerItemVersions.changedBy))
    .where(eq(registerItemVersions.itemId, id))
    .orderBy(asc(registerItemVersions.version));
  const out: ItemVersionDto[] = rows.map(({ v, name }, i) => {
    const prev = i > 0 ? rows[i - 1].v.snapshot : null;
    const changedFields = prev ? Object.keys(v.snapshot).filter((k) => JSON.stringify(v.snapshot[k] ?? null) !== JSON.stringify(prev[k] ?? null)) : [];
    return { version: v.version, action: v.action, changedAt: v.changedAt.toISOString(), changedByName: name, changedFields, snapshot: v.snapshot };
  });
  return { items: out.reverse() };
}

// ---- reviews ----------------------------------------------------------------------------------

function reviewDto(r: { review: typeof registerReviews.$inferSelect; code: string | null; name: string | null }): RegisterReviewDto {
  const x = r.review;
  return {
    id: x.id,
    itemId: x.itemId,
    itemCode: r.code,
    itemName: r.name,
    reviewedOn: x.reviewedOn,
    reviewer: x.reviewer,
    result: x.result,
    changes: x.changes,
    risksReviewed: x.risksReviewed > 0,
    createdAt: x.createdAt.toISOString(),
  };
}

export async function listReviews(q: ListReviewsQuery): Promise<Page<RegisterReviewDto>> {
  const db = await getDb();
  const where: SQL[] = [];
  if (q.itemId) where.push(or(eq(registerReviews.itemId, q.itemId), isNull(registerReviews.itemId))!);
  if (q.scope === "register") where.push(isNull(registerReviews.itemId));
  else if (q.scope === "item") where.push(isNotNull(registerReviews.itemId));
  const rows = await db
    .select({ review: registerReviews, code: registerItems.code, name: registerItems.name, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(registerReviews)
    .leftJoin(registerItems, eq(registerItems.id, registerReviews.itemId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(registerReviews.reviewedOn), desc(registerReviews.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  let total = rows[0]?.total ?? 0;
  if (!rows.length && q.page > 1) {
    const [c] = await db.select({ n: count() }).from(registerReviews).where(where.length ? and(...where) : undefined);
    total = c?.n ?? 0;
  }
  return { items: rows.map(reviewDto), total, page: q.page, pageSize: q.pageSize };
}

/**
 * A review of one item (its version checked: the item's last review and next due date change, and a
 * "retired" result retires it) or of the whole register (every item in use counts as reviewed on that
 * date: each gets a new version and a history row). Both are audited.
 */
export async function createReview(actor: SessionUser, input: CreateReviewInput, today = todayInTokyo()): Promise<RegisterReviewDto> {
  const problem = reviewDateProblem(input.reviewedOn, today);
  if (problem) throw new ValidationError([{ field: "reviewedOn", code: "future", messageKey: problem }]);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const base = {
      reviewedOn: input.reviewedOn,
      reviewer: input.reviewer,
      reviewerId: actor.id,
      result: input.result,
      changes: input.changes,
      risksReviewed: input.risksReviewed ? 1 : 0,
    };
    if (input.itemId !== null) {
      const itemId = input.itemId;
      await updateVersioned(tx, actor, {
        table: registerItems,
        entity: "register_item",
        id: itemId,
        version: input.version!,
        change: (before) => {
          if (before.retiredAt) throw new ConflictError("register.errors.itemRetired");
          const last = lastReviewAfter(before.lastReviewedOn, input.reviewedOn);
          return {
            lastReviewedOn: last,
            nextReviewDueOn: nextRegisterReviewDue({ lastReviewedOn: last, registeredOn: registeredOn(before), reviewIntervalMonths: before.reviewIntervalMonths }),
            ...(input.result === "retired" ? { retiredAt: new Date() } : {}),
          };
        },
        afterUpdate: async () => {
          await writeSnapshot(tx, actor, itemId, input.result === "retired" ? "retired" : "reviewed", today);
        },
        audit: (before, after) => ({ before, after: { ...after, review: base } }),
      });
      const [review] = await tx.insert(registerReviews).values({ ...base, itemId }).returning();
      await recordAudit(tx, actor, { action: "create", entity: "register_review", entityId: review.id, after: review });
      const [item] = await tx.select({ code: registerItems.code, name: registerItems.name }).from(registerItems).where(eq(registerItems.id, itemId));
      return reviewDto({ review, code: item.code, name: item.name });
    }
    // The whole register: every item in use, locked in id order, moves to the review's date (never back).
    const live = await tx.select().from(registerItems).where(isNull(registerItems.retiredAt)).orderBy(asc(registerItems.id)).for("update");
    const audits: AuditInput[] = [];
    const changedIds: number[] = [];
    for (const before of live) {
      const last = lastReviewAfter(before.lastReviewedOn, input.reviewedOn);
      const next = nextRegisterReviewDue({ lastReviewedOn: last, registeredOn: registeredOn(before), reviewIntervalMonths: before.reviewIntervalMonths });
      if (last === before.lastReviewedOn && next === before.nextReviewDueOn) continue;
      await tx
        .update(registerItems)
        .set({ lastReviewedOn: last, nextReviewDueOn: next, version: before.version + 1, updatedAt: new Date() })
        .where(eq(registerItems.id, before.id));
      changedIds.push(before.id);
    }
    // One history row per item, from the rows as they now are (one statement, not one per item).
    if (changedIds.length) {
      await tx.execute(sql`
        insert into "register_item_versions" ("item_id", "version", "snapshot", "action", "changed_by")
        select v."item_id", i."version", v."snapshot" || jsonb_build_object('lastReviewedOn', i."last_reviewed_on", 'nextReviewDueOn', i."next_review_due_on"), 'reviewed', ${actor.id}
        from "register_items" i
        join lateral (select "item_id", "snapshot" from "register_item_versions" x where x."item_id" = i."id" order by x."version" desc limit 1) v on true
        where i."id" in (${sql.join(changedIds.map((id) => sql`${id}`), sql`, `)})
`);
    }
    const [review] = await tx.insert(registerReviews).values({ ...base, itemId: null }).returning();
    audits.push({ action: "create", entity: "register_review", entityId: review.id, after: { ...review, itemIds: changedIds } });
    await recordAudits(tx, actor, audits);
    return reviewDto({ review, code: null, name: null });
  });
}

// ---- purposes of use --------------------------------------------------------------------------

const purposeItemCount = sql<number>`(select count(*) from "register_item_purposes" ip join "register_items" i on i."id" = ip."item_id" where ip."purpose_id" = "purposes_of_use"."id" and i."retired_at" is null)`.mapWith(Number);

function purposeDto(p: typeof purposesOfUse.$inferSelect & { itemCount: number }): PurposeDto {
  return { id: p.id, code: p.code, text: p.text, sortOrder: p.sortOrder, itemCount: p.itemCount, retiredAt: p.retiredAt ? p.retiredAt.toISOString() : null, version: p.version };
}

export async function listPurposes(includeRetired = false, db?: DbOrTx): Promise<PurposeDto[]> {
  const d = db ?? (await getDb());
  const rows = await d
    .select({ p: purposesOfUse, itemCount: purposeItemCount })
    .from(purposesOfUse)
    .where(includeRetired ? undefined : isNull(purposesOfUse.retiredAt))
    .orderBy(asc(purposesOfUse.sortOrder), asc(purposesOfUse.code));
  return rows.map((r) => purposeDto({ ...r.p, itemCount: r.itemCount }));
}

async function getPurpose(tx: DbOrTx, id: number): Promise<PurposeDto> {
  const [r] = await tx.select({ p: purposesOfUse, itemCount: purposeItemCount }).from(purposesOfUse).where(eq(purposesOfUse.id, id));
  return purposeDto({ ...r.p, itemCount: r.itemCount });
}

async function assertPurposeCodeFree(tx: DbOrTx, code: string, excludeId?: number) {
  const [dup] = await tx.select({ id: purposesOfUse.id }).from(purposesOfUse).where(eq(purposesOfUse.code, code));
  if (dup && dup.id !== excludeId) throw new ConflictError("problems.duplicate", {}, [{ field: "code", code: "duplicate", messageKey: "register.errors.purposeCodeTaken" }]);
}

export async function createPurpose(actor: SessionUser, input: CreatePurposeInput): Promise<PurposeDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertPurposeCodeFree(tx, input.code);
    const [row] = await tx.insert(purposesOfUse).values(input).returning();
    await recordAudit(tx, actor, { action: "create", entity: "purpose_of_use", entityId: row.id, after: row });
    return getPurpose(tx, row.id);
  });
}

export async function updatePurpose(actor: SessionUser, id: number, input: UpdatePurposeInput): Promise<PurposeDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      table: purposesOfUse,
      entity: "purpose_of_use",
      id,
      version: input.version,
      change: async () => {
        await assertPurposeCodeFree(tx, input.code, id);
        return { code: input.code, text: input.text, sortOrder: input.sortOrder };
      },
    });
    return getPurpose(tx, id);
  });
}

/** Retire or restore a purpose: items that chose it keep it (their history says so); it can no longer be newly chosen. */
export async function setPurposeRetired(actor: SessionUser, id: number, version: number, retire: boolean): Promise<PurposeDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await setRetiredVersioned(tx, actor, { table: purposesOfUse, entity: "purpose_of_use", id, version, retire });
    return getPurpose(tx, id);
  });
}

// ---- import -----------------------------------------------------------------------------------

export type RegisterImportChange = { line: number; action: "insert" | "update" | "unchanged"; id: number | null; code: string; name: string };
export type ResolvedImportRow = RegisterImportRow & { purposeIds: number[]; contractorIds: number[]; ownerDepartmentId: number | null };

/** Keys compared to tell an unchanged row from an update. */
const COMPARED = [
  "name",
  "kind",
  "dataSubjects",
  "dataItems",
  "personCount",
  "form",
  "acquisitionMethod",
  "noticeOrConsent",
  "ownerDepartmentId",
  "storagePlace",
  "storageMethod",
  "accessScope",
  "usePeriod",
  "retentionPeriod",
  "disposalMethod",
  "provision",
  "provisionBasis",
  "abroadCountries",
  "reviewIntervalMonths",
  "note",
] as const;

const sameSet = (a: number[], b: number[]) => a.length === b.length && [...a].sort((x, y) => x - y).join() === [...b].sort((x, y) => x - y).join();

/**
 * The register import, all-or-nothing (db/queries/imports/register.ts runs it through the pipeline):
 * `preview` stores nothing; `commit` writes every row in one transaction, each change with its history
 * row and audit entry. Rows match stored items by code; a row equal to its item changes nothing, so a
 * second import of the same file is "unchanged" throughout. A row that would change a retired item is
 * a line error (restore the item first; the import never restores), in preview and commit alike. The
 * last review date of a file only moves an item's review forward.
 */
export async function importRegister(actor: SessionUser, rows: ResolvedImportRow[], mode: "preview" | "commit", today = todayInTokyo()) {
  const db = await getDb();
  const run = async (tx: DbOrTx) => {
    const codes = rows.map((r) => r.input.code);
    // A commit locks the items it may change (in id order), so that an edit made meanwhile is not overwritten.
    const matching = tx.select().from(registerItems).where(inArray(registerItems.code, codes)).orderBy(asc(registerItems.id));
    const existing = codes.length ? await (mode === "commit" ? matching.for("update") : matching) : [];
    const byCode = new Map(existing.map((e) => [e.code, e]));
    const links = await linksOf(tx, existing.map((e) => e.id));
    const changes: RegisterImportChange[] = [];
    const issues: ImportIssue[] = [];
    const touched: { id: number; action: ItemHistoryAction; before: RegisterItem | null }[] = [];
    for (const r of rows) {
      const match = byCode.get(r.input.code);
      const next = { ...columns({ ...r.input, ownerDepartmentId: r.ownerDepartmentId }) };
      if (!match) {
        let id: number | null = null;
        if (mode === "commit") {
          const [row] = await tx
            .insert(registerItems)
            .values({
              ...next,
              lastReviewedOn: r.input.lastReviewedOn,
              nextReviewDueOn: nextRegisterReviewDue({ lastReviewedOn: r.input.lastReviewedOn, registeredOn: today, reviewIntervalMonths: r.input.reviewIntervalMonths }),
              createdBy: actor.id,
            })
            .returning();
          id = row.id;
          await syncLinks(tx as Tx, id, r.purposeIds, r.contractorIds);
          touched.push({ id, action: "imported", before: null });
        }
        changes.push({ line: r.line, action: "insert", id, code: r.input.code, name: r.input.name });
        continue;
      }
      const lastReviewedOn = r.input.lastReviewedOn ? lastReviewAfter(match.lastReviewedOn, r.input.lastReviewedOn) : match.lastReviewedOn;
      const nextReviewDueOn = nextRegisterReviewDue({ lastReviewedOn, registeredOn: registeredOn(match), reviewIntervalMonths: next.reviewIntervalMonths });
      const same =
        COMPARED.every((k) => JSON.stringify(next[k] ?? null) === JSON.stringify(match[k] ?? null)) &&
        lastReviewedOn === match.lastReviewedOn &&
        nextReviewDueOn === match.nextReviewDueOn &&
        sameSet(r.purposeIds, (links.purposes.get(match.id) ?? []).map((p) => p.id)) &&
        sameSet(r.contractorIds, (links.contractors.get(match.id) ?? []).map((c) => c.id));
      if (match.retiredAt && !same) {
        // A retired item is not brought back by an import (docs/domain.md §6): restoring is a decision of its own.
        issues.push({ line: r.line, column: "code", code: "retired", messageKey: "register.import.errors.itemRetired", values: { code: r.input.code } });
        continue;
      }
      if (!same && mode === "commit") {
        await tx
          .update(registerItems)
          .set({ ...next, lastReviewedOn, nextReviewDueOn, version: match.version + 1, updatedAt: new Date() })
          .where(eq(registerItems.id, match.id));
        await syncLinks(tx as Tx, match.id, r.purposeIds, r.contractorIds);
        touched.push({ id: match.id, action: "imported", before: match });
      }
      changes.push({ line: r.line, action: same ? "unchanged" : "update", id: match.id, code: r.input.code, name: r.input.name });
    }
    // All or nothing: a row the stored data refuses rolls the whole commit back.
    if (issues.length && mode === "commit") throw rejectRows(issues, REGISTER_COLUMN_KEYS);
    if (mode === "commit") {
      // History rows, then the audit entries last (the audit chain's lock is held from the first audit row to the commit).
      const audits: AuditInput[] = [];
      const dtos = await dtosOf(tx, touched.map((t) => t.id), today);
      if (dtos.length)
        await tx.insert(registerItemVersions).values(dtos.map((d) => ({ itemId: d.id, version: d.version, snapshot: snapshotOf(d), action: "imported", changedBy: actor.id })));
      const dtoById = new Map(dtos.map((d) => [d.id, d]));
      for (const t of touched) audits.push({ action: "import", entity: "register_item", entityId: t.id, before: t.before ?? undefined, after: snapshotOf(dtoById.get(t.id)!) });
      await recordAudits(tx, actor, audits);
    }
    return { changes, issues };
  };
  if (mode === "preview") return { ...(await run(db)), committed: false };
  return { ...(await db.transaction(run)), committed: true };
}

/** What the import resolves names against: live purposes, every contractor, every department. */
export async function importReferences(db?: Db) {
  const d = db ?? (await getDb());
  const [purposes, contractorRows, departmentRows] = await Promise.all([
    d.select({ id: purposesOfUse.id, code: purposesOfUse.code, text: purposesOfUse.text }).from(purposesOfUse).where(isNull(purposesOfUse.retiredAt)),
    d.select({ id: contractors.id, name: contractors.name }).from(contractors),
    d.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments),
  ]);
  return { purposes, contractors: contractorRows, departments: departmentRows };
}

/** Overview figures (items in use, overdue, sensitive), for pages that show the register's state. */
export async function registerCounts(today = todayInTokyo()) {
  const db = await getDb();
  const [r] = await db
    .select({
      active: count(),
      overdue: sql<number>`count(*) filter (where ${registerItems.nextReviewDueOn} < ${today})`.mapWith(Number),
      sensitive: sql<number>`count(*) filter (where ${registerItems.kind} = 'sensitive')`.mapWith(Number),
    })
    .from(registerItems)
    .where(isNull(registerItems.retiredAt));
  return r;
}

/** The export's risk-analysis sheet: by item, then lifecycle stage, then id. */
const riskExportOrder = [
  asc(registerRisks.itemId),
  sql`array_position(${sql.raw(`array[${LIFECYCLE_STAGES.map((x) => `'${x}'`).join(",")}]::text[]`)}, ${registerRisks.stage}::text)`,
  asc(registerRisks.id),
];
