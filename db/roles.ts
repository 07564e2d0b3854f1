import type { Sql } from "postgres";
import { runtimeGrantStatements } from "@/lib/security/db-roles";

/**
 * The runtime role's privileges on a real Postgres (docs/security.md, "Database roles"), applied by
 * the owner role right after migrating, whenever the app's role (DATABASE_URL) is another role.
 * Refuses a runtime role that could undo what the grants protect: a superuser, a member of the owner
 * role, or the owner of tables (a deployment that used to run everything as one role).
 */
export async function grantRuntimeRole(owner: Sql, role: string): Promise<void> {
  const [me] = await owner<{ name: string }[]>`select current_user as name`;
  const [r] = await owner<{ super: boolean; member: boolean; owns: string | null }[]>`
    select r.rolsuper as super,
           pg_has_role(r.oid, current_user, 'MEMBER') as member,
           (select string_agg(c.relname, ', ' order by c.relname)
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname in ('public', 'drizzle') and c.relowner = r.oid and c.relkind in ('r', 'p', 'v', 'm', 'S')) as owns
      from pg_roles r where r.rolname = ${role}`;
  const who = `the app's database role "${role}" (DATABASE_URL)`;
  if (!r) throw new Error(`${who} does not exist: create it (docs/security.md, "Database roles")`);
  if (r.super) throw new Error(`${who} is a superuser: it could alter the audit trail. Give the app a role without superuser rights (docs/security.md, "Database roles").`);
  if (r.member) throw new Error(`${who} is a member of the owner role "${me.name}" and could act as it: revoke that membership (docs/security.md, "Database roles").`);
  if (r.owns) {
    throw new Error(
      `${who} owns ${r.owns}: it could alter or drop them and the audit trail's triggers. ` +
        `As a superuser, move them to the owner role: REASSIGN OWNED BY "${role}" TO "${me.name}"; (docs/security.md, "Database roles").`,
    );
  }
  await owner.begin(async (tx) => {
    for (const statement of runtimeGrantStatements(role)) await tx.unsafe(statement);
  });
}
