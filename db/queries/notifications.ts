import "server-only";
import { and, between, count, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { auditFindings, audits, contractorCertifications, contractors, incidents, managementReviewActions, notificationDeliveries, notificationPreferences, notifications, users } from "@/db/schema";
import { StaleVersionError } from "@/lib/api/errors";
import type { Role, SessionUser } from "@/lib/auth/roles";
import type { CalendarEvent, CalendarEventType } from "@/lib/calendar/events";
import { eventSummary } from "@/lib/calendar/summary";
import { addDays, todayInTokyo } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { translateKey } from "@/lib/i18n/messages";
import type { NotificationStage } from "@/lib/notifications/enums";
import { mailEnabled } from "@/lib/notifications/mail-config";
import {
  DEFAULT_LEAD_DAYS,
  OWN_KIND_SUMMARIES,
  certificationEvents,
  dueDayOf,
  effectiveMode,
  fiscalYearEvents,
  leadDaysSchema,
  readModes,
  recipientsFor,
  ruleOf,
  stageOf,
  type LeadDays,
  type NotificationModes,
} from "@/lib/notifications/rules";
import type { ListNotificationsQuery, MarkReadInput, NotificationDto, NotificationPage, PreferencesDto, ScanResult, UpdatePreferencesInput } from "@/lib/notifications/schema";
import { recordAudit, recordAudits } from "./audit";
import { auditStats } from "./audits";
import { listCalendarEvents } from "./calendar";
import { getWebhooks } from "./notification-webhooks";
import { getFiscalYearStartMonth, keyedSetting } from "./settings";

/**
 * Notifications (docs/domain.md, "Notifications"): the scan that turns the calendar's deadlines into
 * notifications and queues their e-mails and webhook calls (the outbox, sent by
 * db/queries/notification-outbox.ts), and what a user reads and chooses.
 */

// ---------------------------------------------------------------------------------------------
// Lead times (a keyed setting; the privacy manager changes them on the settings page).

const leadDaysSetting = keyedSetting(
  "notification_lead_days",
  (value): LeadDays => {
    const parsed = leadDaysSchema.safeParse({ ...DEFAULT_LEAD_DAYS, ...(value && typeof value === "object" ? value : {}) });
    return parsed.success ? parsed.data : DEFAULT_LEAD_DAYS;
  },
  (v) => v,
  DEFAULT_LEAD_DAYS,
);

/** version 0 = the defaults, never saved. */
export async function getLeadDays(): Promise<LeadDays & { version: number }> {
  const { value, version } = await leadDaysSetting.get();
  return { ...value, version };
}

export async function updateLeadDays(actor: SessionUser, input: LeadDays & { version: number }): Promise<LeadDays & { version: number }> {
  const { version, ...days } = input;
  const saved = await leadDaysSetting.update(actor, leadDaysSchema.parse(days), version);
  return { ...saved.value, version: saved.version };
}

// ---------------------------------------------------------------------------------------------
// The scan.

/** How far back the scan looks for deadlines still open (a late item keeps escalating until done). */
export const LOOKBACK_DAYS = 400;
/** Notifications written per transaction. */
const BATCH = 200;

type Staged = { e: CalendarEvent; stage: NotificationStage; due: string };

/** The users each event's record names: the incident's reporter, the audit's lead auditor, the owner of a finding or a review action. */
async function ownersOf(events: CalendarEvent[]): Promise<Map<string, number[]>> {
  const db = await getDb();
  const ids = { incident: new Set<number>(), audit: new Set<number>(), finding: new Set<number>(), review: new Set<number>() };
  const parse = (uid: string): [keyof typeof ids, number] | null => {
    const m = /^(incident|audit|finding|review-action)-(\d+)(?:-|$)/.exec(uid);
    if (!m || uid.startsWith("incident-action-")) return null;
    return [m[1] === "review-action" ? "review" : (m[1] as keyof typeof ids), Number(m[2])];
  };
  for (const e of events) {
    const p = parse(e.uid);
    if (p) ids[p[0]].add(p[1]);
  }
  const owner = new Map<string, number | null>();
  const load = async (name: keyof typeof ids, rows: () => Promise<{ id: number; owner: number | null }[]>) => {
    if (ids[name].size === 0) return;
    for (const r of await rows()) owner.set(`${name}:${r.id}`, r.owner);
  };
  await Promise.all([
    load("incident", () => db.select({ id: incidents.id, owner: incidents.reporterId }).from(incidents).where(inArray(incidents.id, [...ids.incident]))),
    load("audit", () => db.select({ id: audits.id, owner: audits.leadAuditorId }).from(audits).where(inArray(audits.id, [...ids.audit]))),
    load("finding", () => db.select({ id: auditFindings.id, owner: auditFindings.ownerUserId }).from(auditFindings).where(inArray(auditFindings.id, [...ids.finding]))),
    load("review", () =>
      db.select({ id: managementReviewActions.id, owner: managementReviewActions.ownerUserId }).from(managementReviewActions).where(inArray(managementReviewActions.id, [...ids.review])),
    ),
  ]);
  const out = new Map<string, number[]>();
  for (const e of events) {
    const p = parse(e.uid);
    const o = p ? owner.get(`${p[0]}:${p[1]}`) : null;
    out.set(e.uid, o ? [o] : []);
  }
  return out;
}

/** Today's deadlines that have reached a stage (lib/notifications/rules.ts stageOf), from the calendar and the fiscal-year rule. */
export async function dueEvents(today: string, lead: LeadDays): Promise<Staged[]> {
  const maxLead = Math.max(...Object.values(lead), 31);
  const db = await getDb();
  const [{ items }, stats, startMonth, certs] = await Promise.all([
    // The calendar as the privacy manager sees it: every type. Who may hear of what is decided per recipient.
    listCalendarEvents({ role: "privacy_manager" }, { from: addDays(today, -LOOKBACK_DAYS), to: addDays(today, maxLead) }, undefined, today),
    auditStats(undefined, today),
    getFiscalYearStartMonth(),
    db
      .select({
        id: contractorCertifications.id,
        contractorId: contractors.id,
        contractorName: contractors.name,
        contractorStatus: contractors.status,
        number: contractorCertifications.number,
        expiresOn: contractorCertifications.expiresOn,
      })
      .from(contractorCertifications)
      .innerJoin(contractors, eq(contractors.id, contractorCertifications.contractorId))
      .where(and(isNull(contractorCertifications.retiredAt), isNull(contractors.retiredAt), between(contractorCertifications.expiresOn, addDays(today, -LOOKBACK_DAYS), addDays(today, maxLead)))),
  ]);
  const fy = fiscalYearEvents(stats.fiscalYear, startMonth, { internalAudit: stats.indicators.internalAuditMet, managementReview: stats.indicators.managementReviewMet }, today);
  return [...items, ...fy, ...certificationEvents(certs, today)].flatMap((e) => {
    const stage = stageOf(e, lead, today);
    return stage ? [{ e, stage, due: dueDayOf(e) }] : [];
  });
}

/**
 * Turns the deadlines due on `today` into notifications, in the same transactions as the e-mails and
 * webhook calls they cause (the outbox). Idempotent: a notification's key is its rule, record, due
 * day and recipient (a unique index), an outbox row's key is unique too, so a scan run twice — or by
 * two app instances at once — adds nothing the second time, and a day the app was down is caught up
 * by the next scan. `daily`: the morning scan, which also queues the digests of the days up to today; a
 * notification made after the user's digest of the day was queued goes into the next day's.
 */
export async function scanDeadlines(opts: { today?: string; daily?: boolean } = {}): Promise<ScanResult> {
  const today = opts.today ?? todayInTokyo();
  const db = await getDb();
  const lead = (await leadDaysSetting.get()).value;
  const staged = await dueEvents(today, lead);
  const owners = await ownersOf(staged.map((s) => s.e));
  const people = await db
    .select({ id: users.id, role: users.role, modes: notificationPreferences.modes })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(eq(users.active, true), sql`${users.role} is not null`));
  const persons = people.map((p) => ({ id: p.id, role: p.role as Role, modes: readModes(p.modes) }));
  const byId = new Map(persons.map((p) => [p.id, p]));
  const email = mailEnabled();
  const { hooks } = await getWebhooks();

  // A user whose digest for today is already queued gets tomorrow's.
  const digested = new Set(
    (await db.select({ userId: notificationDeliveries.userId }).from(notificationDeliveries).where(eq(notificationDeliveries.digestOn, today))).map((r) => r.userId),
  );

  const rows: (typeof notifications.$inferInsert)[] = [];
  for (const { e, stage, due } of staged) {
    for (const r of recipientsFor(e, stage, persons, owners.get(e.uid) ?? [])) {
      const p = byId.get(r.userId)!;
      const mode = effectiveMode(p.modes, e, p.role);
      if (mode === "off") continue;
      rows.push({
        userId: r.userId,
        rule: ruleOf(e.kind, stage),
        recordKey: e.uid,
        dueOn: due,
        type: e.type,
        kind: e.kind,
        stage,
        values: e.values,
        href: e.href,
        escalated: r.escalated,
        digestOn: mode === "digest" ? (digested.has(r.userId) ? addDays(today, 1) : today) : null,
      });
    }
  }

  let created = 0;
  let queued = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(notifications)
        .values(batch)
        .onConflictDoNothing()
        .returning({ id: notifications.id, userId: notifications.userId, rule: notifications.rule, recordKey: notifications.recordKey, dueOn: notifications.dueOn, digestOn: notifications.digestOn });
      created += inserted.length;
      if (email) {
        const mails = inserted.filter((n) => n.digestOn === null).map((n) => ({ key: `email:${n.id}`, channel: "email" as const, notificationId: n.id, userId: n.userId }));
        if (mails.length) queued += (await tx.insert(notificationDeliveries).values(mails).onConflictDoNothing().returning({ id: notificationDeliveries.id })).length;
      }
      await recordAudits(
        tx,
        null,
        inserted.map((n) => ({ action: "create" as const, entity: "notification", entityId: n.id, after: { userId: n.userId, rule: n.rule, record: n.recordKey, dueOn: n.dueOn } })),
      );
    });
  }

  // Webhooks: one call per event, stage and hook, whoever was told.
  const calls = staged.flatMap(({ e, stage, due }) =>
    hooks
      .filter((h) => h.types.includes(e.type))
      .map((h) => ({
        key: `webhook:${h.key}:${ruleOf(e.kind, stage)}:${e.uid}:${due}`,
        channel: "webhook" as const,
        payload: { hook: h.key, body: webhookPayload(e, stage, due) },
      })),
  );
  for (let i = 0; i < calls.length; i += BATCH) {
    await db.transaction(async (tx) => {
      const added = await tx.insert(notificationDeliveries).values(calls.slice(i, i + BATCH)).onConflictDoNothing().returning({ id: notificationDeliveries.id, key: notificationDeliveries.key });
      queued += added.length;
      await recordAudits(tx, null, added.map((d) => ({ action: "create" as const, entity: "notification_delivery", entityId: d.id, after: { channel: "webhook", key: d.key } })));
    });
  }

  if (opts.daily && email) queued += await queueDigests(today);
  // Training reminders to the employees themselves (opt-in; db/queries/training-reminders.ts), with the morning scan.
  if (opts.daily && email) queued += await (await import("./training-reminders")).queueTrainingReminders(today);
  return { today, due: staged.length, created, queued };
}

