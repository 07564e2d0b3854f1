import "server-only";
import { listProvisionDisposals } from "./provisions";
import { judgeColumns } from "./incidents";
import { listOpenRequests } from "./requests";
import { and, between, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditFindings, audits, calendarFeeds, incidentCorrectiveActions, incidents, managementReviewActions, managementReviews, registerItems, regulations, users } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { visibleTypes } from "@/lib/calendar/access";
import {
  auditEvents,
  contractorEvents,
  evidenceEvents,
  registerReviewEvents,
  requestEvents,
  findingEvents,
  incidentActionEvents,
  incidentEvents,
  pmarkEvents,
  regulationEvents,
  reviewActionEvents,
  selectEvents,
  trainingEvents,
  validEvents,
  type CalendarEvent,
  type CalendarEventType,
  type TrainingDueRow,
} from "@/lib/calendar/events";
import { hashFeedToken, newFeedToken } from "@/lib/calendar/feed";
import type { FeedStatus } from "@/lib/calendar/schema";
import { todayInTokyo } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { OPEN_STATUSES } from "@/lib/incidents/workflow";
import { recordAudit } from "./audit";
import { listEvidenceExpiries } from "./evidence";
import { getCurrentCertificate } from "./pmark";
import { query } from "./dashboard/sql";
import { judgedPairs, pairSourceFor } from "./training-status";

/**
 * The calendar reads the other modules' data and turns it into events with lib/calendar. Where a
 * module has a query that applies its rules (training status, the contractor register), that query
 * is used; plain stored dates (a regulation's next review, an audit's dates) are read directly.
 */

type Range = { from: string; to: string };

/**
 * The status list's pairs as of today (its default scope: the current fiscal year, whose status is
 * as of today, statusAsOfForFiscalYear) that have a deadline within the range, counted per course and
 * day in the database: the rows trainingEvents groups, without reading every pair.
 * - From training_current_status (no passing completion dated after today: pairSourceFor), the status
 *   list's scope of judgedPairs' current source read directly: employee in employment and course
 *   required on the day, not exempt (status 'exempt' is exactly the exempt pairs, whose due day is
 *   null), the deadline matched through the table's due-date index. Its employee and department are
 *   not joined: each pair's employee exists (foreign key, deleted with it) and so does the employee's
 *   department, which the table copies; only the course's code and title are read.
 * - Otherwise from the records, through judgedPairs itself.
 * Not exempt: any other status stands for them (trainingEvents only leaves the exempt out).
 */
export async function trainingDueRows(r: Range, today: string): Promise<TrainingDueRow[]> {
  // The current fiscal year's status is as of today whatever month it starts in: no settings read.
  const asOf = today;
  const day = sql`${asOf}::date`;
  const inRange = (col: string) => sql`${sql.raw(col)} between ${r.from}::date and ${r.to}::date`;
  type Row = { course_id: number; course_code: string; course_title: string; due_on: string; n: number | string };
  const db = await getDb();
  // Today's pairs are almost always current: read them while the source is asked, not after.
  const [source, current] = await Promise.all([
    pairSourceFor(asOf, today),
    query<Row>(
      db,
      sql`
      select s.course_id, c.code as course_code, c.title as course_title, to_char(s.due_on, 'YYYY-MM-DD') as due_on, count(*)::int as n
      from training_current_status s
      join courses c on c.id = s.course_id
      where s.hire_date <= ${day} and (s.leave_date is null or s.leave_date >= ${day}) and s.required_from <= ${day}
        and not s.exempt and ${inRange("s.due_on")}
      group by s.course_id, c.code, c.title, s.due_on`,
    ),
  ]);
  const rows =
    source === "current"
      ? current
      : await query<Row>(
          db,
          sql`
      select j.course_id, j.course_code, j.course_title, to_char(j.due_on, 'YYYY-MM-DD') as due_on, count(*)::int as n
      from (${judgedPairs({}, asOf, source)}) j
      where j.status <> 'exempt' and ${inRange("j.due_on")}
      group by j.course_id, j.course_code, j.course_title, j.due_on`,
        );
  return rows.map((x) => ({ courseId: Number(x.course_id), courseCode: x.course_code, courseTitle: x.course_title, dueOn: x.due_on, status: "due_soon", count: Number(x.n) }));
}

async function training(r: Range, today: string): Promise<CalendarEvent[]> {
  // The status as of today: each pair's next deadline (overdue ones on the day they fell due).
  return trainingEvents(await trainingDueRows(r, today), today);
}

async function regulationReviews(r: Range, today: string): Promise<CalendarEvent[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: regulations.id, code: regulations.code, title: regulations.title, nextReviewDue: regulations.nextReviewDue })
    .from(regulations)
    .where(and(isNull(regulations.retiredAt), eq(regulations.status, "in_force"), between(regulations.nextReviewDue, r.from, r.to)));
  return regulationEvents(rows, today);
}

