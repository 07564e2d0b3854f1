import "server-only";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db";
import { assessmentTemplates, assessments, contractors, type Assessment, type AssessmentTemplate } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError, type FieldError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { DEFAULT_TEMPLATE_FAMILY } from "@/lib/contractors/default-template";
import { nextAssessmentDue } from "@/lib/contractors/rules";
import type { AssessmentDto, CreateAssessmentInput, TemplateDto, UpdateTemplateInput, WithdrawAssessmentInput } from "@/lib/contractors/schema";
import { checkScores, resultFor, weightedTotal } from "@/lib/contractors/scoring";
import { todayInTokyo } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { recordAudit } from "./audit";
import { setRetiredVersioned } from "./versioned";

// ---- templates ------------------------------------------------------------------------------

export function templateDto(t: AssessmentTemplate): TemplateDto {
  return {
    id: t.id,
    family: t.family,
    version: t.version,
    nameJa: t.nameJa,
    nameEn: t.nameEn,
    criteria: t.criteria,
    maxScore: t.maxScore,
    approvedMin: t.approvedMin,
    conditionalMin: t.conditionalMin,
    current: t.supersededAt === null,
    createdAt: t.createdAt.toISOString(),
  };
}

/** Current templates, or every version (newest first) with all=true. */
export async function listTemplates(opts: { all?: boolean } = {}): Promise<TemplateDto[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(assessmentTemplates)
    .where(opts.all ? undefined : isNull(assessmentTemplates.supersededAt))
    .orderBy(asc(assessmentTemplates.family), desc(assessmentTemplates.version));
  return rows.map(templateDto);
}

export async function getTemplate(id: number): Promise<TemplateDto | null> {
  const db = await getDb();
  const [row] = await db.select().from(assessmentTemplates).where(eq(assessmentTemplates.id, id));
  return row ? templateDto(row) : null;
}

/** The template new assessments use by default. */
export async function getCurrentTemplate(family = DEFAULT_TEMPLATE_FAMILY): Promise<TemplateDto | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(assessmentTemplates)
    .where(and(eq(assessmentTemplates.family, family), isNull(assessmentTemplates.supersededAt)));
  return row ? templateDto(row) : null;
}

/** Writes the first version of a template family (seed, tests). */
export async function insertTemplate(tx: DbOrTx, actor: Pick<SessionUser, "id" | "email"> | null, family: string, input: Omit<UpdateTemplateInput, "version">) {
  const [row] = await tx
    .insert(assessmentTemplates)
    .values({ family, ...input, createdBy: actor?.id ?? null })
    .returning();
  await recordAudit(tx, actor, { action: "create", entity: "assessment_template", entityId: row.id, after: row });
  return row;
}

/**
 * Editing a template writes its next version and supersedes the one edited; assessments keep the
 * version they used. Editing a superseded version, or with a stale version number, is a conflict.
 */
export async function updateTemplate(actor: SessionUser, id: number, input: UpdateTemplateInput): Promise<TemplateDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(assessmentTemplates).where(eq(assessmentTemplates.id, id)).for("update");
    if (!before) throw new NotFoundError();
    if (before.supersededAt !== null || before.version !== input.version) throw new ConflictError("assessments.errors.templateStale");
    await tx.update(assessmentTemplates).set({ supersededAt: new Date(), updatedAt: new Date() }).where(eq(assessmentTemplates.id, id));
    const { version, ...rest } = input;
    const [after] = await tx
      .insert(assessmentTemplates)
      .values({ family: before.family, ...rest, version: version + 1, createdBy: actor.id })
      .returning();
    await recordAudit(tx, actor, { action: "create", entity: "assessment_template", entityId: after.id, before, after });
    return templateDto(after);
  });
}

// ---- assessments ----------------------------------------------------------------------------

export function assessmentDto(a: Assessment, t: AssessmentTemplate, locale: Locale): AssessmentDto {
  const crit = new Map(t.criteria.map((c) => [c.key, c]));
  return {
    id: a.id,
    contractorId: a.contractorId,
    templateId: t.id,
    templateVersion: t.version,
    templateName: locale === "en" ? t.nameEn : t.nameJa,
    type: a.type,
    assessedOn: a.assessedOn,
    assessor: a.assessor,
    scores: a.scores.map((s) => {
      const c = crit.get(s.key);
      return { key: s.key, label: c ? (locale === "en" ? c.labelEn : c.labelJa) : s.key, weight: c?.weight ?? 0, score: s.score, comment: s.comment };
    }),
    maxScore: t.maxScore,
    totalPercent: a.totalPercent,
    result: a.result,
    conditions: a.conditions,
    nextDueOn: a.nextDueOn,
    evidence: a.evidence,
    withdrawnAt: a.withdrawnAt ? a.withdrawnAt.toISOString() : null,
    withdrawnReason: a.withdrawnReason,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
  };
}

