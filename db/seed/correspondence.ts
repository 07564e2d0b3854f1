import { inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { regulationClauseLinks, regulations } from "@/db/schema";
import type { GuidelineClause } from "@/lib/renewal/clauses";

/**
 * Demo correspondence table (docs/domain.md, "Correspondence table"): RUFT's regulations mapped to the
 * P-mark guideline's clauses. J.11 (complaints and inquiries) is left to no regulation on purpose, so the
 * page shows a clause flagged as uncovered. The first mapping (id 1 on a fresh database) is
 * 個人情報保護規程 → J.1: the API reference's examples point at it.
 */
const LINKS: { code: string; clause: GuidelineClause; note: string }[] = [
  { code: "REG-01", clause: "J.1", note: "第2条（適用範囲）、第3条（課題の把握）" },
  { code: "REG-01", clause: "J.2", note: "第4条（個人情報保護方針）、第5条（役割と責任）" },
  { code: "REG-01", clause: "J.3", note: "第8条（個人情報の特定）、第9条（リスク分析）" },
  { code: "REG-01", clause: "J.5", note: "第10条（運用手順）" },
  { code: "REG-01", clause: "J.8", note: "第12条〜第18条（取得・利用・提供）" },
  { code: "REG-02", clause: "J.9", note: "安全管理措置（組織的・人的・物理的・技術的）" },
  { code: "REG-03", clause: "J.9", note: "委託先の選定と監督" },
  { code: "REG-04", clause: "J.4", note: "教育の計画・実施・記録" },
  { code: "REG-08", clause: "J.4", note: "文書化した情報の管理" },
  { code: "REG-05", clause: "J.6", note: "内部監査、マネジメントレビュー" },
  { code: "REG-05", clause: "J.7", note: "是正処置" },
  { code: "REG-06", clause: "J.7", note: "事故の報告と再発防止" },
  { code: "REG-07", clause: "J.10", note: "開示等の請求への対応手順" },
  { code: "REG-09", clause: "J.8", note: "特定個人情報の取得・利用" },
];

export async function seedCorrespondence(tx: Tx): Promise<{ regulationClauseLinks: number }> {
  const regs = await tx
    .select({ id: regulations.id, code: regulations.code })
    .from(regulations)
    .where(inArray(regulations.code, [...new Set(LINKS.map((l) => l.code))]));
  const idOf = new Map(regs.map((r) => [r.code, r.id]));
  const rows = LINKS.filter((l) => idOf.has(l.code)).map((l) => ({ regulationId: idOf.get(l.code)!, clause: l.clause, note: l.note }));
  if (rows.length) await tx.insert(regulationClauseLinks).values(rows);
  return { regulationClauseLinks: rows.length };
}
