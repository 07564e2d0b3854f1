import { userInfo } from "node:os";

/**
 * Two database roles on a real Postgres (docs/security.md, "Database roles"): migrations run as the
 * owner of the tables (DATABASE_MIGRATION_URL, else DATABASE_URL); the app runs as the role in
 * DATABASE_URL. When the two differ, the migration step gives the runtime role exactly the statements
 * below: data access on every table, but on audit_log only SELECT and INSERT — and, not being the
 * owner, it cannot ALTER, DISABLE TRIGGER, DROP TRIGGER or TRUNCATE anything. Pure: builds SQL text.
 */

/** The role a postgres:// URL signs in as, resolved the way postgres.js does when the URL names none. */
export function roleOfUrl(url: string, source: Record<string, string | undefined> = process.env): string {
  const name = decodeURIComponent(new URL(url).username);
  if (name) return name;
  return source.PGUSERNAME || source.PGUSER || userInfo().username;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Privileges of the runtime role, applied by the owner after every migration (idempotent). */
export function runtimeGrantStatements(role: string): string[] {
  const r = quoteIdent(role);
  return [
    // Start from nothing, so a privilege granted by hand earlier does not linger.
    `revoke all on all tables in schema public from ${r}`,
    `revoke all on all sequences in schema public from ${r}`,
    `grant usage on schema public to ${r}`,
    `grant select, insert, update, delete on all tables in schema public to ${r}`,
    // The audit trail: read and append only (the append-only and chain triggers do the rest).
    `revoke update, delete on audit_log from ${r}`,
    `grant usage, select on all sequences in schema public to ${r}`,
    `grant execute on all functions in schema public to ${r}`,
    // The app checks at start whether migrations are pending (it may not apply them itself).
    `grant usage on schema drizzle to ${r}`,
    `grant select on drizzle.__drizzle_migrations to ${r}`,
    // Tables, sequences and functions the owner creates later follow the same rules.
    `alter default privileges in schema public grant select, insert, update, delete on tables to ${r}`,
    `alter default privileges in schema public grant usage, select on sequences to ${r}`,
    `alter default privileges in schema public grant execute on functions to ${r}`,
  ];
}
