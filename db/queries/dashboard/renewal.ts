import "server-only";
import { sql } from "drizzle-orm";
import { showReadinessCard } from "@/lib/renewal/readiness";
import { getRenewalReadiness } from "../renewal-readiness";
import { query, type Db } from "./sql";

// Renewal readiness (docs/domain.md, "Renewal readiness"): from 10 months before the current certificate
// expires, the checks not met over the last two fiscal years and this one, opening /renewal.

export async function renewalCard(db: Db, today: string): Promise<{ failing: number; open: number; passing: number; href: string } | null> {
  const [c] = await query<{ valid_to: string }>(
    db,
    sql`select to_char(valid_to, 'YYYY-MM-DD') as valid_to from pmark_certificates where retired_at is null order by valid_to desc, id desc limit 1`,
  );
  if (!showReadinessCard(c?.valid_to ?? null, today)) return null;
  const r = await getRenewalReadiness(today);
  return { ...r.counts, href: "/renewal" };
}
