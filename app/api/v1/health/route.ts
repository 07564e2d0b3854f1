import { sql } from "drizzle-orm";
import { getDb, getDbKind } from "@/db";

export const dynamic = "force-dynamic";

// Public on purpose (load balancers probe it): it reveals only whether the database answers.
export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: await getDbKind() });
  } catch (err) {
    console.error("health check failed", err);
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
