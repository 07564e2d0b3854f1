import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { regulations, registerItems, registerReviews, registerRisks, registerRiskVersions, users, type RegisterRisk } from "@/db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo, maxDate } from "@/lib/dates";
import { RISK_SCALE_MAX } from "@/lib/register/enums";
import {
  LEVEL_FLOORS,
  MAX_SCORE,
  RISK_LEVELS,
  RiskRuleError,
  acceptResidual,
  acceptanceAfterEdit,
  analysisDueState,
  analysisReviewDue,
  levelOfScore,
  residualProblems,
  type RiskLevel,
} from "@/lib/register/risk";
import type {
  AcceptRiskInput,
  CountermeasureInput,
  CreateRiskInput,
  HeatMapDto,
  HeatMapQuery,
  ItemAnalysis,
  ListRisksQuery,
  RiskDetail,
  RiskDto,
  RiskVersionDto,
  UpdateRiskInput,
} from "@/lib/register/risk-schema";
import type { Page } from "@/lib/list/page";
import { recordAudit } from "./audit";
import { getRiskThreshold } from "./settings";
import { setRetiredVersioned, updateVersioned } from "./versioned";

/**
 * The risk analysis of the personal information register (docs/domain.md §6, "Risk analysis"): risks
 * per item × lifecycle stage, each write versioned, audited and kept as a snapshot in
 * register_risk_versions in the same transaction; the list and the heat map filtered and counted in SQL.
 */

const ENTITY = "register_risk";

const score = sql<number>`(${registerRisks.likelihood} * ${registerRisks.impact})`;
const residualScore = sql<number>`(${registerRisks.residualLikelihood} * ${registerRisks.residualImpact})`;

/** The score band of a level, as SQL over the given score (lib/register/risk.ts LEVEL_FLOORS). */
function levelWhere(s: SQL, level: RiskLevel): SQL {
  const i = RISK_LEVELS.indexOf(level);
  const next = RISK_LEVELS[i + 1];
  const upper = next ? LEVEL_FLOORS[next] - 1 : MAX_SCORE;
  return sql`${s} between ${LEVEL_FLOORS[level]} and ${upper}`;
}

type Filters = Omit<Partial<ListRisksQuery>, "page" | "pageSize" | "sort" | "dir">;

function whereOf(q: Filters, threshold: number): SQL | undefined {
  const phase = q.phase ?? "residual";
  const s = phase === "inherent" ? score : residualScore;
  const lCol = phase === "inherent" ? registerRisks.likelihood : registerRisks.residualLikelihood;
  const iCol = phase === "inherent" ? registerRisks.impact : registerRisks.residualImpact;
  const conds: (SQL | undefined)[] = [
    // Live: the risk and its item both in use; retired=true: the risk, or its item, retired.
    q.retired === "true"
      ? or(isNotNull(registerRisks.retiredAt), isNotNull(registerItems.retiredAt))
      : and(isNull(registerRisks.retiredAt), isNull(registerItems.retiredAt)),
    q.itemId ? eq(registerRisks.itemId, q.itemId) : undefined,
    q.stage ? eq(registerRisks.stage, q.stage) : undefined,
    q.threat ? eq(registerRisks.threat, q.threat) : undefined,
    q.level ? levelWhere(s, q.level) : undefined,
    q.likelihood ? eq(lCol, q.likelihood) : undefined,
    q.impact ? eq(iCol, q.impact) : undefined,
    q.accepted === "true" ? isNotNull(registerRisks.acceptedOn) : q.accepted === "false" ? isNull(registerRisks.acceptedOn) : undefined,
    q.high === "true" ? sql`${residualScore} >= ${threshold}` : q.high === "false" ? sql`${residualScore} < ${threshold}` : undefined,
    q.q
      ? or(
          ilike(registerRisks.description, `%${escapeLike(q.q)}%`),
          ilike(registerItems.name, `%${escapeLike(q.q)}%`),
          ilike(registerItems.code, `%${escapeLike(q.q)}%`),
        )
      : undefined,
  ];
  return and(...conds);
}

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const columns = {
  risk: registerRisks,
  itemCode: registerItems.code,
  itemName: registerItems.name,
};
type Joined = { risk: RegisterRisk; itemCode: string; itemName: string };

