import "server-only";
import { createHmac } from "node:crypto";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { getDb } from "@/db";
import { courses, employees, notificationDeliveries, notificationPreferences, notifications, users } from "@/db/schema";
import { todayInTokyo } from "@/lib/dates";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { translateKey } from "@/lib/i18n/messages";
import { digestMail, notificationMail, type Mail, type MailItem } from "@/lib/notifications/mail";
import { mailEnabled, readMailConfig } from "@/lib/notifications/mail-config";
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from "@/lib/notifications/rules";
import { isMailAddress, isReminderPayload, trainingReminderMail, type ReminderPayload } from "@/lib/notifications/training-reminders";
import type { DeliveryDto, DeliveryQuery } from "@/lib/notifications/schema";
import { recordAudit } from "./audit";
import { getWebhooks, webhookSecret } from "./notification-webhooks";
import { summaryOf } from "./notifications";
import { getOrganization } from "./settings";
import { reminderLabels } from "./training-reminders";

/**
 * The outbox's sender (docs/domain.md, "Notifications"): claims the deliveries whose time has come,
 * sends each (SMTP or a signed webhook POST), and records the outcome — sent, or the error and the next
 * attempt (back-off: lib/notifications/rules.ts retryDelayMs), or failed after the last attempt. A row
 * is claimed by one worker at a time (`FOR UPDATE SKIP LOCKED`, then status `sending`), so two
 * instances never send the same message; a claim older than CLAIM_TIMEOUT_MS (a worker that died
 * mid-send) is taken over.
 */

export const CLAIM_TIMEOUT_MS = 10 * 60_000;
/** Deliveries claimed per run. */
const CLAIM_BATCH = 20;
const SEND_TIMEOUT_MS = 15_000;

type Delivery = typeof notificationDeliveries.$inferSelect;

/** Failing: given up, or waiting for another attempt after a failed one (the dashboard's card and the list's filter). */
const FAILING = sql`(${notificationDeliveries.status} = 'failed' or (${notificationDeliveries.status} = 'pending' and ${notificationDeliveries.attempts} > 0))`;

const transports = new Map<string, nodemailer.Transporter>();
function transport(url: string): nodemailer.Transporter {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url, { connectionTimeout: SEND_TIMEOUT_MS, greetingTimeout: SEND_TIMEOUT_MS, socketTimeout: SEND_TIMEOUT_MS } as never);
    transports.set(url, t);
  }
  return t;
}

/** The public address of the app, for the links in e-mails: AUTH_URL, or the local default. */
function appOrigin(): string {
  return env().AUTH_URL ? new URL(env().AUTH_URL!).origin : `http://localhost:${process.env.PORT ?? 3000}`;
}

function translatorFor(locale: Locale) {
  return (key: string, values?: Record<string, string | number>) => translateKey(locale, key, values);
}

async function recipientOf(userId: number) {
  const db = await getDb();
  const [u] = await db
    .select({ email: users.email, name: users.name, active: users.active, locale: notificationPreferences.locale })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, userId));
  if (!u) throw new PermanentError("recipient not found");
  if (!u.active) throw new PermanentError("recipient deactivated");
  return { ...u, locale: (u.locale === "en" ? "en" : "ja") as Locale };
}

/** An error retrying cannot fix: the delivery is failed at once. */
class PermanentError extends Error {}

const asItem = (n: typeof notifications.$inferSelect, locale: Locale): MailItem => ({ summary: summaryOf(n, locale), dueOn: n.dueOn, stage: n.stage, href: n.href, escalated: n.escalated });

/**
 * A training reminder to an employee: the address of the employee record as it is now (none, or the
 * employee gone: failed at once), in the language of a user with the same address if there is one,
 * else Japanese.
 */
