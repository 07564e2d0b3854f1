import { count } from "drizzle-orm";
import { getDb, getDbKind } from "./index";
import { users } from "./schema";
import { env } from "@/lib/env";
import { errorCodes, isDatabaseUnavailable } from "@/lib/database/errors";
import { describeDatabaseError } from "./pool";

export async function prepareDatabase() {
  env(); // fail fast, with a clear message, on a bad environment
  let db: Awaited<ReturnType<typeof getDb>>;
  try {
    db = await getDb();
  } catch (err) {
    // A database that is not up yet (restarting, or starting beside the app) must not stop the app:
    // Next.js would keep this failure for every later request. getDb() opens it (and migrates) on the
    // first request that needs it; until then the API answers 503 (docs/security.md, "Database outages").
    // An unknown host name is a setting, not an outage: that still stops the start.
    if (!isDatabaseUnavailable(err) || errorCodes(err).includes("ENOTFOUND")) throw err;
    console.error(`[pms] the database is not reachable at start (${describeDatabaseError(err)}); starting anyway, it is opened on the first request that needs it`);
    return;
  }
  const kind = await getDbKind();
  if (kind !== "pglite" || process.env.PMS_SEED_ON_FIRST_START === "false") return;
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (Number(n) > 0) return;
  const { seedDemo } = await import("./seed/demo");
  const result = await seedDemo(db);
  console.log(`[pms] first start on the embedded database: demo data loaded (${JSON.stringify(result.counts)})`);
}