/** Regulation code and title of each cited regulation. */
async function regulationNames(db: DbOrTx, rows: Joined[]): Promise<Map<number, { code: string; title: string }>> {
  const ids = [...new Set(rows.flatMap((r) => r.risk.countermeasures.map((c) => c.regulationId).filter((x): x is number => x != null)))];
  if (ids.length === 0) return new Map();
  const regs = await db.select({ id: regulations.id, code: regulations.code, title: regulations.title }).from(regulations).where(inArray(regulations.id, ids));
  return new Map(regs.map((r) => [r.id, { code: r.code, title: r.title }]));
}

function toDto(r: Joined, regs: Map<number, { code: string; title: string }>, threshold: number): RiskDto {
  const x = r.risk;
  const s = x.likelihood * x.impact;
  const rs = x.residualLikelihood * x.residualImpact;
  return {
    id: x.id,
    itemId: x.itemId,
    itemCode: r.itemCode,
    itemName: r.itemName,
    stage: x.stage,
    threat: x.threat,
    description: x.description,
    likelihood: x.likelihood,
    impact: x.impact,
    score: s,
    level: levelOfScore(s),
    countermeasures: x.countermeasures.map((c) => {
      const reg = c.regulationId != null ? regs.get(c.regulationId) : undefined;
      return { safeguard: c.safeguard, description: c.description, regulationId: c.regulationId, regulationCode: reg?.code ?? null, regulationTitle: reg?.title ?? null };
    }),
    residualLikelihood: x.residualLikelihood,
    residualImpact: x.residualImpact,
    residualScore: rs,
    residualLevel: levelOfScore(rs),
    high: rs >= threshold,
    acceptedOn: x.acceptedOn,
    acceptedByName: x.acceptedByName,
    acceptanceNote: x.acceptanceNote,
    retired: x.retiredAt != null,
    version: x.version,
    createdAt: x.createdAt.toISOString(),
    updatedAt: x.updatedAt.toISOString(),
  };
}

async function toDtos(db: DbOrTx, rows: Joined[], threshold: number): Promise<RiskDto[]> {
  const regs = await regulationNames(db, rows);
  return rows.map((r) => toDto(r, regs, threshold));
}

const SORTS: Record<ListRisksQuery["sort"], SQL | typeof registerItems.code> = {
  item: registerItems.code,
  stage: sql`${registerRisks.stage}`,
  score,
  residualScore,
  updatedAt: sql`${registerRisks.updatedAt}`,
};

/** The risks, filtered, sorted and paged in SQL. */
export async function listRisks(q: ListRisksQuery): Promise<Page<RiskDto>> {
  const db = await getDb();
  const threshold = (await getRiskThreshold()).highThreshold;
  const where = whereOf(q, threshold);
  const order = q.dir === "asc" ? asc : desc;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select(columns)
      .from(registerRisks)
      .innerJoin(registerItems, eq(registerItems.id, registerRisks.itemId))
      .where(where)
      .orderBy(order(SORTS[q.sort]), asc(registerItems.code), asc(registerRisks.stage), asc(registerRisks.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(registerRisks)
      .innerJoin(registerItems, eq(registerItems.id, registerRisks.itemId))
      .where(where),
  ]);
  return { items: await toDtos(db, rows, threshold), total: Number(n), page: q.page, pageSize: q.pageSize };
}

/**
 * Live risks counted per cell of the 5 × 5 grid, before and after the countermeasures, in SQL: one
 * count per combination of the two ratings (at most 625 rows, an index-only scan of
 * register_risks_heatmap_idx), folded here into the two grids.
 */