async function buildReminder(p: ReminderPayload): Promise<{ to: string; mail: Mail }> {
  const db = await getDb();
  const [e] = await db.select().from(employees).where(eq(employees.id, p.employeeId));
  if (!e) throw new PermanentError("employee not found");
  if (e.retiredAt || (e.leaveDate && e.leaveDate < todayInTokyo())) throw new PermanentError("employee has left");
  if (!isMailAddress(e.email)) throw new PermanentError("no e-mail address in the employee record");
  const to = e.email.trim();
  const [[c], [pref], org] = await Promise.all([
    db.select({ code: courses.code, title: courses.title }).from(courses).where(eq(courses.id, p.courseId)),
    db
      .select({ locale: notificationPreferences.locale })
      .from(users)
      .innerJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
      .where(sql`lower(${users.email}) = lower(${to})`),
    getOrganization(),
  ]);
  if (!c) throw new PermanentError("course not found");
  const locale: Locale = pref?.locale === "en" ? "en" : "ja";
  const t = translatorFor(locale);
  const sender = org.name || t("notifications.trainingReminder.defaultSender");
  return { to, mail: trainingReminderMail({ employeeName: e.name, courseCode: c.code, courseTitle: c.title, dueOn: p.dueOn, overdue: p.overdue, number: p.number, max: p.max, sender }, t) };
}

async function buildMail(d: Delivery): Promise<{ to: string; mail: Mail }> {
  if (isReminderPayload(d.payload)) return buildReminder(d.payload);
  const db = await getDb();
  const who = await recipientOf(d.userId!);
  const t = translatorFor(who.locale);
  if (d.notificationId) {
    const [n] = await db.select().from(notifications).where(eq(notifications.id, d.notificationId));
    return { to: who.email, mail: notificationMail(asItem(n, who.locale), appOrigin(), t) };
  }
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, d.userId!), eq(notifications.digestOn, d.digestOn!)))
    .orderBy(asc(notifications.dueOn), asc(notifications.id));
  if (rows.length === 0) throw new PermanentError("nothing to send in this digest");
  return { to: who.email, mail: digestMail(rows.map((n) => asItem(n, who.locale)), d.digestOn!, appOrigin(), t) };
}

async function sendMail(d: Delivery): Promise<void> {
  const config = readMailConfig();
  if (!config) throw new Error("SMTP_URL is not set");
  const { to, mail } = await buildMail(d);
  await transport(config.smtpUrl).sendMail({ from: config.from, to, subject: mail.subject, text: mail.text, html: mail.html, headers: { "X-PMS-Delivery": String(d.id) } });
}

/** HMAC-SHA256 of "<timestamp>.<body>" with the hook's secret, hex: the X-PMS-Signature header is "t=<timestamp>,v1=<hex>". */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

async function callWebhook(d: Delivery): Promise<void> {
  const { hook: key, body: payload } = d.payload as { hook: string; body: { path: string } };
  const hook = (await getWebhooks()).hooks.find((h) => h.key === key);
  if (!hook) throw new PermanentError("webhook removed");
  const body = JSON.stringify({ id: d.id, ...payload, url: new URL(payload.path, appOrigin()).toString() });
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(hook.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-pms-signature": signWebhook(webhookSecret(key), ts, body), "x-pms-delivery": String(d.id) },
    body,
    redirect: "error",
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`webhook answered ${res.status}`);
}

/** Claims up to `limit` deliveries whose time has come (or whose claim went stale). */
async function claim(now: Date, limit: number): Promise<Delivery[]> {
  const db = await getDb();
  const stale = new Date(now.getTime() - CLAIM_TIMEOUT_MS);
  return db
    .update(notificationDeliveries)
    .set({ status: "sending", claimedAt: now, attempts: sql`${notificationDeliveries.attempts} + 1` })
    .where(
      inArray(
        notificationDeliveries.id,
        sql`(select id from ${notificationDeliveries} where (status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz) or (status = 'sending' and claimed_at < ${stale.toISOString()}::timestamptz) order by next_attempt_at, id limit ${limit} for update skip locked)`,
      ),
    )
    .returning();
}

