import "server-only";
import { sql } from "drizzle-orm";
import { showReadinessCard } from "@/lib/renewal/readiness";
import { query, type Db } from "./sql";

// Renewal readiness (docs/domain.md, "Renewal readiness"): whether its card is due (from 10 months before
// the current certificate expires). The card loads the checks itself: judging three fiscal years is
// heavier than the rest of the summary together, and the summary stays within its time at 10×.

export async function renewalCard(db: Db, today: string): Promise<{ href: string } | null> {
  const [c] = await query<{ valid_to: string }>(
    db,
    sql`select to_char(valid_to, 'YYYY-MM-DD') as valid_to from pmark_certificates where retired_at is null order by valid_to desc, id desc limit 1`,
  );
  if (!showReadinessCard(c?.valid_to ?? null, today)) return null;
  return { href: "/renewal" };
}
