import "server-only";
import { and, asc, count, desc, eq, gte, ilike, isNull, lt, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Tx } from "@/db";
import { regulationReviews, regulations, regulationVersions, users, type Regulation, type RegulationReview } from "@/db/schema";
import { ConflictError, ValidationError, type FieldError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import { fiscalYearMonths, fiscalYearRange, currentFiscalYear } from "@/lib/fiscal-year";
import { applyApproval, daysUntilDue, dueSoonLimit, dueState, dueTimeline, nextReviewDue, nextVersionNumber, ReviewRuleError } from "@/lib/regulations/due";
import type {
  CreateRegulationInput,
  CreateReviewInput,
  ExportRegulationsQuery,
  ListRegulationsQuery,
  RegulationDetail,
  RegulationDto,
  RegulationSummary,
  ReviewDto,
  UpdateRegulationInput,
  UpdateReviewInput,
} from "@/lib/regulations/schema";
import { recordAudit } from "./audit";
import { lockVersioned, setRetiredVersioned, updateVersioned, withoutVersion } from "./versioned";
import { getFiscalYearStartMonth } from "./settings";

const owner = alias(users, "owner");
const recorder = alias(users, "recorder");
const approver = alias(users, "approver");

const pendingReviewSql = sql<number | null>`(select rr."id" from "regulation_reviews" rr where rr."regulation_id" = "regulations"."id" and rr."state" = 'draft' and rr."retired_at" is null limit 1)`;

function toDto(r: Regulation, ownerUserName: string | null, pendingReviewId: number | null, today: string): RegulationDto {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    description: r.description,
    ownerUserId: r.ownerUserId,
    ownerName: r.ownerName,
    ownerLabel: ownerUserName ?? r.ownerName ?? "",
    currentVersion: r.currentVersion,
    effectiveDate: r.effectiveDate,
    reviewIntervalMonths: r.reviewIntervalMonths,
    lastReviewedOn: r.lastReviewedOn,
    nextReviewDue: r.nextReviewDue,
    dueState: dueState(r.nextReviewDue, today),
    daysUntilDue: r.nextReviewDue ? daysUntilDue(r.nextReviewDue, today) : null,
    status: r.status,
    pendingReviewId: pendingReviewId === null ? null : Number(pendingReviewId),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The due-state filter in SQL, the same boundaries as dueState() in lib/regulations/due.ts. */
function dueStateSql(state: string, today: string): SQL {
  const soon = dueSoonLimit(today);
  switch (state) {
    case "overdue":
      return and(eq(regulations.status, "in_force"), lt(regulations.nextReviewDue, today))!;
    case "due_soon":
      return and(eq(regulations.status, "in_force"), gte(regulations.nextReviewDue, today), lte(regulations.nextReviewDue, soon))!;
    case "on_time":
      return and(eq(regulations.status, "in_force"), sql`${regulations.nextReviewDue} > ${soon}`)!;
    default:
      return or(ne(regulations.status, "in_force"), isNull(regulations.nextReviewDue))!;
  }
}

function filter(q: Pick<ListRegulationsQuery, "q" | "status" | "dueState" | "owner">, today: string): SQL | undefined {
  const where: SQL[] = [];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(regulations.code, like), ilike(regulations.title, like), ilike(regulations.ownerName, like), ilike(owner.name, like))!);
  }
  if (q.status) where.push(eq(regulations.status, q.status));
  if (q.dueState) where.push(dueStateSql(q.dueState, today));
  if (q.owner) where.push(eq(regulations.ownerUserId, q.owner));
  return where.length ? and(...where) : undefined;
}

function order(q: Pick<ListRegulationsQuery, "sort" | "dir">): SQL[] {
  const dir = q.dir === "desc" ? desc : asc;
  const col = {
    code: regulations.code,
    title: regulations.title,
    nextReviewDue: regulations.nextReviewDue,
    effectiveDate: regulations.effectiveDate,
    status: regulations.status,
  }[q.sort];
  // Regulations without a due date sort after every dated one.
  const nulls = q.sort === "nextReviewDue" ? [sql`${regulations.nextReviewDue} is null`] : [];
  return [...nulls, dir(col), asc(regulations.code), asc(regulations.id)];
}