export async function riskHeatMap(q: HeatMapQuery): Promise<HeatMapDto> {
  const db = await getDb();
  const threshold = (await getRiskThreshold()).highThreshold;
  const where = whereOf({ itemId: q.itemId, stage: q.stage, threat: q.threat, accepted: q.accepted }, threshold);
  const rows = await db
    .select({
      l: registerRisks.likelihood,
      i: registerRisks.impact,
      rl: registerRisks.residualLikelihood,
      ri: registerRisks.residualImpact,
      n: sql<number>`count(*)::int`,
    })
    .from(registerRisks)
    .innerJoin(registerItems, eq(registerItems.id, registerRisks.itemId))
    .where(where)
    .groupBy(registerRisks.likelihood, registerRisks.impact, registerRisks.residualLikelihood, registerRisks.residualImpact);
  const empty = () => Array.from({ length: RISK_SCALE_MAX }, () => Array<number>(RISK_SCALE_MAX).fill(0));
  const out = { inherent: empty(), residual: empty() };
  let total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    out.inherent[r.l - 1][r.i - 1] += n;
    out.residual[r.rl - 1][r.ri - 1] += n;
    total += n;
  }
  return { ...out, total, highThreshold: threshold };
}

async function getRiskRow(db: DbOrTx, id: number): Promise<Joined | undefined> {
  const [row] = await db.select(columns).from(registerRisks).innerJoin(registerItems, eq(registerItems.id, registerRisks.itemId)).where(eq(registerRisks.id, id));
  return row;
}

/**
 * One risk. Inside a write's transaction pass `tx` and the threshold read before it: the setting is read
 * through its own connection, which an embedded database (one connection) would only serve after the commit.
 */
export async function getRisk(id: number, db?: DbOrTx, threshold?: number): Promise<RiskDto | null> {
  const d = db ?? (await getDb());
  const t = threshold ?? (await getRiskThreshold()).highThreshold;
  const row = await getRiskRow(d, id);
  if (!row) return null;
  const [dto] = await toDtos(d, [row], t);
  return dto;
}

/** A risk with every version of it, newest first. */
export async function getRiskDetail(id: number): Promise<RiskDetail | null> {
  const risk = await getRisk(id);
  if (!risk) return null;
  return { risk, history: await riskHistory(id) };
}

export async function riskHistory(id: number): Promise<RiskVersionDto[]> {
  const db = await getDb();
  const rows = await db
    .select({ v: registerRiskVersions, name: users.name })
    .from(registerRiskVersions)
    .leftJoin(users, eq(users.id, registerRiskVersions.changedBy))
    .where(eq(registerRiskVersions.riskId, id))
    .orderBy(desc(registerRiskVersions.version));
  return rows.map(({ v, name }) => ({
    version: v.version,
    action: v.action,
    changedByName: name,
    changedAt: v.changedAt.toISOString(),
    snapshot: readSnapshot(v.snapshot),
  }));
}

/** The analysis of one item: its live risks by stage, and when it is next due for review. */
export async function getItemAnalysis(itemId: number, today = todayInTokyo()): Promise<ItemAnalysis | null> {
  const db = await getDb();
  const [item] = await db
    .select({ id: registerItems.id, nextReviewDueOn: registerItems.nextReviewDueOn, createdAt: registerItems.createdAt, interval: registerItems.reviewIntervalMonths })
    .from(registerItems)
    .where(eq(registerItems.id, itemId));
  if (!item) return null;
  const threshold = (await getRiskThreshold()).highThreshold;
  const [rows, [reviewed], [changed]] = await Promise.all([
    db
      .select(columns)
      .from(registerRisks)
      .innerJoin(registerItems, eq(registerItems.id, registerRisks.itemId))
      .where(and(eq(registerRisks.itemId, itemId), isNull(registerRisks.retiredAt)))
      .orderBy(asc(registerRisks.stage), desc(residualScore), asc(registerRisks.id)),
    db
      .select({ on: sql<string | null>`max(${registerReviews.reviewedOn})::text` })
      .from(registerReviews)
      .where(and(eq(registerReviews.itemId, itemId), sql`${registerReviews.risksReviewed} > 0`)),
    db
      .select({ on: sql<string | null>`(max(${registerRisks.updatedAt}) at time zone 'Asia/Tokyo')::date::text` })
      .from(registerRisks)
      .where(eq(registerRisks.itemId, itemId)),
  ]);
  const lastAnalysedOn = maxDate(reviewed?.on, changed?.on);
  const registeredOn = todayInTokyo(item.createdAt);
  const reviewDueOn = analysisReviewDue({ lastAnalysedOn, itemNextReviewDueOn: item.nextReviewDueOn, registeredOn, intervalMonths: item.interval });
  return {
    itemId,
    highThreshold: threshold,
    reviewDueOn,
    reviewDueState: analysisDueState(reviewDueOn, today),
    lastAnalysedOn,
    risks: await toDtos(db, rows, threshold),
  };
}

