import "server-only";
import { sql } from "drizzle-orm";
import { dashboardLinks as links } from "@/lib/dashboard/links";
import { getRiskThreshold } from "../settings";
import { num, query, type Db } from "./sql";

// The personal information register and its risk analysis (docs/domain.md §6). The same rules as the
// lists the figures open: overdue = next review due before today (lib/register/review.ts, the register
// list's overdue=true); sensitive = kind 'sensitive' (sensitive=true); high risks not accepted = live
// risks of live items whose residual score is at or above the threshold in force, with no acceptance
// (the risk list's high=true&accepted=false, db/queries/register-risks.ts).

export async function registerCard(db: Db, today: string) {
  const threshold = (await getRiskThreshold()).highThreshold;
  const [r] = await query<{ active: number; overdue: number; sensitive: number; high_open: number }>(
    db,
    sql`select count(*)::int as active,
               count(*) filter (where next_review_due_on < ${today}::date)::int as overdue,
               count(*) filter (where kind = 'sensitive')::int as sensitive,
               (select count(*)::int from register_risks k join register_items i on i.id = k.item_id
                 where k.retired_at is null and i.retired_at is null and k.accepted_on is null
                   and k.residual_likelihood * k.residual_impact >= ${threshold}) as high_open
        from register_items where retired_at is null`,
  );
  return {
    active: num(r?.active),
    overdue: num(r?.overdue),
    sensitive: num(r?.sensitive),
    highRisksNotAccepted: num(r?.high_open),
    highThreshold: threshold,
    overdueHref: links.registerItems({ overdue: true }),
    sensitiveHref: links.registerItems({ sensitive: true }),
    highRisksHref: links.registerRisks({ high: true, accepted: false }),
  };
}