const listSelect = { reg: regulations, ownerUserName: owner.name, pendingReviewId: pendingReviewSql };

export async function listRegulations(q: ListRegulationsQuery, today = todayInTokyo()) {
  const db = await getDb();
  const cond = filter(q, today);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select(listSelect)
      .from(regulations)
      .leftJoin(owner, eq(owner.id, regulations.ownerUserId))
      .where(cond)
      .orderBy(...order(q))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(regulations).leftJoin(owner, eq(owner.id, regulations.ownerUserId)).where(cond),
  ]);
  return { items: rows.map((r) => toDto(r.reg, r.ownerUserName, r.pendingReviewId, today)), total: Number(n), page: q.page, pageSize: q.pageSize };
}

export async function listRegulationsForExport(q: ExportRegulationsQuery, today = todayInTokyo()) {
  const db = await getDb();
  const rows = await db
    .select(listSelect)
    .from(regulations)
    .leftJoin(owner, eq(owner.id, regulations.ownerUserId))
    .where(filter(q, today))
    .orderBy(...order(q));
  return rows.map((r) => toDto(r.reg, r.ownerUserName, r.pendingReviewId, today));
}

export async function getRegulation(id: number, today = todayInTokyo()): Promise<RegulationDto | null> {
  const db = await getDb();
  const [row] = await db.select(listSelect).from(regulations).leftJoin(owner, eq(owner.id, regulations.ownerUserId)).where(eq(regulations.id, id));
  return row ? toDto(row.reg, row.ownerUserName, row.pendingReviewId, today) : null;
}

function reviewDto(r: RegulationReview, recordedByName: string | null, approvedByName: string | null): ReviewDto {
  return {
    id: r.id,
    regulationId: r.regulationId,
    reviewedOn: r.reviewedOn,
    reviewers: r.reviewers,
    trigger: r.trigger,
    outcome: r.outcome,
    summary: r.summary,
    proposedVersion: r.proposedVersion,
    proposedEffectiveDate: r.proposedEffectiveDate,
    minutes: r.minutes,
    state: r.state,
    recordedByName,
    approvedByName,
    approvedOn: r.approvedOn,
    approvedAt: r.approvedAt ? r.approvedAt.toISOString() : null,
    discarded: r.retiredAt !== null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function getRegulationDetail(id: number, today = todayInTokyo()): Promise<RegulationDetail | null> {
  const regulation = await getRegulation(id, today);
  if (!regulation) return null;
  const db = await getDb();
  const [versions, reviews] = await Promise.all([
    db
      .select({ v: regulationVersions, approverName: approver.name })
      .from(regulationVersions)
      .leftJoin(approver, eq(approver.id, regulationVersions.approvedBy))
      .where(eq(regulationVersions.regulationId, id))
      .orderBy(desc(regulationVersions.versionNumber)),
    db
      .select({ r: regulationReviews, recordedByName: recorder.name, approvedByName: approver.name })
      .from(regulationReviews)
      .leftJoin(recorder, eq(recorder.id, regulationReviews.recordedBy))
      .leftJoin(approver, eq(approver.id, regulationReviews.approvedBy))
      .where(eq(regulationReviews.regulationId, id))
      .orderBy(desc(regulationReviews.reviewedOn), desc(regulationReviews.id)),
  ]);
  return {
    regulation,
    versions: versions.map(({ v, approverName }) => ({
      id: v.id,
      versionNumber: v.versionNumber,
      effectiveDate: v.effectiveDate,
      summary: v.summary,
      reviewId: v.reviewId,
      approvedByName: approverName ?? v.approvedByName,
      approvedOn: v.approvedOn,
      current: regulation.status !== "draft" && v.versionNumber === regulation.currentVersion,
    })),
    reviews: reviews.map(({ r, recordedByName, approvedByName }) => reviewDto(r, recordedByName, approvedByName)),
  };
}

async function assertValid(tx: Tx, input: { code: string; ownerUserId: number | null }, excludeId?: number) {
  const errors: FieldError[] = [];
  const [dup] = await tx
    .select({ id: regulations.id })
    .from(regulations)
    .where(and(sql`lower(${regulations.code}) = lower(${input.code})`, excludeId ? ne(regulations.id, excludeId) : undefined));
  if (dup) errors.push({ field: "code", code: "duplicate", messageKey: "regulations.errors.codeTaken" });
  if (input.ownerUserId !== null) {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.ownerUserId));
    if (!u) errors.push({ field: "ownerUserId", code: "unknown", messageKey: "regulations.errors.unknownUser" });
  }
  if (errors.length) throw new ValidationError(errors);
}

