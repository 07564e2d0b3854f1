import { z } from "zod";
import { numberOrNull, wholeNumber } from "@/lib/validation/numbers";
import { addDays } from "@/lib/dates";
import { DELIVERY_STATUSES } from "./enums";
import type { Mail, Translate } from "./mail";

/**
 * Training reminders to the employees themselves (docs/domain.md, "Notifications"): opt-in per
 * company, sent to the address in the employee record while a required course is due soon or
 * overdue, at most `maxPerCourse` reminders per employee, course and fiscal year, at least
 * `intervalDays` apart. Pure: db/queries/training-reminders.ts supplies the facts and queues what
 * `reminderDecision` says, under the key `reminderKey` (unique in the outbox, so two scans at once
 * queue one).
 */

export const MAX_REMINDERS_LIMIT = 5;
export const DEFAULT_TRAINING_REMINDERS = { enabled: false, maxPerCourse: 3, intervalDays: 7 } as const;

export const trainingReminderSettingsSchema = z.object({
  enabled: z.boolean({ error: "validation.invalidType" }),
  maxPerCourse: z.preprocess(numberOrNull, wholeNumber(1, MAX_REMINDERS_LIMIT)),
  intervalDays: z.preprocess(numberOrNull, wholeNumber(1, 60)),
});
export type TrainingReminderSettings = z.output<typeof trainingReminderSettingsSchema>;
export const updateTrainingReminderSettingsSchema = trainingReminderSettingsSchema.extend({
  version: z.coerce.number({ error: "validation.required" }).int("validation.invalid").min(0, "validation.invalid"),
});
export const trainingReminderSettingsDto = trainingReminderSettingsSchema.extend({
  version: z.number(),
  /** Whether e-mail can be sent at all (SMTP configured): without it nothing is sent, whatever the setting. */
  emailEnabled: z.boolean(),
});
export type TrainingReminderSettingsDto = z.infer<typeof trainingReminderSettingsDto>;

/** One (employee, required course) pair as the training status judges it today, with what was already sent this fiscal year. */
export type ReminderFacts = {
  status: "compliant" | "due_soon" | "overdue" | "exempt";
  /** The pair's deadline (null: nothing due, e.g. a once-only course passed). */
  dueOn: string | null;
  email: string | null;
  leaveDate: string | null;
  retired: boolean;
  /** Reminders already queued for this pair in the fiscal year (sent, pending or failed). */
  sent: number;
  /** The Tokyo day the last of them was queued. */
  lastOn: string | null;
};

export type ReminderSkip = "disabled" | "not_due" | "exempt" | "left" | "no_address" | "limit" | "too_soon";
export type ReminderDecision = { send: true; number: number } | { send: false; reason: ReminderSkip };

/** A plausible mailbox (the employee record's e-mail is free text from imports). */
export function isMailAddress(v: string | null): v is string {
  return v !== null && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim());
}

/**
 * Whether to remind this employee of this course today, and which reminder it is (1…max). A due-soon
 * pair is reminded only within `leadDays` of its deadline (the training lead time of the deadline
 * reminders); an overdue one until it is done, the limit reached or the employee gone.
 */
export function reminderDecision(f: ReminderFacts, s: Pick<TrainingReminderSettings, "enabled" | "maxPerCourse" | "intervalDays">, leadDays: number, today: string): ReminderDecision {
  const skip = (reason: ReminderSkip): ReminderDecision => ({ send: false, reason });
  if (!s.enabled) return skip("disabled");
  if (f.retired || (f.leaveDate !== null && f.leaveDate < today)) return skip("left");
  if (f.status === "exempt") return skip("exempt");
  if (f.status === "compliant" || f.dueOn === null) return skip("not_due");
  if (f.status === "due_soon" && f.dueOn > addDays(today, leadDays)) return skip("not_due");
  if (!isMailAddress(f.email)) return skip("no_address");
  if (f.sent >= Math.min(s.maxPerCourse, MAX_REMINDERS_LIMIT)) return skip("limit");
  if (f.lastOn !== null && addDays(f.lastOn, s.intervalDays) > today) return skip("too_soon");
  return { send: true, number: f.sent + 1 };
}

/** The outbox key of one reminder: one per employee, course, fiscal year and reminder number. */
export function reminderKey(employeeId: number, courseId: number, fiscalYear: number, n: number): string {
  return `training-reminder:${employeeId}:${courseId}:${fiscalYear}:${n}`;
}

/** What a reminder's outbox row carries; the address and the language are read when it is sent. */
export type ReminderPayload = {
  kind: "training_reminder";
  employeeId: number;
  courseId: number;
  fiscalYear: number;
  number: number;
  max: number;
  dueOn: string;
  overdue: boolean;
  /** The Tokyo day it was queued (the interval counts from it). */
  queuedOn: string;
};

export function isReminderPayload(p: unknown): p is ReminderPayload {
  return typeof p === "object" && p !== null && (p as { kind?: unknown }).kind === "training_reminder";
}

export const employeeReminderSchema = z.object({
  id: z.number().int(),
  courseId: z.number().int(),
  courseCode: z.string(),
  courseTitle: z.string(),
  fiscalYear: z.number().int(),
  number: z.number().int(),
  max: z.number().int(),
  dueOn: z.string(),
  overdue: z.boolean(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type EmployeeReminderDto = z.infer<typeof employeeReminderSchema>;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * The reminder an employee receives: their name, the course, its deadline, which reminder of how many,
 * and whom to ask — nothing about anyone else, and no link into the app (employees need not be users).
 */
export function trainingReminderMail(r: { employeeName: string; courseCode: string; courseTitle: string; dueOn: string; overdue: boolean; number: number; max: number; sender: string }, t: Translate): Mail {
  const date = r.dueOn.replaceAll("-", "/");
  const course = `${r.courseCode} ${r.courseTitle}`;
  const subject = t(r.overdue ? "notifications.trainingReminder.subjectOverdue" : "notifications.trainingReminder.subjectDue", { course, date });
  const paragraphs = [
    t("notifications.trainingReminder.greeting", { name: r.employeeName }),
    t(r.overdue ? "notifications.trainingReminder.bodyOverdue" : "notifications.trainingReminder.bodyDue", { course, date }),
    t("notifications.trainingReminder.count", { number: r.number, max: r.max }),
    t("notifications.trainingReminder.footer", { sender: r.sender }),
  ];
  const html = `<!doctype html><html><body style="font-family:sans-serif;color:#1e293b">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}</body></html>`;
  return { subject, text: paragraphs.join("\n\n"), html };
}
