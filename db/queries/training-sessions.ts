import "server-only";
import { and, asc, count, desc, eq, gte, ilike, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { courses, departments, employees, trainingRecords, trainingSessions, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { fiscalYearRange } from "@/lib/fiscal-year";
import type { HistoryEntry } from "@/lib/audit-history";
import type { TrainingMethodValue } from "@/lib/training/records-schema";
import type { AttendeeDto, ListSessionsQuery, SessionDetail, SessionDto, SessionFilters, SessionPage, UpdateSessionInput } from "@/lib/training/sessions-schema";
import { auditHistory, recordAudit } from "./audit";
import { updateVersioned, withoutVersion } from "./versioned";

/**
 * Training sessions (docs/domain.md, "Training sessions"): the bulk entry writes one with the records
 * of its attendees (db/queries/training-records.ts calls createSessionForBulk inside its transaction);
 * the list, the session page and its correction read and write them here.
 */

export type NewSession = {
  courseId: number;
  heldOn: string;
  method: TrainingMethodValue;
  title: string | null;
  place: string | null;
  instructor: string | null;
  note: string | null;
};

/** Inside the bulk entry's transaction: the session its records will point to, audited. */
export async function createSessionForBulk(tx: DbOrTx, actor: Pick<SessionUser, "id" | "email">, s: NewSession): Promise<number> {
  const [row] = await tx
    .insert(trainingSessions)
    .values({ ...s, createdBy: actor.id })
    .returning();
  await recordAudit(tx, actor, { action: "create", entity: "training_session", entityId: row.id, after: row });
  return row.id;
}

/** Live records of the session: its attendees. */
const attendeeCount = sql<number>`(select count(*)::int from ${trainingRecords} where ${trainingRecords.sessionId} = ${trainingSessions.id} and ${trainingRecords.retiredAt} is null)`;

const sessionSelect = {
  s: trainingSessions,
  courseCode: courses.code,
  courseTitle: courses.title,
  createdByName: users.name,
  attendeeCount,
};

function baseQuery(db: DbOrTx) {
  return db
    .select(sessionSelect)
    .from(trainingSessions)
    .innerJoin(courses, eq(courses.id, trainingSessions.courseId))
    .leftJoin(users, eq(users.id, trainingSessions.createdBy));
}

type SessionRow = { s: typeof trainingSessions.$inferSelect; courseCode: string; courseTitle: string; createdByName: string | null; attendeeCount: number };

function toDto(row: SessionRow): SessionDto {
  const s = row.s;
  return {
    id: s.id,
    courseId: s.courseId,
    courseCode: row.courseCode,
    courseTitle: row.courseTitle,
    heldOn: s.heldOn,
    title: s.title,
    method: s.method,
    place: s.place,
    instructor: s.instructor,
    note: s.note,
    attendeeCount: Number(row.attendeeCount),
    createdBy: s.createdBy,
    createdByName: row.createdByName,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

const escapeLike = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function sessionFilter(q: SessionFilters, fyStartMonth: number): SQL | undefined {
  const where: SQL[] = [];
  if (q.q) {
    const like = escapeLike(q.q);
    where.push(or(ilike(trainingSessions.title, like), ilike(trainingSessions.place, like), ilike(trainingSessions.instructor, like), ilike(courses.title, like))!);
  }
  if (q.courseId) where.push(eq(trainingSessions.courseId, q.courseId));
  if (q.fy !== undefined) {
    const r = fiscalYearRange(q.fy, fyStartMonth);
    where.push(gte(trainingSessions.heldOn, r.start), lte(trainingSessions.heldOn, r.end));
  }
  return where.length ? and(...where) : undefined;
}

function sessionOrder(q: SessionFilters): SQL[] {
  const dir = q.dir === "asc" ? asc : desc;
  switch (q.sort) {
    case "course":
      return [dir(courses.code), desc(trainingSessions.heldOn), desc(trainingSessions.id)];
    case "attendees":
      return [dir(attendeeCount), desc(trainingSessions.heldOn), desc(trainingSessions.id)];
    default:
      return [dir(trainingSessions.heldOn), dir(trainingSessions.id)];
  }
}

export async function listTrainingSessions(q: ListSessionsQuery, fyStartMonth: number): Promise<SessionPage> {
  const db = await getDb();
  const cond = sessionFilter(q, fyStartMonth);
  const [rows, [{ total }]] = await Promise.all([
    baseQuery(db)
      .where(cond)
      .orderBy(...sessionOrder(q))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(trainingSessions).innerJoin(courses, eq(courses.id, trainingSessions.courseId)).where(cond),
  ]);
  return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
}

/** Every session matching the filter (no paging), for the export. */
export async function listTrainingSessionsForExport(f: SessionFilters, fyStartMonth: number): Promise<SessionDto[]> {
  const db = await getDb();
  const rows = await baseQuery(db).where(sessionFilter(f, fyStartMonth)).orderBy(...sessionOrder(f));
  return rows.map(toDto);
}

async function findSession(db: DbOrTx, id: number): Promise<SessionDto | null> {
  const [row] = await baseQuery(db).where(eq(trainingSessions.id, id));
  return row ? toDto(row) : null;
}

/** What a session's history shows: the facts written by the bulk entry, then the correctable ones. */
const SESSION_HISTORY_FIELDS = ["courseId", "heldOn", "method", "title", "place", "instructor", "note"] as const;

/** The session's audit trail, newest first, with the before → after of each field; the course by its code and title. */
async function sessionHistory(db: DbOrTx, session: SessionDto): Promise<HistoryEntry[]> {
  // A session's course never changes (it is that of its records): its id is labelled with the session's course.
  const courseLabel = `${session.courseCode} ${session.courseTitle}`;
  return auditHistory(db, "training_session", session.id, SESSION_HISTORY_FIELDS, {
    relabel: (c) =>
      c.field === "courseId" ? { ...c, ...(c.before === session.courseId ? { beforeLabel: courseLabel } : {}), ...(c.after === session.courseId ? { afterLabel: courseLabel } : {}) } : c,
  });
}

/** The session, its attendees (retired records too, marked), by employee number, and its history. */
export async function getTrainingSession(id: number): Promise<SessionDetail | null> {
  const db = await getDb();
  const session = await findSession(db, id);
  if (!session) return null;
  const [rows, history] = await Promise.all([
    db
      .select({
        recordId: trainingRecords.id,
        employeeId: trainingRecords.employeeId,
        employeeNumber: employees.employeeNumber,
        employeeName: employees.name,
        departmentName: departments.name,
        score: trainingRecords.score,
        passed: trainingRecords.passed,
        retiredAt: trainingRecords.retiredAt,
      })
      .from(trainingRecords)
      .innerJoin(employees, eq(employees.id, trainingRecords.employeeId))
      .innerJoin(departments, eq(departments.id, employees.departmentId))
      .where(eq(trainingRecords.sessionId, id))
      .orderBy(asc(employees.employeeNumber), asc(trainingRecords.id)),
    sessionHistory(db, session),
  ]);
  const attendees: AttendeeDto[] = rows.map(({ retiredAt, ...r }) => ({ ...r, retired: retiredAt !== null }));
  return { session, attendees, history };
}

/** A correction of the session's own fields (title, place, instructor, note); a stale version gets 409. */
export async function updateTrainingSession(actor: SessionUser, id: number, input: UpdateSessionInput): Promise<SessionDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      table: trainingSessions,
      entity: "training_session",
      id,
      version: input.version,
      change: (before) => {
        const next = withoutVersion(input);
        const same = before.title === next.title && before.place === next.place && before.instructor === next.instructor && before.note === next.note;
        return same ? null : next;
      },
    });
    return (await findSession(tx, id))!;
  });
}

/** The session a record was entered with, for the record page's link; null when it has none. */
export async function sessionOfRecord(recordId: number): Promise<{ id: number; heldOn: string; title: string | null; courseTitle: string } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: trainingSessions.id, heldOn: trainingSessions.heldOn, title: trainingSessions.title, courseTitle: courses.title })
    .from(trainingRecords)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRecords.sessionId))
    .innerJoin(courses, eq(courses.id, trainingSessions.courseId))
    .where(eq(trainingRecords.id, recordId));
  return row ?? null;
}