export async function createRegulation(actor: SessionUser, input: CreateRegulationInput, today = todayInTokyo()): Promise<RegulationDto> {
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    await assertValid(tx, input);
    const inForce = input.status === "in_force";
    const facts = {
      status: input.status,
      effectiveDate: input.effectiveDate,
      lastReviewedOn: inForce ? input.lastReviewedOn : null,
      reviewIntervalMonths: input.reviewIntervalMonths,
    };
    const [row] = await tx
      .insert(regulations)
      .values({
        code: input.code,
        title: input.title,
        description: input.description,
        ownerUserId: input.ownerUserId,
        ownerName: input.ownerUserId === null ? input.ownerName : null,
        currentVersion: inForce ? input.currentVersion : null,
        ...facts,
        nextReviewDue: nextReviewDue(facts),
      })
      .returning();
    if (inForce) {
      await tx.insert(regulationVersions).values({
        regulationId: row.id,
        versionNumber: input.currentVersion,
        effectiveDate: input.effectiveDate,
        summary: input.versionSummary ?? (input.currentVersion === 1 ? "制定" : "台帳登録時点の版"),
        approvedByName: null,
        approvedOn: null,
      });
    }
    await recordAudit(tx, actor, { action: "create", entity: "regulation", entityId: row.id, after: row });
    return row.id;
  });
  return (await getRegulation(id, today))!;
}

/** Code, title, owner and interval; status, version and dates change only through approved reviews. */
export async function updateRegulation(actor: SessionUser, id: number, input: UpdateRegulationInput, today = todayInTokyo()): Promise<RegulationDto> {
  const db = await getDb();
  await db.transaction((tx) =>
    updateVersioned(tx, actor, {
      table: regulations,
      entity: "regulation",
      id,
      version: input.version,
      change: async (before) => {
        await assertValid(tx, input, id);
        return {
          code: input.code,
          title: input.title,
          description: input.description,
          ownerUserId: input.ownerUserId,
          ownerName: input.ownerUserId === null ? input.ownerName : null,
          reviewIntervalMonths: input.reviewIntervalMonths,
          nextReviewDue: nextReviewDue({ ...before, reviewIntervalMonths: input.reviewIntervalMonths }),
        };
      },
    }),
  );
  return (await getRegulation(id, today))!;
}

// Reviews

async function loadReviewDto(tx: Tx, id: number): Promise<ReviewDto> {
  const [row] = await tx
    .select({ r: regulationReviews, recordedByName: recorder.name, approvedByName: approver.name })
    .from(regulationReviews)
    .leftJoin(recorder, eq(recorder.id, regulationReviews.recordedBy))
    .leftJoin(approver, eq(approver.id, regulationReviews.approvedBy))
    .where(eq(regulationReviews.id, id));
  return reviewDto(row.r, row.recordedByName, row.approvedByName);
}

async function proposedVersionFor(tx: Tx, reg: Regulation, outcome: string): Promise<number | null> {
  if (outcome !== "revised") return null;
  const rows = await tx.select({ n: regulationVersions.versionNumber }).from(regulationVersions).where(eq(regulationVersions.regulationId, reg.id));
  return nextVersionNumber([...rows.map((r) => r.n), ...(reg.currentVersion ? [reg.currentVersion] : [])]);
}