async function settle(d: Delivery, error: unknown, now: Date): Promise<"sent" | "retry" | "failed"> {
  const db = await getDb();
  const message = error === null ? null : (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const outcome = error === null ? "sent" : error instanceof PermanentError || d.attempts >= MAX_DELIVERY_ATTEMPTS ? "failed" : "retry";
  await db.transaction(async (tx) => {
    await tx
      .update(notificationDeliveries)
      .set(
        outcome === "sent"
          ? { status: "sent", sentAt: now, lastError: null, claimedAt: null }
          : outcome === "failed"
            ? { status: "failed", lastError: message, claimedAt: null }
            : { status: "pending", lastError: message, claimedAt: null, nextAttemptAt: new Date(now.getTime() + retryDelayMs(d.attempts)) },
      )
      .where(and(eq(notificationDeliveries.id, d.id), eq(notificationDeliveries.status, "sending")));
    await recordAudit(tx, null, { action: "update", entity: "notification_delivery", entityId: d.id, after: { channel: d.channel, status: outcome === "retry" ? "pending" : outcome, attempts: d.attempts, error: message } });
  });
  return outcome;
}

/**
 * Sends what is due: the job of the queue's `notify-outbox` worker (db/jobs.ts), run every minute and
 * after each scan. Returns what happened, for the job's log and the tests.
 */
export async function drainOutbox(opts: { now?: Date; limit?: number } = {}): Promise<{ sent: number; retried: number; failed: number }> {
  const out = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const now = opts.now ?? new Date();
    const claimed = await claim(now, opts.limit ?? CLAIM_BATCH);
    if (claimed.length === 0) return out;
    for (const d of claimed) {
      let error: unknown = null;
      try {
        if (d.channel === "email") await sendMail(d);
        else await callWebhook(d);
      } catch (err) {
        error = err;
      }
      const r = await settle(d, error, opts.now ?? new Date());
      out[r === "sent" ? "sent" : r === "retry" ? "retried" : "failed"]++;
    }
    if (opts.limit) return out;
  }
}

// ---------------------------------------------------------------------------------------------
// The manager's view: delivery status and failures.

export async function listDeliveries(q: DeliveryQuery): Promise<{ items: DeliveryDto[]; total: number; page: number; pageSize: number; failing: number; emailEnabled: boolean }> {
  const db = await getDb();
  const where = and(q.status ? eq(notificationDeliveries.status, q.status) : undefined, q.failing ? FAILING : undefined);
  const [rows, [{ total }], failing, { hooks }] = await Promise.all([
    db
      .select({ d: notificationDeliveries, userName: users.name })
      .from(notificationDeliveries)
      .leftJoin(users, eq(users.id, notificationDeliveries.userId))
      .where(where)
      .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(notificationDeliveries).where(where),
    failingDeliveries(),
    getWebhooks(),
  ]);
  const hookName = (d: Delivery) => hooks.find((h) => h.key === (d.payload as { hook?: string } | null)?.hook)?.name ?? null;
  const reminder = await reminderLabels(rows.map(({ d }) => d.payload));
  return {
    items: rows.map(({ d, userName }) => ({
      id: d.id,
      channel: d.channel,
      status: d.status,
      recipient: (isReminderPayload(d.payload) ? reminder(d.payload).employeeName : d.channel === "email" ? userName : hookName(d)) ?? "—",
      trainingReminder: isReminderPayload(d.payload) ? { courseCode: reminder(d.payload).courseCode, number: d.payload.number, max: d.payload.max } : null,
      digestOn: d.digestOn,
      attempts: d.attempts,
      nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
      lastError: d.lastError,
      sentAt: d.sentAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
    failing,
    emailEnabled: mailEnabled(),
  };
}

/**
 * "Notifications failing" (the dashboard's card): deliveries that gave up, plus those still waiting
 * after a failed attempt.
 */
export async function failingDeliveries(): Promise<number> {
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(notificationDeliveries).where(FAILING);
  return Number(n);
}
