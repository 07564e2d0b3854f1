import "server-only";
import { sql } from "drizzle-orm";
import { contractorFlags, type AssessmentFacts, type ContractorStatus } from "@/lib/contractors/rules";
import type { AssessmentResult } from "@/lib/contractors/scoring";
import { dashboardLinks as links } from "@/lib/dashboard/links";
import { num, query, type Db } from "./sql";

// Contractors (lib/contractors/rules.ts contractorFlags, stated in SQL for the counts)

export async function contractorsCard(db: Db, today: string) {
  // latest = the newest live assessment (by date, then id), as latestAssessment() picks it.
  const [r] = await query<{ live: number; unassessed: number; overdue: number; cert_expired: number }>(
    db,
    sql`select count(*)::int as live,
               count(*) filter (where latest.id is null)::int as unassessed,
               count(*) filter (where c.status in ('approved', 'conditional') and c.status <> 'terminated'
                                  and (c.contract_end is null or c.contract_end >= ${today}::date)
                                  and latest.next_due_on < ${today}::date)::int as overdue,
               count(*) filter (where c.status <> 'terminated' and exists (
                                  select 1 from contractor_certifications x
                                  where x.contractor_id = c.id and x.retired_at is null and x.expires_on < ${today}::date))::int as cert_expired
        from contractors c
        left join lateral (
          select a.id, a.next_due_on from assessments a
          where a.contractor_id = c.id and a.withdrawn_at is null
          order by a.assessed_on desc, a.id desc limit 1
        ) latest on true
        where c.retired_at is null`,
  );
  return {
    total: num(r?.live),
    unassessed: num(r?.unassessed),
    unassessedHref: links.contractors({ result: "none" }),
    assessmentOverdue: num(r?.overdue),
    assessmentOverdueHref: links.contractors({ flag: "assessment_overdue" }),
    certificationExpired: num(r?.cert_expired),
    certificationExpiredHref: links.contractors({ flag: "certification_expired" }),
  };
}

/** For the score: per as-of day, the contractors under contract then and how many had no flag (contractorFlags). */
export async function contractorsUnflagged(db: Db, days: readonly string[]): Promise<Map<number, { active: number; clean: number }>> {
  const [cs, as, certs] = await Promise.all([
    query<{ id: number; status: ContractorStatus; contract_start: string | null; contract_end: string | null }>(
      db,
      sql`select id, status::text as status, to_char(contract_start, 'YYYY-MM-DD') as contract_start, to_char(contract_end, 'YYYY-MM-DD') as contract_end
          from contractors where retired_at is null`,
    ),
    query<{ id: number; contractor_id: number; assessed_on: string; result: AssessmentResult; next_due_on: string; withdrawn_on: string | null }>(
      db,
      sql`select id, contractor_id, to_char(assessed_on, 'YYYY-MM-DD') as assessed_on, result::text as result, to_char(next_due_on, 'YYYY-MM-DD') as next_due_on,
                 to_char(withdrawn_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as withdrawn_on
          from assessments`,
    ),
    query<{ contractor_id: number; kind: "pmark" | "isms" | "other"; number: string; expires_on: string | null }>(
      db,
      sql`select contractor_id, kind::text as kind, number, to_char(expires_on, 'YYYY-MM-DD') as expires_on from contractor_certifications where retired_at is null`,
    ),
  ]);
  const asBy = new Map<number, typeof as>();
  for (const a of as) asBy.set(Number(a.contractor_id), [...(asBy.get(Number(a.contractor_id)) ?? []), a]);
  const certBy = new Map<number, typeof certs>();
  for (const c of certs) certBy.set(Number(c.contractor_id), [...(certBy.get(Number(c.contractor_id)) ?? []), c]);
  const out = new Map<number, { active: number; clean: number }>();
  days.forEach((day, i) => {
    let active = 0;
    let clean = 0;
    for (const c of cs) {
      // Under contract on the day, with the status it holds now (no status history is kept).
      if (c.status !== "approved" && c.status !== "conditional") continue;
      if (c.contract_start === null || c.contract_start > day || (c.contract_end !== null && c.contract_end < day)) continue;
      active++;
      const facts: AssessmentFacts[] = (asBy.get(Number(c.id)) ?? [])
        .filter((a) => a.assessed_on <= day)
        .map((a) => ({ id: Number(a.id), assessedOn: a.assessed_on, result: a.result, nextDueOn: a.next_due_on, withdrawn: a.withdrawn_on !== null && a.withdrawn_on <= day }));
      const cc = (certBy.get(Number(c.id)) ?? []).map((x) => ({ kind: x.kind, number: x.number, expiresOn: x.expires_on }));
      if (contractorFlags({ status: c.status, contractStart: c.contract_start, contractEnd: c.contract_end }, facts, cc, day).length === 0) clean++;
    }
    out.set(i + 1, { active, clean });
  });
  return out;
}
