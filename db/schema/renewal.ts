import { check, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { GUIDELINE_CLAUSES } from "@/lib/renewal/clauses";
import { retirable, versioned } from "./columns";
import { regulations } from "./regulations";

/**
 * The correspondence table 対応表 (docs/domain.md, "Renewal readiness and the correspondence table"):
 * which of the company's regulations covers which clause J.1–J.11 of the P-mark guideline. Kept by the
 * privacy manager; a mapping is retired, never deleted, and every write is audited.
 */
export const regulationClauseLinks = pgTable(
  "regulation_clause_links",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    regulationId: integer("regulation_id")
      .notNull()
      .references(() => regulations.id),
    clause: text("clause").notNull(),
    /** Where in the regulation (article, section) or how it covers the clause. */
    note: text("note"),
    ...retirable,
    ...versioned,
  },
  (t) => [
    // One live mapping per regulation and clause.
    uniqueIndex("regulation_clause_links_live_idx").on(t.regulationId, t.clause).where(sql`${t.retiredAt} is null`),
    index("regulation_clause_links_clause_idx").on(t.clause),
    check("regulation_clause_links_clause_known", sql.raw(`clause in (${GUIDELINE_CLAUSES.map((c) => `'${c}'`).join(", ")})`)),
  ],
);

export type RegulationClauseLink = typeof regulationClauseLinks.$inferSelect;