function reviewFieldErrors(reg: Regulation, input: CreateReviewInput): FieldError[] {
  const errors: FieldError[] = [];
  if (reg.status === "draft" && input.outcome === "no_change")
    errors.push({ field: "outcome", code: "invalid", messageKey: "regulations.errors.draftNeedsRevision" });
  if (reg.status === "draft" && input.outcome === "retired")
    errors.push({ field: "outcome", code: "invalid", messageKey: "regulations.errors.draftCannotRetire" });
  if (input.proposedEffectiveDate && input.proposedEffectiveDate < input.reviewedOn)
    errors.push({ field: "proposedEffectiveDate", code: "invalid", messageKey: "regulations.errors.effectiveBeforeReview" });
  return errors;
}

/** Record a review as a draft: nothing in the register changes until it is approved. */
export async function createReview(actor: SessionUser, regulationId: number, input: CreateReviewInput): Promise<ReviewDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const reg = await lockVersioned(tx, regulations, regulationId);
    if (reg.status === "retired") throw new ConflictError("regulations.errors.regulationRetired");
    const errors = reviewFieldErrors(reg, input);
    if (errors.length) throw new ValidationError(errors);
    const [open] = await tx
      .select({ id: regulationReviews.id })
      .from(regulationReviews)
      .where(and(eq(regulationReviews.regulationId, regulationId), eq(regulationReviews.state, "draft"), isNull(regulationReviews.retiredAt)));
    if (open) throw new ConflictError("regulations.errors.draftExists");
    const [row] = await tx
      .insert(regulationReviews)
      .values({ ...input, regulationId, proposedVersion: await proposedVersionFor(tx, reg, input.outcome), recordedBy: actor.id })
      .returning();
    await recordAudit(tx, actor, { action: "create", entity: "regulation_review", entityId: row.id, after: row });
    return loadReviewDto(tx, row.id);
  });
}

/** Only a draft review changes: a discarded or approved one is a conflict. */
function assertDraft(review: RegulationReview) {
  if (review.retiredAt) throw new ConflictError("regulations.errors.reviewDiscarded");
  if (review.state !== "draft") throw new ConflictError("regulations.errors.alreadyApproved");
}

export async function updateReview(actor: SessionUser, id: number, input: UpdateReviewInput): Promise<ReviewDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      table: regulationReviews,
      entity: "regulation_review",
      id,
      version: input.version,
      change: async (before) => {
        assertDraft(before);
        const reg = await lockVersioned(tx, regulations, before.regulationId);
        const errors = reviewFieldErrors(reg, input);
        if (errors.length) throw new ValidationError(errors);
        const fields = withoutVersion(input);
        return { ...fields, proposedVersion: await proposedVersionFor(tx, reg, input.outcome) };
      },
    });
    return loadReviewDto(tx, id);
  });
}

/** Discard a draft review (kept, marked discarded; an approved review is never discarded; discarding twice is a 409). */
export async function discardReview(actor: SessionUser, id: number, version: number): Promise<ReviewDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await setRetiredVersioned(tx, actor, {
      table: regulationReviews,
      entity: "regulation_review",
      id,
      version,
      retire: true,
      check: assertDraft,
      messages: { alreadyRetired: "regulations.errors.reviewDiscarded" },
    });
    return loadReviewDto(tx, id);
  });
}

/**
 * Approve a draft review (a privacy_manager, separately from recording it): the register follows
 * the rules of applyApproval() — a revision's new version comes into force and joins the history,
 * the due date moves on, a 'retired' outcome retires the regulation. All in one transaction.
 */
