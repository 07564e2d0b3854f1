import { describeDatabaseError } from "@/db/pool";
import { pingDatabase } from "@/db/queries/health";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/api/errors";
import { apiCacheControl } from "@/lib/security/headers";

export const dynamic = "force-dynamic";

/**
 * Public on purpose (load balancers probe it; the app's "database unavailable" notice polls it): it
 * reveals only whether the database answers. 200 when it does; 503 with Retry-After when it does not,
 * within about the connect timeout whatever state the database is in (docs/security.md,
 * "Database outages").
 */
export async function GET() {
  // A few bytes: not worth gzipping (lib/security/headers.ts apiCacheControl).
  const headers = { "cache-control": apiCacheControl(0) };
  try {
    const kind = await pingDatabase();
    return Response.json({ status: "ok", database: kind }, { headers });
  } catch (err) {
    console.error(`[pms] health check: database unavailable (${describeDatabaseError(err)})`);
    return Response.json(
      { status: "unavailable" },
      { status: 503, headers: { ...headers, "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } },
    );
  }
}