/** The JSON a webhook receives: the deadline as the calendar knows it, in both languages, with a link. */
function webhookPayload(e: CalendarEvent, stage: NotificationStage, due: string) {
  return {
    event: "deadline",
    type: e.type,
    kind: e.kind,
    stage,
    record: e.uid,
    dueOn: due,
    path: e.href,
    summary: { ja: summaryOf(e, "ja"), en: summaryOf(e, "en") },
  };
}

/** One digest per user and day, for the days up to `today` whose notifications wait for one. */
async function queueDigests(today: string): Promise<number> {
  const db = await getDb();
  const waiting = await db
    .selectDistinct({ userId: notifications.userId, digestOn: notifications.digestOn })
    .from(notifications)
    .where(and(lte(notifications.digestOn, today), sql`not exists (select 1 from ${notificationDeliveries} d where d.key = 'digest:' || ${notifications.userId} || ':' || ${notifications.digestOn})`));
  if (waiting.length === 0) return 0;
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(notificationDeliveries)
      .values(waiting.map((w) => ({ key: `digest:${w.userId}:${w.digestOn}`, channel: "email" as const, userId: w.userId, digestOn: w.digestOn })))
      .onConflictDoNothing()
      .returning({ id: notificationDeliveries.id, userId: notificationDeliveries.userId, digestOn: notificationDeliveries.digestOn });
    await recordAudits(tx, null, added.map((d) => ({ action: "create" as const, entity: "notification_delivery", entityId: d.id, after: { channel: "email", userId: d.userId, digestOn: d.digestOn } })));
    return added.length;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading and marking.

export function summaryOf(n: { kind: string; values: unknown }, locale: Locale): string {
  const t = (key: string, values?: Record<string, string | number>) => translateKey(locale, key, values);
  const values = (n.values ?? {}) as Record<string, string | number>;
  const own = OWN_KIND_SUMMARIES[n.kind];
  return own ? t(`notifications.summary.${own}`, values) : eventSummary({ kind: n.kind, values }, t);
}

export function toDto(n: typeof notifications.$inferSelect, locale: Locale): NotificationDto {
  return {
    id: n.id,
    type: n.type as CalendarEventType,
    kind: n.kind,
    stage: n.stage,
    dueOn: n.dueOn,
    href: n.href,
    escalated: n.escalated,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
    summary: summaryOf(n, locale),
  };
}

export async function unreadCount(userId: number, dbOrTx?: DbOrTx): Promise<number> {
  const db = dbOrTx ?? (await getDb());
  const [{ n }] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(n);
}

/** The signed-in user's own notifications, newest first. */
export async function listNotifications(user: Pick<SessionUser, "id">, q: ListNotificationsQuery, locale: Locale): Promise<NotificationPage> {
  const db = await getDb();
  const where = and(eq(notifications.userId, user.id), q.unread === true ? isNull(notifications.readAt) : q.unread === false ? sql`${notifications.readAt} is not null` : undefined, q.type ? eq(notifications.type, q.type) : undefined);
  const [rows, [{ total }], unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(notifications).where(where),
    unreadCount(user.id),
  ]);
  return { items: rows.map((r) => toDto(r, locale)), total: Number(total), page: q.page, pageSize: q.pageSize, unread };
}

