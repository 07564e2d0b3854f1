/**
 * Open incidents with no report made (issue 14: the dashboard with 5,000 of them), added to a
 * benchmark database and taken away again. Added ones are marked by their reference (BENCH-…).
 * Only for a benchmark database: it writes to `incidents`.
 */
import type { Sql } from "./pg";

/** Open (not closed), live, and no P-mark preliminary report made: every report still owed. */
export async function countOpenUnreported(sql: Sql): Promise<number> {
  const [{ n }] = await sql`select count(*)::int as n from incidents
    where retired_at is null and status <> 'closed' and pmark_preliminary_reported_on is null`;
  return Number(n);
}

/** Removes the incidents an earlier call added. */
export async function removeOpenIncidents(sql: Sql): Promise<void> {
  await sql`delete from incidents where reference like 'BENCH-%'`;
  await sql`vacuum analyze incidents`;
}

/**
 * Adds `extra` open incidents with no report made: discovered over the last 90 days (so pending, due
 * soon and late ones), a quarter of them reportable to the PPC, every severity. The previous run's
 * are removed first.
 */
export async function addOpenIncidents(sql: Sql, extra: number): Promise<void> {
  await sql`delete from incidents where reference like 'BENCH-%'`;
  await sql`
    insert into incidents (reference, fiscal_year, seq, title, category, discovered_at, reporter_name, description,
                           persons_affected, sensitive_data, financial_loss, wrongful_purpose, encrypted, severity, status)
    select 'BENCH-' || g, 9000, g, 'bench incident ' || g, 'other', now() - make_interval(days => g % 90, hours => g % 24), 'bench', 'bench',
           (g % 7) * 300, g % 4 = 0, g % 11 = 0, g % 13 = 0, g % 8 = 0,
           (array['low', 'medium', 'high', 'critical'])[1 + g % 4]::incident_severity, 'reported'
    from generate_series(1, ${extra}::int) g`;
  await sql`vacuum analyze incidents`;
  // The tallies of migration 0013, where present: the insert above updated their rows once per incident.
  const [{ tallies }] = await sql`select to_regclass('incident_tally') is not null as tallies`;
  if (tallies) await sql`vacuum analyze incident_tally, incident_deadline_tally, incident_obligation_tally`;
}

/** Tops the open unreported incidents up to `target` (adds none when there are that many already). */
export async function openIncidentsUpTo(sql: Sql, target: number): Promise<{ before: number; added: number; after: number }> {
  await removeOpenIncidents(sql);
  const before = await countOpenUnreported(sql);
  const added = Math.max(0, target - before);
  if (added) await addOpenIncidents(sql, added);
  return { before, added, after: await countOpenUnreported(sql) };
}
