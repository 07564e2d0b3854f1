import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { regulationClauseLinks, regulations } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { CLAUSE_TITLES, GUIDELINE_CLAUSES, isGuidelineClause, uncoveredClauses } from "@/lib/renewal/clauses";
import type {
  ClauseCorrespondence,
  ClauseLinkDto,
  CorrespondenceDto,
  CorrespondenceRegulation,
  CreateClauseLinkInput,
  UpdateClauseLinkInput,
} from "@/lib/renewal/correspondence-schema";
import { recordAudit } from "./audit";
import { setRetiredVersioned, updateVersioned, withoutVersion } from "./versioned";

/**
 * The correspondence table 対応表 (docs/domain.md, "Correspondence table"): the company's regulations
 * mapped to the P-mark guideline's clauses J.1–J.11. Only live mappings of regulations that are not
 * retired are listed; a clause counts as covered when a regulation in force maps to it.
 */

/**
 * Per clause J.1 … J.11 in the guideline's order: its titles and the regulations mapped to it (code
 * order). The renewal pack writes it as a sheet; the correspondence page edits it. Signature kept
 * stable for the pack.
 */
export async function listRegulationCorrespondence(): Promise<ClauseCorrespondence[]> {
  const db = await getDb();
  const rows = await db
    .select({
      linkId: regulationClauseLinks.id,
      linkVersion: regulationClauseLinks.version,
      clause: regulationClauseLinks.clause,
      note: regulationClauseLinks.note,
      id: regulations.id,
      code: regulations.code,
      title: regulations.title,
      version: regulations.currentVersion,
      effectiveDate: regulations.effectiveDate,
      status: regulations.status,
    })
    .from(regulationClauseLinks)
    .innerJoin(regulations, eq(regulations.id, regulationClauseLinks.regulationId))
    .where(and(isNull(regulationClauseLinks.retiredAt), isNull(regulations.retiredAt), sql`${regulations.status} <> 'retired'`))
    .orderBy(asc(sql`lower(${regulations.code})`), asc(regulations.id));
  const byClause = new Map<string, CorrespondenceRegulation[]>();
  for (const r of rows) {
    if (!isGuidelineClause(r.clause)) continue;
    const { clause, ...reg } = r;
    byClause.set(clause, [...(byClause.get(clause) ?? []), reg]);
  }
  return GUIDELINE_CLAUSES.map((clause) => {
    const regs = byClause.get(clause) ?? [];
    return {
      clause,
      titleJa: CLAUSE_TITLES[clause].ja,
      titleEn: CLAUSE_TITLES[clause].en,
      regulations: regs,
      covered: regs.some((r) => r.status === "in_force"),
    };
  });
}

/** The table with the clauses no regulation in force covers. */
export async function getCorrespondence(): Promise<CorrespondenceDto> {
  const clauses = await listRegulationCorrespondence();
  return { clauses, uncovered: uncoveredClauses(clauses.filter((c) => c.covered).map((c) => c.clause)) };
}

function toDto(row: typeof regulationClauseLinks.$inferSelect): ClauseLinkDto {
  if (!isGuidelineClause(row.clause)) throw new Error(`unknown clause ${row.clause}`);
  return { id: row.id, regulationId: row.regulationId, clause: row.clause, note: row.note, retired: row.retiredAt !== null, version: row.version };
}

/** Map a regulation to a clause. The regulation must exist and not be retired; one live mapping per pair (409). */
export async function createClauseLink(actor: SessionUser, input: CreateClauseLinkInput): Promise<ClauseLinkDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [reg] = await tx
      .select({ id: regulations.id, status: regulations.status, retiredAt: regulations.retiredAt })
      .from(regulations)
      .where(eq(regulations.id, input.regulationId))
      .for("share");
    if (!reg || reg.retiredAt !== null || reg.status === "retired") {
      throw new ValidationError([{ field: "regulationId", code: "unknown", messageKey: "renewal.correspondence.errors.unknownRegulation" }]);
    }
    const [dup] = await tx
      .select({ id: regulationClauseLinks.id })
      .from(regulationClauseLinks)
      .where(
        and(
          eq(regulationClauseLinks.regulationId, input.regulationId),
          eq(regulationClauseLinks.clause, input.clause),
          isNull(regulationClauseLinks.retiredAt),
        ),
      );
    if (dup) {
      throw new ConflictError("renewal.correspondence.errors.duplicate", {}, [
        { field: "regulationId", code: "duplicate", messageKey: "renewal.correspondence.errors.duplicate" },
      ]);
    }
    const [row] = await tx.insert(regulationClauseLinks).values(input).returning();
    await recordAudit(tx, actor, { action: "create", entity: "regulation_clause_link", entityId: row.id, after: row });
    return toDto(row);
  });
}

/** Change a mapping's note (send the version you read; stale → 409). */
export async function updateClauseLink(actor: SessionUser, id: number, input: UpdateClauseLinkInput): Promise<ClauseLinkDto> {
  const db = await getDb();
  const row = await db.transaction((tx) =>
    updateVersioned(tx, actor, {
      table: regulationClauseLinks,
      entity: "regulation_clause_link",
      id,
      version: input.version,
      where: isNull(regulationClauseLinks.retiredAt),
      change: (before) => {
        const fields = withoutVersion(input);
        return fields.note === before.note ? null : fields;
      },
    }),
  );
  return toDto(row);
}

/** Remove a mapping: retired, kept in the trail (a repeat is a 409). */
export async function retireClauseLink(actor: SessionUser, id: number, version: number): Promise<ClauseLinkDto> {
  const db = await getDb();
  const row = await db.transaction((tx) =>
    setRetiredVersioned(tx, actor, { table: regulationClauseLinks, entity: "regulation_clause_link", id, version, retire: true }),
  );
  return toDto(row);
}
