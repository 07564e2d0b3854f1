import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { settings } from "@/db/schema";
import { ConflictError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/settings/schema";
import { recordAudit } from "./audit";

const KEY = "organisation";

export async function getSettings(): Promise<Settings & { version: number }> {
  const db = await getDb();
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  if (!row) return { ...DEFAULT_SETTINGS, version: 0 };
  return { ...DEFAULT_SETTINGS, ...(row.value as Partial<Settings>), version: row.version };
}

export async function getFiscalYearStartMonth(): Promise<number> {
  return (await getSettings()).fiscalYearStartMonth;
}

/** version 0 = the defaults, never saved yet. */
export async function updateSettings(actor: SessionUser, input: Settings & { version: number }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(settings).where(eq(settings.key, KEY)).for("update");
    const currentVersion = current?.version ?? 0;
    if (input.version !== currentVersion) throw new ConflictError();
    const value: Settings = { fiscalYearStartMonth: input.fiscalYearStartMonth };
    const [row] = current
      ? await tx
          .update(settings)
          .set({ value, version: sql`${settings.version} + 1`, updatedAt: new Date() })
          .where(eq(settings.key, KEY))
          .returning()
      : await tx.insert(settings).values({ key: KEY, value, version: 1 }).returning();
    await recordAudit(tx, actor, { action: "update", entity: "settings", entityId: KEY, before: current?.value ?? DEFAULT_SETTINGS, after: value });
    return { ...(row.value as Settings), version: row.version };
  });
}