/** A contractor's assessments, newest first, withdrawn ones included (marked). */
export async function listAssessmentsFor(contractorId: number, locale: Locale): Promise<AssessmentDto[]> {
  const db = await getDb();
  const rows = await db
    .select({ a: assessments, t: assessmentTemplates })
    .from(assessments)
    .innerJoin(assessmentTemplates, eq(assessmentTemplates.id, assessments.templateId))
    .where(eq(assessments.contractorId, contractorId))
    .orderBy(desc(assessments.assessedOn), desc(assessments.id));
  return rows.map((r) => assessmentDto(r.a, r.t, locale));
}

/** Scores checked against the template, total and result computed here, never taken from the client. */
export function scoreAssessment(t: Pick<AssessmentTemplate, "criteria" | "maxScore" | "approvedMin" | "conditionalMin">, input: Pick<CreateAssessmentInput, "scores">) {
  const issues = checkScores(t.criteria, input.scores, t.maxScore);
  if (issues.length) {
    throw new ValidationError(
      issues.map(
        (i): FieldError => ({
          field: i.field,
          code: i.code,
          messageKey: `assessments.errors.score_${i.code}`,
          values: { key: i.key, max: t.maxScore },
        }),
      ),
    );
  }
  const total = weightedTotal(t.criteria, input.scores, t.maxScore)!;
  return { total, result: resultFor(total, t) };
}

export async function createAssessment(actor: SessionUser, contractorId: number, input: CreateAssessmentInput, locale: Locale, today = todayInTokyo()): Promise<AssessmentDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(contractors).where(eq(contractors.id, contractorId));
    if (!c) throw new NotFoundError();
    if (c.retiredAt) throw new ConflictError("contractors.errors.retired");
    const [t] = await tx.select().from(assessmentTemplates).where(eq(assessmentTemplates.id, input.templateId));
    const errors: FieldError[] = [];
    if (!t) errors.push({ field: "templateId", code: "unknown", messageKey: "assessments.errors.templateUnknown" });
    else if (t.supersededAt) errors.push({ field: "templateId", code: "superseded", messageKey: "assessments.errors.templateSuperseded" });
    if (input.assessedOn > today) errors.push({ field: "assessedOn", code: "future", messageKey: "assessments.errors.assessedInFuture" });
    const nextDueOn = input.nextDueOn ?? nextAssessmentDue(input.assessedOn, c.reassessmentMonths);
    if (nextDueOn <= input.assessedOn) errors.push({ field: "nextDueOn", code: "before", messageKey: "assessments.errors.nextDueBeforeAssessed" });
    if (errors.length) throw new ValidationError(errors);
    const { total, result } = scoreAssessment(t!, input);
    const [row] = await tx
      .insert(assessments)
      .values({
        contractorId,
        templateId: t!.id,
        type: input.type,
        assessedOn: input.assessedOn,
        assessor: input.assessor,
        scores: t!.criteria.map((cr) => {
          const s = input.scores.find((x) => x.key === cr.key)!;
          return { key: cr.key, score: s.score, comment: s.comment };
        }),
        totalPercent: total,
        result,
        conditions: input.conditions,
        nextDueOn,
        evidence: input.evidence,
        recordedBy: actor.id,
      })
      .returning();
    await recordAudit(tx, actor, { action: "create", entity: "assessment", entityId: row.id, after: row });
    return assessmentDto(row, t!, locale);
  });
}

/** Withdrawn (entered by mistake, superseded): kept and shown, but no longer counts for any rule. */
export async function withdrawAssessment(
  actor: SessionUser,
  contractorId: number,
  assessmentId: number,
  input: WithdrawAssessmentInput,
  locale: Locale,
): Promise<AssessmentDto> {
  const db = await getDb();
  return db.transaction(async (tx: Tx) => {
    // Withdrawing is this record's retirement: the same rule (a repeat is a 409, docs/architecture-versioned-writes.md).
    const after = await setRetiredVersioned(tx, actor, {
      table: assessments,
      entity: "assessment",
      id: assessmentId,
      version: input.version,
      retire: true,
      where: eq(assessments.contractorId, contractorId),
      column: "withdrawnAt",
      set: () => ({ withdrawnReason: input.reason }),
      messages: { alreadyRetired: "assessments.errors.alreadyWithdrawn" },
    });
    const [t] = await tx.select().from(assessmentTemplates).where(eq(assessmentTemplates.id, after.templateId));
    return assessmentDto(after, t, locale);
  });
}

/** Assessment facts of many contractors at once (for flags and the register). */
export async function assessmentFactsFor(tx: DbOrTx, contractorIds: number[]) {
  if (contractorIds.length === 0) return [];
  return tx
    .select({
      id: assessments.id,
      contractorId: assessments.contractorId,
      assessedOn: assessments.assessedOn,
      result: assessments.result,
      nextDueOn: assessments.nextDueOn,
      totalPercent: assessments.totalPercent,
      withdrawnAt: assessments.withdrawnAt,
    })
    .from(assessments)
    .where(inArray(assessments.contractorId, contractorIds));
}