/** Open incidents' reporting deadlines: only the facts lib/incidents/reporting.ts judges them by are read. */
async function incidentDeadlines(today: string): Promise<CalendarEvent[]> {
  const db = await getDb();
  const rows = await db
    .select({ ...judgeColumns, reference: incidents.reference, title: incidents.title })
    .from(incidents)
    .where(and(isNull(incidents.retiredAt), inArray(incidents.status, [...OPEN_STATUSES])));
  return incidentEvents(
    rows.map((i) => ({ ...i, open: true })),
    today,
  );
}

/** Open incidents' corrective actions not done yet, due within the range. */
async function incidentActionDues(r: Range, today: string): Promise<CalendarEvent[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: incidentCorrectiveActions.id,
      incidentId: incidentCorrectiveActions.incidentId,
      reference: incidents.reference,
      description: incidentCorrectiveActions.description,
      dueOn: incidentCorrectiveActions.dueOn,
      doneOn: incidentCorrectiveActions.doneOn,
    })
    .from(incidentCorrectiveActions)
    .innerJoin(incidents, eq(incidents.id, incidentCorrectiveActions.incidentId))
    .where(
      and(
        isNull(incidentCorrectiveActions.retiredAt),
        isNull(incidentCorrectiveActions.doneOn),
        isNull(incidents.retiredAt),
        inArray(incidents.status, [...OPEN_STATUSES]),
        between(incidentCorrectiveActions.dueOn, r.from, r.to),
      ),
    );
  return incidentActionEvents(
    rows.map((a) => ({ ...a, incidentOpen: true })),
    today,
  );
}

/**
 * Contractors in use (approved or conditional, not retired) whose latest assessment falls due within
 * the range: one statement, the latest live assessment of each (by date, then id, as latestAssessment
 * in lib/contractors/rules.ts picks it) read backwards through assessments_latest_idx, one index probe
 * per contractor instead of reading all their ~10,000 assessments. contractorEvents places the event
 * on that day only, so a due day outside the range is no event of it.
 */
async function contractorAssessments(r: Range, today: string): Promise<CalendarEvent[]> {
  const rows = await query<{ id: number; name: string; status: "approved" | "conditional"; next_due_on: string }>(
    await getDb(),
    sql`
      select c.id, c.name, c.status::text as status, to_char(latest.next_due_on, 'YYYY-MM-DD') as next_due_on
      from contractors c
      join lateral (
        select a.next_due_on from assessments a
        where a.contractor_id = c.id and a.withdrawn_at is null
        order by a.assessed_on desc, a.id desc limit 1
      ) latest on true
      where c.retired_at is null and c.status in ('approved', 'conditional')
        and latest.next_due_on between ${r.from}::date and ${r.to}::date`,
  );
  return contractorEvents(
    rows.map((c) => ({ id: Number(c.id), name: c.name, status: c.status, nextDueOn: c.next_due_on })),
    today,
  );
}

async function auditDates(r: Range, today: string): Promise<CalendarEvent[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: audits.id,
      title: audits.title,
      type: audits.type,
      status: audits.status,
      plannedStart: audits.plannedStart,
      plannedEnd: audits.plannedEnd,
      actualStart: audits.actualStart,
      actualEnd: audits.actualEnd,
    })
    .from(audits)
    .where(isNull(audits.retiredAt));
  return auditEvents(rows, today).filter((e) => e.start <= r.to && e.end >= r.from);
}

async function findingDues(r: Range, today: string): Promise<CalendarEvent[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: auditFindings.id,
      auditId: auditFindings.auditId,
      clauseRef: auditFindings.clauseRef,
      description: auditFindings.description,
      dueDate: auditFindings.dueDate,
      status: auditFindings.status,
    })
    .from(auditFindings)
    .innerJoin(audits, eq(audits.id, auditFindings.auditId))
    .where(and(isNull(auditFindings.retiredAt), isNull(audits.retiredAt), isNotNull(auditFindings.dueDate), between(auditFindings.dueDate, r.from, r.to)));
  return findingEvents(rows, today);
}

async function reviewActionDues(r: Range, today: string): Promise<CalendarEvent[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: managementReviewActions.id,
      reviewId: managementReviewActions.reviewId,
      description: managementReviewActions.description,
      dueDate: managementReviewActions.dueDate,
      status: managementReviewActions.status,
    })
    .from(managementReviewActions)
    .innerJoin(managementReviews, eq(managementReviews.id, managementReviewActions.reviewId))
    .where(
      and(
        isNull(managementReviewActions.retiredAt),
        isNull(managementReviews.retiredAt),
        isNotNull(managementReviewActions.dueDate),
        between(managementReviewActions.dueDate, r.from, r.to),
      ),
    );
  return reviewActionEvents(rows, today);
}

/** The current certificate (latest valid_to, not retired) and its renewal window, from lib/audits. */
async function pmarkDates(today: string): Promise<CalendarEvent[]> {
  const { current: cert } = await getCurrentCertificate(today);
  if (!cert) return [];
  return pmarkEvents({ id: cert.id, certificateNumber: cert.certificateNumber, validTo: cert.validTo, windowOpens: cert.window.opensOn, windowCloses: cert.window.closesOn }, today);
}

