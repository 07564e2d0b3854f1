import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { settings } from "@/db/schema";
import { StaleVersionError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { DEFAULT_RISK_THRESHOLD, riskThresholdSchema, type RiskThreshold } from "@/lib/register/risk-schema";
import {
  DEFAULT_SECURITY_SETTINGS,
  DEFAULT_SETTINGS,
  EMPTY_ORGANIZATION,
  organizationSchema,
  securitySettingsSchema,
  settingsSchema,
  type Organization,
  type SecuritySettings,
  type Settings,
} from "@/lib/settings/schema";
import { DEFAULT_EVIDENCE_SETTINGS, evidenceSettingsSchema, type EvidenceSettings } from "@/lib/evidence/schema";
import { recordAudit } from "./audit";

type Versioned<T> = T & { version: number };

/**
 * One keyed row of the settings table, read with a fallback and saved with a version: the row is created
 * on the first save (version 0 = never saved, the fallback), so not db/queries/versioned.ts (an id-keyed
 * row that exists); the same answers: a stale version is a 409 naming the current one.
 */
export function keyedSetting<T, V>(key: string, read: (value: unknown) => T, store: (value: T) => V, fallback: T) {
  return {
    async get(): Promise<{ value: T; version: number }> {
      const db = await getDb();
      const [row] = await db.select().from(settings).where(eq(settings.key, key));
      return row ? { value: read(row.value), version: row.version } : { value: fallback, version: 0 };
    },
    async update(actor: SessionUser, after: T, version: number): Promise<{ value: T; version: number }> {
      const db = await getDb();
      return db.transaction(async (tx) => {
        const [current] = await tx.select().from(settings).where(eq(settings.key, key)).for("update");
        const currentVersion = current?.version ?? 0;
        if (version !== currentVersion) throw new StaleVersionError(currentVersion);
        const before = current ? read(current.value) : fallback;
        const [row] = current
          ? await tx
              .update(settings)
              .set({ value: store(after), version: sql`${settings.version} + 1`, updatedAt: new Date() })
              .where(eq(settings.key, key))
              .returning()
          : await tx.insert(settings).values({ key, value: store(after), version: 1 }).onConflictDoNothing().returning();
        // Someone else saved the first version at the same moment.
        if (!row) throw new StaleVersionError(1);
        await recordAudit(tx, actor, { action: "update", entity: "settings", entityId: key, before, after });
        return { value: read(row.value), version: row.version };
      });
    },
  };
}

/** The fiscal year's first month; the row the demo seed writes too (db/seed/demo.ts): the value is the month number itself. */
const fiscalYear = keyedSetting(
  "fiscal_year_start_month",
  (value): Settings => {
    const parsed = settingsSchema.shape.fiscalYearStartMonth.safeParse(value);
    return { fiscalYearStartMonth: parsed.success ? parsed.data : DEFAULT_SETTINGS.fiscalYearStartMonth };
  },
  (v) => v.fiscalYearStartMonth,
  DEFAULT_SETTINGS,
);

/** version 0 = the defaults, never saved yet. */
export async function getSettings(): Promise<Versioned<Settings>> {
  const { value, version } = await fiscalYear.get();
  return { ...value, version };
}

export async function getFiscalYearStartMonth(): Promise<number> {
  return (await getSettings()).fiscalYearStartMonth;
}

/** The client sends the version it saw (0 when nothing was saved yet); a stale one gets 409. */
export async function updateSettings(actor: SessionUser, input: Versioned<Settings>): Promise<Versioned<Settings>> {
  const { value, version } = await fiscalYear.update(actor, { fiscalYearStartMonth: input.fiscalYearStartMonth }, input.version);
  return { ...value, version };
}

/** The organisation's name and representative: one keyed row of its own, versioned apart from the fiscal year. */
const organization = keyedSetting(
  "organization",
  (value): Organization => {
    const parsed = organizationSchema.safeParse(value);
    return parsed.success ? parsed.data : EMPTY_ORGANIZATION;
  },
  (v) => v,
  EMPTY_ORGANIZATION,
);

/** version 0 = nothing entered yet (both empty). */
export async function getOrganization(): Promise<Versioned<Organization>> {
  const { value, version } = await organization.get();
  return { ...value, version };
}

/** The client sends the version it saw (0 when nothing was saved yet); a stale one gets 409. */
export async function updateOrganization(actor: SessionUser, input: Versioned<Organization>): Promise<Versioned<Organization>> {
  const { value, version } = await organization.update(actor, { name: input.name, representative: input.representative }, input.version);
  return { ...value, version };
}

/** Sign-in policy (docs/security.md, "Second factor"): a keyed row of its own. */
const security = keyedSetting(
  "security",
  (value): SecuritySettings => {
    const parsed = securitySettingsSchema.safeParse(value);
    return parsed.success ? parsed.data : DEFAULT_SECURITY_SETTINGS;
  },
  (v) => v,
  DEFAULT_SECURITY_SETTINGS,
);

/** version 0 = the defaults (no second factor required), never saved yet. */
export async function getSecuritySettings(): Promise<Versioned<SecuritySettings>> {
  const { value, version } = await security.get();
  return { ...value, version };
}

/** The client sends the version it saw (0 when nothing was saved yet); a stale one gets 409. */
export async function updateSecuritySettings(actor: SessionUser, input: Versioned<SecuritySettings>): Promise<Versioned<SecuritySettings>> {
  const { value, version } = await security.update(actor, { managerSecondFactorRequired: input.managerSecondFactorRequired }, input.version);
  return { ...value, version };
}

/**
 * The residual score from which a register risk counts as "high" (docs/domain.md §6, "Risk analysis"):
 * the dashboard's "high risks not accepted" and the risk list's filter read it. Default: the floor of
 * the "high" band; a stored value that is not a score the 5 × 5 grid can produce falls back to it.
 */
const riskThreshold = keyedSetting(
  "register_risk_threshold",
  (value): RiskThreshold => {
    const parsed = riskThresholdSchema.safeParse({ highThreshold: value });
    return parsed.success ? parsed.data : DEFAULT_RISK_THRESHOLD;
  },
  (v) => v.highThreshold,
  DEFAULT_RISK_THRESHOLD,
);

/** version 0 = the default, never saved yet. */
export async function getRiskThreshold(): Promise<Versioned<RiskThreshold>> {
  const { value, version } = await riskThreshold.get();
  return { ...value, version };
}

/** The client sends the version it saw (0 when nothing was saved yet); a stale one gets 409. */
export async function updateRiskThreshold(actor: SessionUser, input: Versioned<RiskThreshold>): Promise<Versioned<RiskThreshold>> {
  const { value, version } = await riskThreshold.update(actor, { highThreshold: input.highThreshold }, input.version);
  return { ...value, version };
}

/** Evidence files (docs/domain.md, "Evidence files"): the largest file and the types accepted. */
const evidenceSetting = keyedSetting(
  "evidence",
  (value): EvidenceSettings => {
    const parsed = evidenceSettingsSchema.safeParse(value);
    return parsed.success ? parsed.data : DEFAULT_EVIDENCE_SETTINGS;
  },
  (v) => v,
  DEFAULT_EVIDENCE_SETTINGS,
);

/** version 0 = the defaults, never saved yet. */
export async function getEvidenceSettings(): Promise<Versioned<EvidenceSettings>> {
  const { value, version } = await evidenceSetting.get();
  return { ...value, version };
}

/** The client sends the version it saw (0 when nothing was saved yet); a stale one gets 409. */
export async function updateEvidenceSettings(actor: SessionUser, input: Versioned<EvidenceSettings>): Promise<Versioned<EvidenceSettings>> {
  const { value, version } = await evidenceSetting.update(actor, { maxBytes: input.maxBytes, allowedTypes: [...new Set(input.allowedTypes)] }, input.version);
  return { ...value, version };
}
