/**
 * The audit trail's hash chain (docs/security.md, "Audit trail"): each row of audit_log carries its
 * position `seq`, the previous row's hash and its own hash over its content and that previous hash,
 * all set by a database trigger. Verification recomputes them; this file holds what is pure about it.
 */

/** prev_hash of the first row. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * Why a link is broken:
 * - `gap`: seq is not the previous row's seq + 1 (a row before it was deleted, or the first rows);
 * - `link`: prev_hash is not the previous row's hash (rows were removed, reordered or re-hashed);
 * - `content`: the row's hash does not match its content (the row was changed after it was written);
 * - `unchained`: the row has no seq (written while the chain trigger was off).
 */
export type ChainBreak = "gap" | "link" | "content" | "unchained";

export type AuditChainReport = {
  /** Rows checked. */
  rows: number;
  ok: boolean;
  /** The last row: keep its seq and hash somewhere else to notice later if rows are cut off the end. */
  head: { seq: number; hash: string } | null;
  firstBroken?: { seq: number | null; id: number; reason: ChainBreak };
};

const REASON_TEXT: Record<ChainBreak, string> = {
  gap: "the sequence jumps here: a row before it is missing",
  link: "its prev_hash is not the previous row's hash",
  content: "its content no longer matches its hash: the row was changed after it was written",
  unchained: "it has no place in the chain (written while the chain trigger was off)",
};

/** The lines `npm run audit:verify` prints. */
export function describeChainReport(r: AuditChainReport): string[] {
  if (r.ok) {
    return [
      `audit trail intact: ${r.rows} ${r.rows === 1 ? "row" : "rows"} chained`,
      r.head ? `last row: seq ${r.head.seq}, hash ${r.head.hash}` : "the audit trail is empty",
    ];
  }
  const b = r.firstBroken!;
  return [
    `audit trail BROKEN: ${r.rows} ${r.rows === 1 ? "row" : "rows"} checked`,
    `first broken link: seq ${b.seq ?? "(none)"} (id ${b.id}): ${REASON_TEXT[b.reason]}`,
  ];
}
