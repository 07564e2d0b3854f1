import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { courses, departments, trainingRecords, type Course } from "@/db/schema";
import { ValidationError, type FieldError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import type { CourseDto, CreateCourseInput, ExportCoursesQuery, ListCoursesQuery, UpdateCourseInput } from "@/lib/training/courses-schema";
import type { HistoryEntry } from "@/lib/audit-history";
import { auditHistory, recordAudit } from "./audit";
import { setRetiredVersioned, updateVersioned } from "./versioned";

function toDto(c: Course, recordCount = 0): CourseDto {
  return {
    id: c.id,
    code: c.code,
    title: c.title,
    description: c.description,
    audienceAll: c.audienceAll,
    audienceDepartmentIds: c.audienceDepartmentIds ?? [],
    audienceEmploymentTypes: c.audienceEmploymentTypes ?? [],
    recurrenceMonths: c.recurrenceMonths,
    newHireDueDays: c.newHireDueDays,
    passMark: c.passMark,
    requiredFrom: c.requiredFrom,
    retiredAt: c.retiredAt ? c.retiredAt.toISOString() : null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    recordCount,
  };
}

// The live records of the course, summed from training_record_tally (kept by triggers, migration 0020)
// rather than counted among every record. Spelled out: in a single-table select Drizzle writes columns
// unqualified, and a bare "course_id" inside the subquery would be ambiguous.
const recordCountSql = sql<number>`(select coalesce(sum(t."n"), 0) from "training_record_tally" t where t."course_id" = "courses"."id")`.mapWith(Number);

function courseFilter(q: Pick<ListCoursesQuery, "q" | "includeRetired">): SQL | undefined {
  const where: SQL[] = [];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(courses.code, like), ilike(courses.title, like), ilike(courses.description, like))!);
  }
  if (q.includeRetired !== "true") where.push(isNull(courses.retiredAt));
  return where.length ? and(...where) : undefined;
}

function courseOrder(q: Pick<ListCoursesQuery, "sort" | "dir">): SQL[] {
  const dir = q.dir === "desc" ? desc : asc;
  const col = { code: courses.code, title: courses.title, requiredFrom: courses.requiredFrom, recurrenceMonths: courses.recurrenceMonths }[q.sort];
  // Once-only courses (null recurrence) sort after every recurring one.
  const nulls = q.sort === "recurrenceMonths" ? [sql`${courses.recurrenceMonths} is null`] : [];
  return [...nulls, dir(col), asc(courses.id)];
}

export async function listCourses(q: ListCoursesQuery) {
  const db = await getDb();
  const cond = courseFilter(q);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({ course: courses, recordCount: recordCountSql })
      .from(courses)
      .where(cond)
      .orderBy(...courseOrder(q))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(courses).where(cond),
  ]);
  return { items: rows.map((r) => toDto(r.course, r.recordCount)), total: Number(n), page: q.page, pageSize: q.pageSize };
}

/** Every course matching the filter, for the CSV export. */
export async function listCoursesForExport(q: ExportCoursesQuery) {
  const db = await getDb();
  const rows = await db
    .select({ course: courses, recordCount: recordCountSql })
    .from(courses)
    .where(courseFilter(q))
    .orderBy(...courseOrder(q));
  return rows.map((r) => toDto(r.course, r.recordCount));
}

export async function getCourse(id: number): Promise<CourseDto | null> {
  const db = await getDb();
  const [row] = await db.select({ course: courses, recordCount: recordCountSql }).from(courses).where(eq(courses.id, id));
  return row ? toDto(row.course, row.recordCount) : null;
}

const COURSE_HISTORY_FIELDS = [
  "code",
  "title",
  "description",
  "audienceAll",
  "audienceDepartmentIds",
  "audienceEmploymentTypes",
  "recurrenceMonths",
  "newHireDueDays",
  "passMark",
  "requiredFrom",
  "retiredAt",
] as const;

/** The course and its audit trail, newest first, with the before → after of each change. */
export async function getCourseDetail(id: number): Promise<{ course: CourseDto; history: HistoryEntry[] } | null> {
  const course = await getCourse(id);
  if (!course) return null;
  const history = await auditHistory(await getDb(), "course", id, COURSE_HISTORY_FIELDS);
  return { course, history };
}

/** Active courses for pickers and filters (retired ones too with includeRetired). */
export async function listCourseOptions(opts: { includeRetired?: boolean } = {}) {
  const db = await getDb();
  return db
    .select({ id: courses.id, code: courses.code, title: courses.title, passMark: courses.passMark, retired: sql<boolean>`${courses.retiredAt} is not null` })
    .from(courses)
    .where(opts.includeRetired ? undefined : isNull(courses.retiredAt))
    .orderBy(asc(courses.code));
}
export type CourseOption = Awaited<ReturnType<typeof listCourseOptions>>[number];

/** The code is unique among all courses (retired ones included: an import matches by code). */
async function assertValid(tx: Tx, input: CreateCourseInput, excludeId?: number) {
  const errors: FieldError[] = [];
  const [dup] = await tx
    .select({ id: courses.id })
    .from(courses)
    .where(and(sql`lower(${courses.code}) = lower(${input.code})`, excludeId ? ne(courses.id, excludeId) : undefined));
  if (dup) errors.push({ field: "code", code: "duplicate", messageKey: "courses.errors.codeTaken" });
  if (input.audienceDepartmentIds.length) {
    const found = await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, input.audienceDepartmentIds));
    if (found.length !== input.audienceDepartmentIds.length)
      errors.push({ field: "audienceDepartmentIds", code: "unknown", messageKey: "courses.errors.unknownDepartment" });
  }
  if (errors.length) throw new ValidationError(errors);
}

function values(input: CreateCourseInput) {
  return {
    code: input.code,
    title: input.title,
    description: input.description,
    audienceAll: input.audienceAll,
    audienceDepartmentIds: input.audienceDepartmentIds,
    audienceEmploymentTypes: input.audienceEmploymentTypes,
    recurrenceMonths: input.recurrenceMonths,
    newHireDueDays: input.newHireDueDays,
    passMark: input.passMark,
    requiredFrom: input.requiredFrom,
  };
}

export async function createCourse(actor: SessionUser, input: CreateCourseInput): Promise<CourseDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertValid(tx, input);
    const [row] = await tx.insert(courses).values(values(input)).returning();
    await recordAudit(tx, actor, { action: "create", entity: "course", entityId: row.id, after: row });
    return toDto(row);
  });
}

async function liveRecordCount(tx: Tx, courseId: number): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(trainingRecords)
    .where(and(eq(trainingRecords.courseId, courseId), isNull(trainingRecords.retiredAt)));
  return Number(n);
}

export async function updateCourse(actor: SessionUser, id: number, input: UpdateCourseInput): Promise<CourseDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const after = await updateVersioned(tx, actor, {
      table: courses,
      entity: "course",
      id,
      version: input.version,
      change: async () => {
        await assertValid(tx, input, id);
        return values(input);
      },
    });
    return toDto(after, await liveRecordCount(tx, id));
  });
}

/** Retire (no longer required, hidden from pickers; its records stay) or restore a course (a repeat is a 409). */
export async function setCourseRetired(actor: SessionUser, id: number, retired: boolean, version: number): Promise<CourseDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const after = await setRetiredVersioned(tx, actor, {
      table: courses,
      entity: "course",
      id,
      version,
      retire: retired,
      messages: { alreadyRetired: "courses.errors.alreadyRetired", notRetired: "courses.errors.notRetired" },
    });
    return toDto(after, await liveRecordCount(tx, id));
  });
}
