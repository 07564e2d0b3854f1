import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { settings } from "@/db/schema";
import { StaleVersionError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { DEFAULT_SETTINGS, EMPTY_ORGANIZATION, organizationSchema, settingsSchema, type Organization, type Settings } from "@/lib/settings/schema";
import { recordAudit } from "./audit";

/** The row the demo seed writes too (db/seed/demo.ts): the value is the month number itself. */
const KEY = "fiscal_year_start_month";

function readMonth(value: unknown): number {
  const parsed = settingsSchema.shape.fiscalYearStartMonth.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS.fiscalYearStartMonth;
}

/** version 0 = the defaults, never saved yet. */
export async function getSettings(): Promise<Settings & { version: number }> {
  const db = await getDb();
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  if (!row) return { ...DEFAULT_SETTINGS, version: 0 };
  return { fiscalYearStartMonth: readMonth(row.value), version: row.version };
}

export async function getFiscalYearStartMonth(): Promise<number> {
  return (await getSettings()).fiscalYearStartMonth;
}

/** The client sends the version it saw (0 when nothing was saved yet); a stale one gets 409. */
export async function updateSettings(actor: SessionUser, input: Settings & { version: number }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(settings).where(eq(settings.key, KEY)).for("update");
    const currentVersion = current?.version ?? 0;
    // One keyed row created on the first save, so not db/queries/versioned.ts (an id-keyed row that
    // exists); the same answers: a stale version is a 409 naming the current one.
    if (input.version !== currentVersion) throw new StaleVersionError(currentVersion);
    const before: Settings = { fiscalYearStartMonth: current ? readMonth(current.value) : DEFAULT_SETTINGS.fiscalYearStartMonth };
    const after: Settings = { fiscalYearStartMonth: input.fiscalYearStartMonth };
    const [row] = current
      ? await tx
          .update(settings)
          .set({ value: after.fiscalYearStartMonth, version: sql`${settings.version} + 1`, updatedAt: new Date() })
          .where(eq(settings.key, KEY))
          .returning()
      : await tx.insert(settings).values({ key: KEY, value: after.fiscalYearStartMonth, version: 1 }).onConflictDoNothing().returning();
    // Someone else saved the first version at the same moment.
    if (!row) throw new StaleVersionError(1);
    await recordAudit(tx, actor, { action: "update", entity: "settings", entityId: KEY, before, after });
    return { fiscalYearStartMonth: readMonth(row.value), version: row.version };
  });
}

/** The organisation's name and representative: one keyed row of its own, versioned apart from the fiscal year. */
const ORGANIZATION_KEY = "organization";

function readOrganization(value: unknown): Organization {
  const parsed = organizationSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_ORGANIZATION;
}

/** version 0 = nothing entered yet (both empty). */
export async function getOrganization(): Promise<Organization & { version: number }> {
  const db = await getDb();
  const [row] = await db.select().from(settings).where(eq(settings.key, ORGANIZATION_KEY));
  if (!row) return { ...EMPTY_ORGANIZATION, version: 0 };
  return { ...readOrganization(row.value), version: row.version };
}

/** The client sends the version it saw (0 when nothing was saved yet); a stale one gets 409. */
export async function updateOrganization(actor: SessionUser, input: Organization & { version: number }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(settings).where(eq(settings.key, ORGANIZATION_KEY)).for("update");
    const currentVersion = current?.version ?? 0;
    if (input.version !== currentVersion) throw new StaleVersionError(currentVersion);
    const before = current ? readOrganization(current.value) : EMPTY_ORGANIZATION;
    const after: Organization = { name: input.name, representative: input.representative };
    const [row] = current
      ? await tx
          .update(settings)
          .set({ value: after, version: sql`${settings.version} + 1`, updatedAt: new Date() })
          .where(eq(settings.key, ORGANIZATION_KEY))
          .returning()
      : await tx.insert(settings).values({ key: ORGANIZATION_KEY, value: after, version: 1 }).onConflictDoNothing().returning();
    if (!row) throw new StaleVersionError(1);
    await recordAudit(tx, actor, { action: "update", entity: "settings", entityId: ORGANIZATION_KEY, before, after });
    return { ...readOrganization(row.value), version: row.version };
  });
}
