/**
 * npm run audit:verify — checks the audit trail's hash chain (docs/security.md, "Audit trail") and
 * prints the result: the number of rows and the last row's seq and hash when intact (keep them: a
 * later run whose chain no longer reaches them shows rows cut off the end), or the first broken link.
 * Exit code 0: intact; 1: broken; 2: could not check.
 * Reads DATABASE_URL when set (the app's role suffices: it only reads), otherwise the embedded PGlite
 * under $PMS_DATA_DIR/pglite — which cannot be opened while the app runs on it: stop the app first,
 * or read the chain's state on the settings page (privacy manager).
 * Run under the react-server condition (see package.json): db/queries files `import "server-only"`.
 */
import { openDatabase } from "@/db";
import { verifyAuditChain } from "@/db/queries/audit";
import { describeChainReport } from "@/lib/security/audit-chain";
import { env } from "@/lib/env";

const USAGE = `Usage: npm run audit:verify

Checks the audit trail's hash chain and reports the first broken link (exit code 1), if any.
Database: DATABASE_URL when set, otherwise the embedded PGlite under $PMS_DATA_DIR/pglite (default .data/pglite).
The embedded database cannot be read while the app runs on it: stop the app first, or see the chain's
state on the settings page.`;

async function main(args: string[]): Promise<number> {
  if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
    console.log(USAGE);
    return 0;
  }
  if (args.length > 0) {
    console.error(`audit:verify: unknown argument: ${args.join(" ")}\n\n${USAGE}`);
    return 2;
  }
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    env();
    handle = await openDatabase({ migrate: false });
  } catch (err) {
    const msg = message(err);
    console.error(`audit:verify: cannot open the database:\n  ${msg}`);
    if (/in use by process/.test(msg)) {
      console.error(
        "  The embedded database (PGlite) can be open in one process only, and the app has it.\n" +
          "  Stop the app and run npm run audit:verify again, or sign in as the privacy manager and see Settings.",
      );
    }
    return 2;
  }
  try {
    const report = await verifyAuditChain(handle.db);
    for (const line of describeChainReport(report)) (report.ok ? console.log : console.error)(line);
    return report.ok ? 0 : 1;
  } catch (err) {
    console.error(`audit:verify: could not check the chain on ${handle.kind}:\n  ${message(err)}`);
    if (/column .*(seq|prev_hash|hash).* does not exist|relation .*audit_log.* does not exist/.test(message(err))) {
      console.error("  The database is not migrated yet: npm run db:migrate.");
    }
    return 2;
  } finally {
    await handle.close();
  }
}

function message(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? `${err.message.split("\n")[0]}: ${cause.message}` : err.message;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`audit:verify: ${message(err)}`);
    process.exitCode = 2;
  },
);