/** The next review of each register item in use (docs/domain.md §6); overdue ones on the day they fell due. */
async function registerReviews(r: Range, today: string): Promise<CalendarEvent[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: registerItems.id, code: registerItems.code, name: registerItems.name, nextReviewDueOn: registerItems.nextReviewDueOn })
    .from(registerItems)
    .where(and(isNull(registerItems.retiredAt), between(registerItems.nextReviewDueOn, r.from, r.to)));
  return registerReviewEvents(rows, today);
}

/** Expiry of evidence files (certificates, contracts): the current version's, db/queries/evidence.ts. */
async function evidenceExpiries(r: Range, today: string): Promise<CalendarEvent[]> {
  return evidenceEvents(await listEvidenceExpiries(r), today);
}

/** Open requests' answer dues and provision records' disposal dates (docs/domain.md §7). */
async function requestDates(r: Range, today: string): Promise<CalendarEvent[]> {
  const [open, disposals] = await Promise.all([listOpenRequests(today), listProvisionDisposals(r.from, r.to)]);
  return requestEvents(open, disposals, today);
}

const LOADERS: Record<CalendarEventType, (r: Range, today: string) => Promise<CalendarEvent[]>> = {
  audit: auditDates,
  finding: findingDues,
  review_action: reviewActionDues,
  pmark: (_r, today) => pmarkDates(today),
  training: training,
  regulation: regulationReviews,
  incident: async (r, today) => (await Promise.all([incidentDeadlines(today), incidentActionDues(r, today)])).flat(),
  contractor: contractorAssessments,
  evidence: (r, today) => evidenceExpiries(r, today),
  register: registerReviews,
  request: requestDates,
};

/** The events of [from, to] of the types asked for that the user's role may read, in date order. */
export async function listCalendarEvents(
  user: Pick<SessionUser, "role">,
  range: Range,
  types?: readonly CalendarEventType[],
  today = todayInTokyo(),
): Promise<{ types: CalendarEventType[]; items: CalendarEvent[] }> {
  const shown = visibleTypes(user.role, types);
  const loaded = await Promise.all(shown.map((t) => LOADERS[t](range, today)));
  return { types: shown, items: selectEvents(validEvents(loaded.flat()), range.from, range.to, shown) };
}

// ---------------------------------------------------------------------------------------------
// Feed tokens

function statusOf(row: { createdAt: Date; locale: string } | undefined): FeedStatus {
  return row ? { active: true, createdAt: row.createdAt.toISOString(), locale: row.locale === "en" ? "en" : "ja" } : { active: false, createdAt: null, locale: null };
}

export async function getFeedStatus(userId: number): Promise<FeedStatus> {
  const db = await getDb();
  const [row] = await db.select().from(calendarFeeds).where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
  return statusOf(row);
}

/** A new secret URL for the user; any older one stops working. The token is returned once and never stored. */
export async function createFeed(actor: SessionUser, locale: Locale): Promise<FeedStatus & { token: string }> {
  const db = await getDb();
  const token = newFeedToken();
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.userId, actor.id), isNull(calendarFeeds.revokedAt)))
      .returning({ id: calendarFeeds.id });
    for (const r of revoked) await recordAudit(tx, actor, { action: "end", entity: "calendar_feed", entityId: r.id, after: { revoked: true, reason: "replaced" } });
    const [row] = await tx.insert(calendarFeeds).values({ userId: actor.id, tokenHash: hashFeedToken(token), locale }).returning();
    await recordAudit(tx, actor, { action: "create", entity: "calendar_feed", entityId: row.id, after: { userId: row.userId, locale: row.locale } });
    return { ...statusOf(row), token };
  });
}

/** Revokes the user's live feed URL (nothing to do when there is none). */
export async function revokeFeed(actor: SessionUser): Promise<FeedStatus> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.userId, actor.id), isNull(calendarFeeds.revokedAt)))
      .returning({ id: calendarFeeds.id });
    for (const r of revoked) await recordAudit(tx, actor, { action: "end", entity: "calendar_feed", entityId: r.id, after: { revoked: true } });
    return statusOf(undefined);
  });
}

/** The owner of a live token, or NotFoundError (unknown and revoked look the same). */
export async function feedOwner(token: string): Promise<{ user: SessionUser; locale: Locale }> {
  const db = await getDb();
  const [row] = await db
    .select({ locale: calendarFeeds.locale, id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, hashFeedToken(token)), isNull(calendarFeeds.revokedAt)));
  // An account still waiting for a role (docs/security.md, "Single sign-on") has no calendar either.
  if (!row || !row.active || !row.role) throw new NotFoundError();
  return { user: { id: row.id, email: row.email, name: row.name, role: row.role }, locale: row.locale === "en" ? "en" : "ja" };
}
