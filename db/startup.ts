import { count } from "drizzle-orm";
import { getDb, getDbKind } from "./index";
import { users } from "./schema";
import { env } from "@/lib/env";

export async function prepareDatabase() {
  env(); // fail fast, with a clear message, on a bad environment
  const db = await getDb();
  const kind = await getDbKind();
  if (kind !== "pglite" || process.env.PMS_SEED_ON_FIRST_START === "false") return;
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (Number(n) > 0) return;
  const { seedDemo } = await import("./seed/demo");
  const result = await seedDemo(db);
  console.log(`[pms] first start on the embedded database: demo data loaded (${JSON.stringify(result.counts)})`);
}
