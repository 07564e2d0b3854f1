import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { managementReviewActions, managementReviews, users, type ManagementReview, type ManagementReviewAction } from "@/db/schema";
import { ValidationError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import { fiscalYearOf } from "@/lib/fiscal-year";
import type {
  CreateManagementReviewInput,
  CreateReviewActionInput,
  ListManagementReviewsQuery,
  ManagementReviewDetail,
  ManagementReviewDto,
  ReviewActionDto,
  UpdateManagementReviewInput,
  UpdateReviewActionInput,
} from "@/lib/audits/schema";
import { recordAudit } from "./audit";
import { ownerAndDoneOn } from "./audits";
import { lockVersioned, updateVersioned, withoutVersion } from "./versioned";
import { getFiscalYearStartMonth } from "./settings";

function reviewDto(r: ManagementReview, actions: { status: string }[]): ManagementReviewDto {
  return {
    id: r.id,
    fiscalYear: r.fiscalYear,
    heldOn: r.heldOn,
    title: r.title,
    participants: r.participants,
    inputAuditResults: r.inputAuditResults,
    inputIncidents: r.inputIncidents,
    inputTraining: r.inputTraining,
    inputContractors: r.inputContractors,
    inputLawChanges: r.inputLawChanges,
    inputOther: r.inputOther,
    decisions: r.decisions,
    actionCount: actions.length,
    openActionCount: actions.filter((a) => a.status === "open").length,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

function actionDto(a: ManagementReviewAction, ownerUserName: string | null, today: string): ReviewActionDto {
  return {
    id: a.id,
    reviewId: a.reviewId,
    description: a.description,
    ownerUserId: a.ownerUserId,
    ownerName: a.ownerName,
    ownerLabel: ownerUserName ?? a.ownerName ?? "",
    dueDate: a.dueDate,
    status: a.status,
    doneOn: a.doneOn,
    note: a.note,
    overdue: a.status === "open" && a.dueDate !== null && a.dueDate < today,
    version: a.version,
  };
}

async function actionsOf(db: Tx | Awaited<ReturnType<typeof getDb>>, reviewIds: number[]) {
  if (reviewIds.length === 0) return [];
  const rows = await db
    .select({ a: managementReviewActions, ownerUserName: users.name })
    .from(managementReviewActions)
    .leftJoin(users, eq(users.id, managementReviewActions.ownerUserId))
    .where(and(isNull(managementReviewActions.retiredAt), inArray(managementReviewActions.reviewId, reviewIds)))
    .orderBy(asc(managementReviewActions.id));
  return rows;
}

export async function listManagementReviews(q: ListManagementReviewsQuery, today = todayInTokyo()) {
  const db = await getDb();
  // held: isReviewHeld of lib/audits/rules.ts (held on or before today) stated in SQL.
  const held = q.held === true ? lte(managementReviews.heldOn, today) : q.held === false ? gt(managementReviews.heldOn, today) : undefined;
  const cond = and(isNull(managementReviews.retiredAt), q.fy ? eq(managementReviews.fiscalYear, q.fy) : undefined, held);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(managementReviews)
      .where(cond)
      .orderBy(q.dir === "asc" ? asc(managementReviews.heldOn) : desc(managementReviews.heldOn), asc(managementReviews.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(managementReviews).where(cond),
  ]);
  const actions = await actionsOf(db, rows.map((r) => r.id));
  return {
    items: rows.map((r) => reviewDto(r, actions.filter((a) => a.a.reviewId === r.id).map((a) => a.a))),
    total: Number(n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getManagementReview(id: number, today = todayInTokyo()): Promise<ManagementReviewDetail | null> {
  const db = await getDb();
  const [r] = await db.select().from(managementReviews).where(and(eq(managementReviews.id, id), isNull(managementReviews.retiredAt)));
  if (!r) return null;
  const actions = await actionsOf(db, [id]);
  return { review: reviewDto(r, actions.map((a) => a.a)), actions: actions.map((a) => actionDto(a.a, a.ownerUserName, today)) };
}

/** A retired review (or action) is not found. */
const liveReview = isNull(managementReviews.retiredAt);

export async function createManagementReview(actor: SessionUser, input: CreateManagementReviewInput): Promise<ManagementReviewDetail> {
  const db = await getDb();
  const startMonth = await getFiscalYearStartMonth();
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(managementReviews)
      .values({ ...input, fiscalYear: fiscalYearOf(input.heldOn, startMonth), createdBy: actor.id })
      .returning();
    await recordAudit(tx, actor, { action: "create", entity: "management_review", entityId: row.id, after: row });
    return row.id;
  });
  return (await getManagementReview(id))!;
}

export async function updateManagementReview(actor: SessionUser, id: number, input: UpdateManagementReviewInput): Promise<ManagementReviewDetail> {
  const db = await getDb();
  const startMonth = await getFiscalYearStartMonth();
  await db.transaction((tx) =>
    updateVersioned(tx, actor, {
      table: managementReviews,
      entity: "management_review",
      id,
      version: input.version,
      where: liveReview,
      change: () => {
        const values = withoutVersion(input);
        return { ...values, fiscalYear: fiscalYearOf(input.heldOn, startMonth) };
      },
    }),
  );
  return (await getManagementReview(id))!;
}

async function assertOwner(tx: Tx, ownerUserId: number | null) {
  if (ownerUserId === null) return;
  const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, ownerUserId));
  if (!u) throw new ValidationError([{ field: "ownerUserId", code: "unknown", messageKey: "audits.errors.unknownUser" }]);
}

export async function createReviewAction(actor: SessionUser, reviewId: number, input: CreateReviewActionInput, today = todayInTokyo()): Promise<ReviewActionDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockVersioned(tx, managementReviews, reviewId, undefined, liveReview);
    await assertOwner(tx, input.ownerUserId);
    const [row] = await tx
      .insert(managementReviewActions)
      .values({ ...input, reviewId, ownerName: input.ownerUserId === null ? input.ownerName : null })
      .returning();
    await recordAudit(tx, actor, { action: "create", entity: "management_review_action", entityId: row.id, after: row });
    const [u] = row.ownerUserId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, row.ownerUserId)) : [];
    return actionDto(row, u?.name ?? null, today);
  });
}

export async function updateReviewAction(actor: SessionUser, id: number, input: UpdateReviewActionInput, today = todayInTokyo()): Promise<ReviewActionDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const after = await updateVersioned(tx, actor, {
      table: managementReviewActions,
      entity: "management_review_action",
      id,
      version: input.version,
      where: isNull(managementReviewActions.retiredAt),
      change: async (before) => {
        await assertOwner(tx, input.ownerUserId);
        return { ...withoutVersion(input), ...ownerAndDoneOn(input, before, today) };
      },
    });
    const [u] = after.ownerUserId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, after.ownerUserId)) : [];
    return actionDto(after, u?.name ?? null, today);
  });
}