/** Marks the user's own notifications read (others' ids are ignored); audited. */
export async function markRead(user: SessionUser, input: MarkReadInput): Promise<{ updated: number; unread: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt), "ids" in input ? inArray(notifications.id, input.ids) : undefined))
      .returning({ id: notifications.id });
    if (updated.length) await recordAudit(tx, user, { action: "update", entity: "notification", entityId: null, after: { read: updated.map((u) => u.id) } });
    return { updated: updated.length, unread: await unreadCount(user.id, tx) };
  });
}

// ---------------------------------------------------------------------------------------------
// Preferences.

export async function getPreferences(user: Pick<SessionUser, "id">, fallbackLocale: Locale): Promise<PreferencesDto> {
  const db = await getDb();
  const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id));
  return {
    modes: readModes(row?.modes),
    locale: row ? (row.locale === "en" ? "en" : "ja") : fallbackLocale,
    emailEnabled: mailEnabled(),
    version: row?.version ?? 0,
  };
}

/** Saved with the version read (0: never saved); a stale one is a 409. Audited. */
export async function updatePreferences(user: SessionUser, input: UpdatePreferencesInput): Promise<PreferencesDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id)).for("update");
    const currentVersion = current?.version ?? 0;
    if (input.version !== currentVersion) throw new StaleVersionError(currentVersion);
    const modes: NotificationModes = input.modes;
    const [row] = current
      ? await tx
          .update(notificationPreferences)
          .set({ modes, locale: input.locale, version: sql`${notificationPreferences.version} + 1`, updatedAt: new Date() })
          .where(eq(notificationPreferences.userId, user.id))
          .returning()
      : await tx.insert(notificationPreferences).values({ userId: user.id, modes, locale: input.locale, version: 1 }).onConflictDoNothing().returning();
    if (!row) throw new StaleVersionError(1);
    await recordAudit(tx, user, {
      action: "update",
      entity: "notification_preferences",
      entityId: user.id,
      before: current ? { modes: readModes(current.modes), locale: current.locale } : null,
      after: { modes, locale: input.locale },
    });
    return { modes: readModes(row.modes), locale: row.locale === "en" ? "en" : "ja", emailEnabled: mailEnabled(), version: row.version };
  });
}
