/**
 * npm run user:create -- --email a@b.jp --name "佐藤 恵子" [--role privacy_manager]
 * Creates a sign-in account from the command line (the first privacy manager of a new installation)
 * and prints a temporary password once. Audited like any other change (actor: the command line).
 */
import { parseArgs } from "node:util";
import { openDatabase } from "@/db";
import { users } from "@/db/schema";
import { auditLog } from "@/db/schema";
import { hashPassword, temporaryPassword } from "@/lib/auth/password";
import { createUserSchema } from "@/lib/users/schema";
import { sql } from "drizzle-orm";

const USAGE = `Usage: npm run user:create -- --email <email> --name <name> [--role privacy_manager|hr|auditor|executive]

Creates an active account (role privacy_manager by default) and prints a temporary password once.
Database: DATABASE_URL when set, otherwise the embedded PGlite under .data/ (stop the app first).`;

async function main(): Promise<number> {
  let values: { email?: string; name?: string; role?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, help: { type: "boolean" } } }));
  } catch (err) {
    console.error(`user:create: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const parsed = createUserSchema.safeParse({ email: values.email, name: values.name, role: values.role ?? "privacy_manager" });
  if (!parsed.success) {
    console.error(`user:create: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message.replace(/^validation\./, "")}`).join(", ")}\n\n${USAGE}`);
    return 2;
  }
  const input = parsed.data;
  const handle = await openDatabase({ migrate: true });
  try {
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const created = await handle.db.transaction(async (tx) => {
      const [dup] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
      if (dup) return null;
      const [row] = await tx.insert(users).values({ email: input.email, name: input.name, role: input.role, passwordHash }).returning();
      const { passwordHash: _omit, ...after } = row;
      void _omit;
      await tx.insert(auditLog).values({ action: "create", entity: "user", entityId: String(row.id), actorEmail: "command line", after });
      return row;
    });
    if (!created) {
      console.error(`user:create: ${input.email} already exists`);
      return 1;
    }
    console.log(`created ${created.email} (${created.role}) on ${handle.kind}\ntemporary password (shown once): ${password}`);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`user:create: ${(err as Error).message}`);
    process.exit(1);
  },
);
