import "server-only";
import { and, asc, desc, inArray, like, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { courses, employees, notificationDeliveries } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import { fiscalYearOf } from "@/lib/fiscal-year";
import { mailEnabled } from "@/lib/notifications/mail-config";
import {
  DEFAULT_TRAINING_REMINDERS,
  isReminderPayload,
  reminderDecision,
  reminderKey,
  trainingReminderSettingsSchema,
  type EmployeeReminderDto,
  type ReminderPayload,
  type TrainingReminderSettings,
  type TrainingReminderSettingsDto,
} from "@/lib/notifications/training-reminders";
import { exportTrainingStatusQuery } from "@/lib/training/status-query";
import { recordAudits } from "./audit";
import { getLeadDays } from "./notifications";
import { getFiscalYearStartMonth, keyedSetting } from "./settings";
import { exportTrainingStatusRows } from "./training-status";

/**
 * Training reminders to the employees themselves (docs/domain.md, "Notifications"; the rule:
 * lib/notifications/training-reminders.ts). The morning scan queues them in the outbox
 * (notification_deliveries, channel email, no user: the payload names the employee and course), each
 * under a key unique per employee, course, fiscal year and reminder number — two instances scanning at
 * once queue one. The address and the language are read when the mail is sent
 * (db/queries/notification-outbox.ts).
 */

const setting = keyedSetting(
  "training_reminders",
  (value): TrainingReminderSettings => {
    const parsed = trainingReminderSettingsSchema.safeParse(value);
    return parsed.success ? parsed.data : { ...DEFAULT_TRAINING_REMINDERS };
  },
  (v) => v,
  { ...DEFAULT_TRAINING_REMINDERS } as TrainingReminderSettings,
);

/** version 0 = the defaults (off), never saved. */
export async function getTrainingReminderSettings(): Promise<TrainingReminderSettingsDto> {
  const { value, version } = await setting.get();
  return { ...value, version, emailEnabled: mailEnabled() };
}

export async function updateTrainingReminderSettings(actor: SessionUser, input: TrainingReminderSettings & { version: number }): Promise<TrainingReminderSettingsDto> {
  const { version, ...rest } = input;
  const saved = await setting.update(actor, trainingReminderSettingsSchema.parse(rest), version);
  return { ...saved.value, version: saved.version, emailEnabled: mailEnabled() };
}

const KEY_PREFIX = "training-reminder:";

/** The reminders queued so far in a fiscal year, per "employee:course": how many and the day of the last. */
async function sentSoFar(fiscalYear: number): Promise<Map<string, { sent: number; lastOn: string }>> {
  const db = await getDb();
  const rows = await db
    .select({ payload: notificationDeliveries.payload })
    .from(notificationDeliveries)
    .where(and(like(notificationDeliveries.key, `${KEY_PREFIX}%`), sql`${notificationDeliveries.payload}->>'fiscalYear' = ${String(fiscalYear)}`));
  const out = new Map<string, { sent: number; lastOn: string }>();
  for (const { payload } of rows) {
    if (!isReminderPayload(payload)) continue;
    const k = `${payload.employeeId}:${payload.courseId}`;
    const cur = out.get(k);
    out.set(k, { sent: (cur?.sent ?? 0) + 1, lastOn: cur && cur.lastOn > payload.queuedOn ? cur.lastOn : payload.queuedOn });
  }
  return out;
}

/**
 * Queues today's reminders (the morning scan, db/queries/notifications.ts scanDeadlines). Nothing
 * while the company has not opted in or no SMTP server is configured. Returns how many were queued.
 */
export async function queueTrainingReminders(today: string = todayInTokyo()): Promise<number> {
  const settings = (await setting.get()).value;
  if (!settings.enabled || !mailEnabled()) return 0;
  const [lead, startMonth] = await Promise.all([getLeadDays(), getFiscalYearStartMonth()]);
  const fiscalYear = fiscalYearOf(today, startMonth);
  const { rows } = await exportTrainingStatusRows(exportTrainingStatusQuery.parse({ status: ["due_soon", "overdue"] }), today);
  if (!rows.length) return 0;
  const db = await getDb();
  const ids = [...new Set(rows.map((r) => r.employee.id))];
  const facts = new Map(
    (
      await db
        .select({ id: employees.id, email: employees.email, leaveDate: employees.leaveDate, retiredAt: employees.retiredAt })
        .from(employees)
        .where(inArray(employees.id, ids))
    ).map((e) => [e.id, e]),
  );
  const sent = await sentSoFar(fiscalYear);
  const values: (typeof notificationDeliveries.$inferInsert)[] = [];
  for (const r of rows) {
    const e = facts.get(r.employee.id);
    if (!e) continue;
    const so = sent.get(`${r.employee.id}:${r.course.id}`);
    const d = reminderDecision(
      { status: r.status, dueOn: r.dueOn, email: e.email, leaveDate: e.leaveDate, retired: e.retiredAt !== null, sent: so?.sent ?? 0, lastOn: so?.lastOn ?? null },
      settings,
      lead.training,
      today,
    );
    if (!d.send) continue;
    const payload: ReminderPayload = {
      kind: "training_reminder",
      employeeId: r.employee.id,
      courseId: r.course.id,
      fiscalYear,
      number: d.number,
      max: settings.maxPerCourse,
      dueOn: r.dueOn!,
      overdue: r.status === "overdue",
      queuedOn: today,
    };
    values.push({ key: reminderKey(r.employee.id, r.course.id, fiscalYear, d.number), channel: "email", payload });
  }
  let queued = 0;
  for (let i = 0; i < values.length; i += 200) {
    await db.transaction(async (tx) => {
      const added = await tx.insert(notificationDeliveries).values(values.slice(i, i + 200)).onConflictDoNothing().returning({ id: notificationDeliveries.id, key: notificationDeliveries.key });
      queued += added.length;
      await recordAudits(tx, null, added.map((a) => ({ action: "create" as const, entity: "notification_delivery", entityId: a.id, after: { channel: "email", key: a.key } })));
    });
  }
  return queued;
}

/** The reminders sent (or queued, or failed) to one employee, newest first: what HR sees on the employee's page. */
export async function listEmployeeReminders(employeeId: number): Promise<EmployeeReminderDto[]> {
  const db = await getDb();
  const rows = await db
    .select({ d: notificationDeliveries })
    .from(notificationDeliveries)
    .where(and(like(notificationDeliveries.key, `${KEY_PREFIX}${employeeId}:%`)))
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(200);
  const payloads = rows.flatMap(({ d }) => (isReminderPayload(d.payload) ? [{ d, p: d.payload }] : []));
  const courseIds = [...new Set(payloads.map((x) => x.p.courseId))];
  const cs = courseIds.length ? await db.select({ id: courses.id, code: courses.code, title: courses.title }).from(courses).where(inArray(courses.id, courseIds)).orderBy(asc(courses.id)) : [];
  const byId = new Map(cs.map((c) => [c.id, c]));
  return payloads.map(({ d, p }) => ({
    id: d.id,
    courseId: p.courseId,
    courseCode: byId.get(p.courseId)?.code ?? "",
    courseTitle: byId.get(p.courseId)?.title ?? "",
    fiscalYear: p.fiscalYear,
    number: p.number,
    max: p.max,
    dueOn: p.dueOn,
    overdue: p.overdue,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    sentAt: d.sentAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  }));
}

/** The employee and course of reminder deliveries (the deliveries list names them). */
export async function reminderLabels(payloads: unknown[]): Promise<(p: ReminderPayload) => { employeeName: string; courseCode: string; number: number }> {
  const rs = payloads.filter(isReminderPayload);
  const db = await getDb();
  const [es, cs] = rs.length
    ? await Promise.all([
        db.select({ id: employees.id, name: employees.name }).from(employees).where(inArray(employees.id, [...new Set(rs.map((r) => r.employeeId))])),
        db.select({ id: courses.id, code: courses.code }).from(courses).where(inArray(courses.id, [...new Set(rs.map((r) => r.courseId))])),
      ])
    : [[], []];
  const en = new Map(es.map((e) => [e.id, e.name]));
  const cn = new Map(cs.map((c) => [c.id, c.code]));
  return (p) => ({ employeeName: en.get(p.employeeId) ?? "—", courseCode: cn.get(p.courseId) ?? "", number: p.number });
}
