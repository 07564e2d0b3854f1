import "server-only";
import { sql } from "drizzle-orm";
import { DUE_SOON_DAYS } from "@/lib/calendar/events";
import { dashboardLinks as links } from "@/lib/dashboard/links";
import { addDays } from "@/lib/dates";
import { query, type Db } from "./sql";

// Evidence files (docs/domain.md, "Evidence files"): the current version of each live evidence, as
// listEvidenceExpiries (db/queries/evidence.ts) and lib/evidence/expiry.ts judge it, counted in SQL.

export async function evidenceCard(db: Db, today: string) {
  const [r] = await query<{ expired: number; expiring: number }>(
    db,
    sql`select count(*) filter (where l.expires_on < ${today}::date)::int as expired,
               count(*) filter (where l.expires_on between ${today}::date and ${addDays(today, DUE_SOON_DAYS)}::date)::int as expiring
        from (select distinct on (v.evidence_id) v.evidence_id, v.expires_on, v.disposed_at
                from evidence_versions v order by v.evidence_id, v.number desc) l
        join evidence e on e.id = l.evidence_id
        where e.retired_at is null and l.disposed_at is null and l.expires_on is not null`,
  );
  return { expired: r?.expired ?? 0, expiringSoon: r?.expiring ?? 0, href: links.evidenceExpiry() };
}