/**
 * A snapshot as the history shows it. Written by this module as snapshotOf() makes it; rows written by
 * the seeds and imports may carry the whole row instead (retiredAt rather than retired): both read alike.
 */
function readSnapshot(raw: Record<string, unknown>): RiskVersionDto["snapshot"] {
  const s = raw as Partial<RiskVersionDto["snapshot"]> & { retiredAt?: unknown };
  return {
    stage: s.stage!,
    threat: s.threat!,
    description: s.description ?? "",
    likelihood: Number(s.likelihood),
    impact: Number(s.impact),
    residualLikelihood: Number(s.residualLikelihood),
    residualImpact: Number(s.residualImpact),
    countermeasures: (s.countermeasures ?? []).map((c) => ({ safeguard: c.safeguard, description: c.description, regulationId: c.regulationId ?? null })),
    acceptedOn: s.acceptedOn ?? null,
    acceptedByName: s.acceptedByName ?? null,
    retired: typeof s.retired === "boolean" ? s.retired : s.retiredAt != null,
  };
}

// Writes

function snapshotOf(r: RegisterRisk) {
  return {
    stage: r.stage,
    threat: r.threat,
    description: r.description,
    likelihood: r.likelihood,
    impact: r.impact,
    residualLikelihood: r.residualLikelihood,
    residualImpact: r.residualImpact,
    countermeasures: r.countermeasures,
    acceptedOn: r.acceptedOn,
    acceptedByName: r.acceptedByName,
    retired: r.retiredAt != null,
  };
}

async function writeSnapshot(tx: DbOrTx, actor: Pick<SessionUser, "id">, r: RegisterRisk, action: string) {
  await tx.insert(registerRiskVersions).values({ riskId: r.id, version: r.version, snapshot: snapshotOf(r), action, changedBy: actor.id });
}

/** Each cited regulation exists (a retired one may still be cited: its text is kept). */
async function assertRegulations(tx: DbOrTx, cms: readonly CountermeasureInput[]) {
  const ids = [...new Set(cms.map((c) => c.regulationId).filter((x): x is number => x != null))];
  if (ids.length === 0) return;
  const found = new Set((await tx.select({ id: regulations.id }).from(regulations).where(inArray(regulations.id, ids))).map((r) => r.id));
  const errors = cms.flatMap((c, i) =>
    c.regulationId != null && !found.has(c.regulationId)
      ? [{ field: `countermeasures.${i}.regulationId`, code: "not_found", messageKey: "registerRisks.errors.regulationNotFound" }]
      : [],
  );
  if (errors.length) throw new ValidationError(errors);
}

function assertResidual(r: { likelihood: number; impact: number; residualLikelihood: number; residualImpact: number }) {
  const problems = residualProblems(r);
  if (problems.length) throw new ValidationError(problems.map((p) => ({ field: p.field, code: "rule", messageKey: p.messageKey })));
}

function values(input: Omit<CreateRiskInput, "itemId">) {
  return {
    stage: input.stage,
    threat: input.threat,
    description: input.description,
    likelihood: input.likelihood,
    impact: input.impact,
    countermeasures: input.countermeasures.map((c) => ({ safeguard: c.safeguard, description: c.description, regulationId: c.regulationId })),
    residualLikelihood: input.residualLikelihood,
    residualImpact: input.residualImpact,
  };
}

