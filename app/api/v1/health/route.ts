import { sql } from "drizzle-orm";
import { getDb, getDbKind } from "@/db";
import { DB_TIMEOUTS, describeDatabaseError } from "@/db/pool";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

/**
 * Public on purpose (load balancers probe it; the app's "database unavailable" notice polls it): it
 * reveals only whether the database answers. 200 when it does; 503 with Retry-After when it does not,
 * within about the connect timeout whatever state the database is in (docs/security.md,
 * "Database outages").
 */
export async function GET() {
  const headers = { "cache-control": "no-store" };
  try {
    const kind = await withDeadline(
      (async () => {
        const db = await getDb();
        await db.execute(sql`select 1`);
        return getDbKind();
      })(),
      (DB_TIMEOUTS.connect + DB_TIMEOUTS.reconnectBackoffMax) * 1000,
    );
    return Response.json({ status: "ok", database: kind }, { headers });
  } catch (err) {
    console.error(`[pms] health check: database unavailable (${describeDatabaseError(err)})`);
    return Response.json(
      { status: "unavailable" },
      { status: 503, headers: { ...headers, "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } },
    );
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: "CONNECT_TIMEOUT" })), ms);
  });
  work.catch(() => {}); // answered by the deadline: a late failure is not unhandled
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