export async function approveReview(actor: SessionUser, id: number, version: number, today = todayInTokyo()): Promise<RegulationDetail> {
  const db = await getDb();
  const regulationId = await db.transaction(async (tx) => {
    let before!: Regulation;
    let effect!: ReturnType<typeof applyApproval>;
    const now = new Date();
    const review = await updateVersioned(tx, actor, {
      table: regulationReviews,
      entity: "regulation_review",
      id,
      version,
      change: async (review) => {
        assertDraft(review);
        before = await lockVersioned(tx, regulations, review.regulationId);
        try {
          effect = applyApproval(before, review, today);
        } catch (e) {
          if (e instanceof ReviewRuleError) throw new ConflictError(e.messageKey);
          throw e;
        }
        if (effect.newVersion) {
          const [clash] = await tx
            .select({ id: regulationVersions.id })
            .from(regulationVersions)
            .where(and(eq(regulationVersions.regulationId, before.id), eq(regulationVersions.versionNumber, effect.newVersion.versionNumber)));
          if (clash) throw new ConflictError("regulations.errors.versionNotNewer");
          await tx.insert(regulationVersions).values({
            regulationId: before.id,
            versionNumber: effect.newVersion.versionNumber,
            effectiveDate: effect.newVersion.effectiveDate,
            summary: review.summary ?? "",
            reviewId: review.id,
            approvedBy: actor.id,
            approvedByName: actor.name,
            approvedOn: today,
          });
        }
        return { state: "approved" as const, approvedBy: actor.id, approvedOn: today, approvedAt: now };
      },
      audit: () => ({ action: "approve" }),
    });
    // The regulation's row is locked already (above): its update waits for nothing.
    await updateVersioned(tx, actor, {
      table: regulations,
      entity: "regulation",
      id: review.regulationId,
      version: before.version,
      change: () => ({
        status: effect.status,
        currentVersion: effect.currentVersion,
        effectiveDate: effect.effectiveDate,
        lastReviewedOn: effect.lastReviewedOn,
        nextReviewDue: effect.nextReviewDue,
        retiredAt: effect.status === "retired" ? now : null,
      }),
    });
    return before.id;
  });
  return (await getRegulationDetail(regulationId, today))!;
}

// Counts and the fiscal-year timeline

export async function getRegulationSummary(fy: number | undefined, today = todayInTokyo()): Promise<RegulationSummary> {
  const db = await getDb();
  const startMonth = await getFiscalYearStartMonth();
  const fiscalYear = fy ?? currentFiscalYear(today, startMonth);
  const range = fiscalYearRange(fiscalYear, startMonth);
  const months = fiscalYearMonths(fiscalYear, startMonth).map((m) => m.slice(0, 7));
  const [regs, pending, reviewed] = await Promise.all([
    db.select({ status: regulations.status, nextReviewDue: regulations.nextReviewDue }).from(regulations),
    db
      .select({ n: count() })
      .from(regulationReviews)
      .where(and(eq(regulationReviews.state, "draft"), isNull(regulationReviews.retiredAt))),
    db
      .select({ month: sql<string>`to_char(${regulationReviews.reviewedOn}, 'YYYY-MM')`, n: count() })
      .from(regulationReviews)
      .where(and(eq(regulationReviews.state, "approved"), gte(regulationReviews.reviewedOn, range.start), lte(regulationReviews.reviewedOn, range.end)))
      .groupBy(sql`1`),
  ]);
  const counts = { overdue: 0, dueSoon: 0, onTime: 0, inForce: 0, draft: 0, retired: 0, pendingApproval: Number(pending[0]?.n ?? 0) };
  for (const r of regs) {
    if (r.status === "draft") counts.draft++;
    else if (r.status === "retired") counts.retired++;
    else {
      counts.inForce++;
      const s = dueState(r.nextReviewDue, today);
      if (s === "overdue") counts.overdue++;
      else if (s === "due_soon") counts.dueSoon++;
      else if (s === "on_time") counts.onTime++;
    }
  }
  const reviewedBy = new Map(reviewed.map((r) => [r.month, Number(r.n)]));
  return {
    today,
    fiscalYear,
    counts,
    months: dueTimeline(
      months,
      regs.filter((r) => r.status === "in_force"),
      today,
    ),
    reviewed: months.map((m) => ({ month: m, count: reviewedBy.get(m) ?? 0 })),
  };
}

/** Users who may own a regulation (pickers). */
export async function listOwnerOptions() {
  const db = await getDb();
  return db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name));
}