export async function createRisk(actor: SessionUser, input: CreateRiskInput): Promise<RiskDto> {
  const db = await getDb();
  const threshold = (await getRiskThreshold()).highThreshold;
  return db.transaction(async (tx) => {
    // The item is locked so that it is not retired while a risk is added to it.
    const [item] = await tx.select({ id: registerItems.id, retiredAt: registerItems.retiredAt }).from(registerItems).where(eq(registerItems.id, input.itemId)).for("share");
    if (!item) throw new ValidationError([{ field: "itemId", code: "not_found", messageKey: "registerRisks.errors.itemNotFound" }]);
    if (item.retiredAt) throw new ConflictError("registerRisks.errors.itemRetired", {}, [{ field: "itemId", code: "retired", messageKey: "registerRisks.errors.itemRetired" }]);
    assertResidual(input);
    await assertRegulations(tx, input.countermeasures);
    const [row] = await tx
      .insert(registerRisks)
      .values({ itemId: input.itemId, ...values(input) })
      .returning();
    await writeSnapshot(tx, actor, row, "created");
    await recordAudit(tx, actor, { action: "create", entity: ENTITY, entityId: row.id, after: row });
    return (await getRisk(row.id, tx, threshold))!;
  });
}

/**
 * Change a risk (send the version read; stale → 409). A retired risk is not edited (restore it first).
 * The manager's acceptance stays only while the residual rating stays (lib/register/risk.ts).
 */
export async function updateRisk(actor: SessionUser, id: number, input: UpdateRiskInput): Promise<RiskDto> {
  const db = await getDb();
  const threshold = (await getRiskThreshold()).highThreshold;
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      table: registerRisks,
      entity: ENTITY,
      id,
      version: input.version,
      change: async (before) => {
        if (before.retiredAt) throw new ConflictError("registerRisks.errors.retired");
        assertResidual(input);
        await assertRegulations(tx, input.countermeasures);
        const next = values(input);
        const acceptance = acceptanceAfterEdit(before, next);
        const unchanged =
          JSON.stringify(snapshotOf({ ...before, ...next, ...acceptance })) === JSON.stringify(snapshotOf(before)) && acceptance.acceptanceNote === before.acceptanceNote;
        return unchanged ? null : { ...next, ...acceptance };
      },
      afterUpdate: (_before, after) => writeSnapshot(tx, actor, after, "updated"),
    });
    return (await getRisk(id, tx, threshold))!;
  });
}

export async function setRiskRetired(actor: SessionUser, id: number, version: number, retire: boolean): Promise<RiskDto> {
  const db = await getDb();
  const threshold = (await getRiskThreshold()).highThreshold;
  return db.transaction(async (tx) => {
    await setRetiredVersioned(tx, actor, {
      table: registerRisks,
      entity: ENTITY,
      id,
      version,
      // A risk of a retired item may be restored: it stays out of the live lists until its item is in use again.
      retire,
      afterUpdate: (_before, after) => writeSnapshot(tx, actor, after, retire ? "retired" : "restored"),
    });
    return (await getRisk(id, tx, threshold))!;
  });
}

/** The privacy manager accepts the residual risk as rated now (audited "approve": the manager signs off the residual risk). */
export async function acceptRisk(actor: SessionUser, id: number, input: AcceptRiskInput, today = todayInTokyo()): Promise<RiskDto> {
  const db = await getDb();
  const threshold = (await getRiskThreshold()).highThreshold;
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      table: registerRisks,
      entity: ENTITY,
      id,
      version: input.version,
      change: (before) => {
        try {
          return acceptResidual(before, actor, input.note, today);
        } catch (e) {
          if (!(e instanceof RiskRuleError)) throw e;
          if (e.kind === "forbidden") throw new ForbiddenError(e.messageKey);
          if (e.kind === "conflict") throw new ConflictError(e.messageKey);
          throw new ValidationError([{ field: e.field ?? "note", code: "rule", messageKey: e.messageKey }]);
        }
      },
      afterUpdate: (_before, after) => writeSnapshot(tx, actor, after, "accepted"),
      audit: (before, after) => ({ action: "approve", before, after }),
    });
    return (await getRisk(id, tx, threshold))!;
  });
}
