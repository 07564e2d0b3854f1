import "server-only";
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db";
import { courses, departments, employees, trainingRecords, trainingRecordTally, users, type Course, type TrainingRecord } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError, type FieldError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import {
  RECORD_HISTORY_FIELDS,
  employeeIneligibility,
  recordRuleErrors,
  resolvePeriod,
  type BulkRecordInput,
  type BulkResult,
  type CreateRecordInput,
  type EmployeeOption,
  type EmployeeOptionsQuery,
  type ListRecordsQuery,
  type RecordDetail,
  type RecordDto,
  type RecordFilters,
  type RetireRecordInput,
  type UpdateRecordInput,
} from "@/lib/training/records-schema";
import { isPassing, isRequired } from "@/lib/training/status";
import { listEmployeePickOptions } from "./employees";
import { auditHistory, recordAudit } from "./audit";
import { createSessionForBulk } from "./training-sessions";
import { setRetiredVersioned, updateVersioned } from "./versioned";

// ---------------------------------------------------------------------------------------------
// Reads

const recordSelect = {
  r: trainingRecords,
  employeeNumber: employees.employeeNumber,
  employeeName: employees.name,
  departmentId: employees.departmentId,
  departmentName: departments.name,
  courseCode: courses.code,
  courseTitle: courses.title,
  coursePassMark: courses.passMark,
  recordedByName: users.name,
};

type RecordRow = {
  r: TrainingRecord;
  employeeNumber: string;
  employeeName: string;
  departmentId: number;
  departmentName: string;
  courseCode: string;
  courseTitle: string;
  coursePassMark: number | null;
  recordedByName: string | null;
};

function baseQuery(db: DbOrTx) {
  return db
    .select(recordSelect)
    .from(trainingRecords)
    .innerJoin(employees, eq(employees.id, trainingRecords.employeeId))
    .innerJoin(departments, eq(departments.id, employees.departmentId))
    .innerJoin(courses, eq(courses.id, trainingRecords.courseId))
    .leftJoin(users, eq(users.id, trainingRecords.recordedBy));
}

function toDto(row: RecordRow): RecordDto {
  const r = row.r;
  return {
    id: r.id,
    employeeId: r.employeeId,
    employeeNumber: row.employeeNumber,
    employeeName: row.employeeName,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    courseId: r.courseId,
    courseCode: row.courseCode,
    courseTitle: row.courseTitle,
    coursePassMark: row.coursePassMark,
    completedOn: r.completedOn,
    score: r.score,
    passed: r.passed,
    method: r.method,
    evidence: r.evidence,
    note: r.note,
    source: r.source,
    importId: r.importId,
    recordedBy: r.recordedBy,
    recordedByName: row.recordedByName,
    retiredAt: r.retiredAt ? r.retiredAt.toISOString() : null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const escapeLike = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function recordFilter(f: RecordFilters, fyStartMonth: number): SQL | undefined {
  const where: SQL[] = [];
  if (f.q) {
    const like = escapeLike(f.q);
    where.push(or(ilike(employees.employeeNumber, like), ilike(employees.name, like), ilike(employees.nameKana, like))!);
  }
  if (f.departmentId) where.push(eq(employees.departmentId, f.departmentId));
  if (f.courseId) where.push(eq(trainingRecords.courseId, f.courseId));
  if (f.employeeId) where.push(eq(trainingRecords.employeeId, f.employeeId));
  const period = resolvePeriod(f, fyStartMonth);
  if (period.from) where.push(gte(trainingRecords.completedOn, period.from));
  if (period.to) where.push(lte(trainingRecords.completedOn, period.to));
  if (f.method) where.push(eq(trainingRecords.method, f.method));
  if (f.passed) where.push(eq(trainingRecords.passed, f.passed === "true"));
  if (f.source) where.push(eq(trainingRecords.source, f.source));
  if (f.includeRetired !== "true") where.push(isNull(trainingRecords.retiredAt));
  return where.length ? and(...where) : undefined;
}

function recordOrder(f: Pick<RecordFilters, "sort" | "dir">): SQL[] {
  const dir = f.dir === "asc" ? asc : desc;
  switch (f.sort) {
    case "employee":
      return [dir(employees.employeeNumber), desc(trainingRecords.completedOn), desc(trainingRecords.id)];
    case "course":
      return [dir(courses.code), desc(trainingRecords.completedOn), asc(employees.employeeNumber), desc(trainingRecords.id)];
    case "score":
      // Records without a score come last whichever way the scores run.
      return [sql`${trainingRecords.score} is null`, dir(trainingRecords.score), desc(trainingRecords.completedOn), desc(trainingRecords.id)];
    default:
      return [dir(trainingRecords.completedOn), asc(employees.employeeNumber), dir(trainingRecords.id)];
  }
}

/**
 * How many records the filter selects. Live records filtered only by their own day, course, result,
 * method and source are summed from training_record_tally (kept by triggers, migration 0020) — a few
 * thousand rows where the records are a million; otherwise counted from the records, joined to the
 * employees only when the filter asks about them (every record has its employee and course).
 */
async function countRecords(db: DbOrTx, f: RecordFilters, fyStartMonth: number): Promise<number> {
  if (!f.q && !f.departmentId && !f.employeeId && f.includeRetired !== "true") {
    const t = trainingRecordTally;
    const where: SQL[] = [];
    const period = resolvePeriod(f, fyStartMonth);
    if (period.from) where.push(gte(t.completedOn, period.from));
    if (period.to) where.push(lte(t.completedOn, period.to));
    if (f.courseId) where.push(eq(t.courseId, f.courseId));
    if (f.method) where.push(eq(t.method, f.method));
    if (f.passed) where.push(eq(t.passed, f.passed === "true"));
    if (f.source) where.push(eq(t.source, f.source));
    const [{ n }] = await db.select({ n: sql<string | number | null>`sum(${t.n})` }).from(t).where(where.length ? and(...where) : undefined);
    return Number(n ?? 0);
  }
  const base = db.select({ n: count() }).from(trainingRecords);
  const [{ n }] = await (f.q || f.departmentId ? base.innerJoin(employees, eq(employees.id, trainingRecords.employeeId)) : base).where(recordFilter(f, fyStartMonth));
  return Number(n);
}

export async function listTrainingRecords(q: ListRecordsQuery, fyStartMonth: number) {
  const db = await getDb();
  const cond = recordFilter(q, fyStartMonth);
  const [rows, total] = await Promise.all([
    baseQuery(db)
      .where(cond)
      .orderBy(...recordOrder(q))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countRecords(db, q, fyStartMonth),
  ]);
  return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
}

/** Every record matching the filter (no paging), for the CSV export. */
export async function listTrainingRecordsForExport(f: RecordFilters, fyStartMonth: number): Promise<RecordDto[]> {
  const db = await getDb();
  const rows = await baseQuery(db).where(recordFilter(f, fyStartMonth)).orderBy(...recordOrder(f));
  return rows.map(toDto);
}

async function findRecord(db: DbOrTx, id: number): Promise<RecordDto | null> {
  const [row] = await baseQuery(db).where(eq(trainingRecords.id, id));
  return row ? toDto(row) : null;
}

export async function getTrainingRecord(id: number): Promise<RecordDto | null> {
  return findRecord(await getDb(), id);
}

/** The record and its audit trail, newest first: before → after of each change, who and when. */
export async function getTrainingRecordDetail(id: number): Promise<RecordDetail | null> {
  const db = await getDb();
  const record = await findRecord(db, id);
  if (!record) return null;
  const history = await auditHistory(db, "training_record", id, RECORD_HISTORY_FIELDS, { limit: 200, reason: "retireReason" });

  // Employee and course ids in the history are shown as "E0012 山田 太郎", "PI-BASIC 個人情報保護基礎研修".
  const ids = (field: string) =>
    [...new Set(history.flatMap((h) => h.changes.filter((c) => c.field === field).flatMap((c) => [c.before, c.after])))].filter(
      (v): v is number => typeof v === "number",
    );
  const [empIds, courseIds] = [ids("employeeId"), ids("courseId")];
  const [emps, crs] = await Promise.all([
    empIds.length ? db.select({ id: employees.id, number: employees.employeeNumber, name: employees.name }).from(employees).where(inArray(employees.id, empIds)) : [],
    courseIds.length ? db.select({ id: courses.id, code: courses.code, title: courses.title }).from(courses).where(inArray(courses.id, courseIds)) : [],
  ]);
  const labels: Record<string, Map<unknown, string>> = {
    employeeId: new Map(emps.map((e) => [e.id, `${e.number} ${e.name}`])),
    courseId: new Map(crs.map((c) => [c.id, `${c.code} ${c.title}`])),
  };
  for (const h of history)
    for (const c of h.changes) {
      const m = labels[c.field];
      if (!m) continue;
      if (m.has(c.before)) c.beforeLabel = m.get(c.before);
      if (m.has(c.after)) c.afterLabel = m.get(c.after);
    }
  return { record, history };
}

// ---------------------------------------------------------------------------------------------
// Pickers

export async function listDepartmentOptions(opts: { includeRetired?: boolean } = {}) {
  const db = await getDb();
  return db
    .select({ id: departments.id, code: departments.code, name: departments.name, retired: sql<boolean>`${departments.retiredAt} is not null` })
    .from(departments)
    .where(opts.includeRetired ? undefined : isNull(departments.retiredAt))
    .orderBy(asc(departments.code));
}
export type DepartmentOption = Awaited<ReturnType<typeof listDepartmentOptions>>[number];

/**
 * Employees the record forms can pick: not retired, employed on `date` (default today, Tokyo).
 * With a course: whether it applies to them; with a course and date: their live record that day.
 */
export async function listEmployeeOptions(q: EmployeeOptionsQuery): Promise<{ items: EmployeeOption[]; truncated: boolean }> {
  const { items: list, truncated } = await listEmployeePickOptions(q);
  const db = await getDb();
  let course: Course | undefined;
  let recorded = new Map<number, number>();
  if (q.courseId) {
    [course] = await db.select().from(courses).where(eq(courses.id, q.courseId));
    if (course && q.date && list.length) {
      recorded = await recordedOn(db, q.courseId, q.date, list.map((e) => e.id));
    }
  }
  return {
    items: list.map((e) => ({
      ...e,
      // The audience is by department and employment type; an exemption does not change it.
      inAudience: course ? isRequired({ ...course, retiredAt: null }, { ...e, exemptionReason: null }) : null,
      recordedId: recorded.get(e.id) ?? null,
    })),
    truncated,
  };
}

// ---------------------------------------------------------------------------------------------
// Writes

async function loadCourse(tx: Tx, id: number, allowRetired: boolean): Promise<{ course?: Course; error?: FieldError }> {
  const [course] = await tx.select().from(courses).where(eq(courses.id, id));
  if (!course) return { error: { field: "courseId", code: "not_found", messageKey: "records.errors.courseNotFound" } };
  if (course.retiredAt && !allowRetired) return { course, error: { field: "courseId", code: "retired", messageKey: "records.errors.courseRetired" } };
  return { course };
}

async function eligibilityError(tx: Tx, employeeId: number, date: string, field = "employeeId"): Promise<FieldError | null> {
  const [emp] = await tx
    .select({ hireDate: employees.hireDate, leaveDate: employees.leaveDate, retiredAt: employees.retiredAt })
    .from(employees)
    .where(eq(employees.id, employeeId));
  const why = employeeIneligibility(emp, date);
  return why ? { field, code: emp ? "not_employed" : "not_found", messageKey: why.messageKey, values: why.values } : null;
}

/** The live records of a course on a day of these employees, employee id → record id (a bulk session skips them). */
async function recordedOn(db: DbOrTx, courseId: number, completedOn: string, employeeIds: number[]): Promise<Map<number, number>> {
  const rows = await db
    .select({ id: trainingRecords.id, employeeId: trainingRecords.employeeId })
    .from(trainingRecords)
    .where(
      and(
        eq(trainingRecords.courseId, courseId),
        eq(trainingRecords.completedOn, completedOn),
        isNull(trainingRecords.retiredAt),
        inArray(trainingRecords.employeeId, employeeIds),
      ),
    );
  return new Map(rows.map((x) => [x.employeeId, x.id]));
}

async function liveDuplicate(tx: Tx, employeeId: number, courseId: number, completedOn: string, excludeId?: number) {
  const [dup] = await tx
    .select({ id: trainingRecords.id })
    .from(trainingRecords)
    .where(
      and(
        eq(trainingRecords.employeeId, employeeId),
        eq(trainingRecords.courseId, courseId),
        eq(trainingRecords.completedOn, completedOn),
        isNull(trainingRecords.retiredAt),
        excludeId ? ne(trainingRecords.id, excludeId) : undefined,
      ),
    );
  return dup;
}

const duplicateError = () =>
  new ConflictError("records.errors.duplicate", {}, [{ field: "completedOn", code: "duplicate", messageKey: "records.errors.duplicate" }]);

async function mustFind(tx: Tx, id: number): Promise<RecordDto> {
  const dto = await findRecord(tx, id);
  if (!dto) throw new NotFoundError();
  return dto;
}

/** One completion, entered by hand. `passed` comes from the score and the course's pass mark, never from the client. */
export async function createTrainingRecord(actor: SessionUser, input: CreateRecordInput, today = todayInTokyo()): Promise<RecordDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { course, error: courseError } = await loadCourse(tx, input.courseId, false);
    const errors: FieldError[] = [];
    const empError = await eligibilityError(tx, input.employeeId, input.completedOn);
    if (empError) errors.push(empError);
    if (courseError) errors.push(courseError);
    errors.push(...recordRuleErrors(input, { passMark: course?.passMark ?? null }, today));
    if (errors.length) throw new ValidationError(errors);

    if (await liveDuplicate(tx, input.employeeId, input.courseId, input.completedOn)) throw duplicateError();
    const [row] = await tx
      .insert(trainingRecords)
      .values({
        ...recordValues(input, course!.passMark),
        source: "manual",
        recordedBy: actor.id,
      })
      .returning();
    await recordAudit(tx, actor, { action: "create", entity: "training_record", entityId: row.id, after: row });
    return mustFind(tx, row.id);
  });
}

/**
 * One session for many employees, all or nothing: every entry is checked before anything is
 * stored; employees who already have a live record of the course that day are skipped.
 */
export async function bulkCreateTrainingRecords(actor: SessionUser, input: BulkRecordInput, today = todayInTokyo()): Promise<BulkResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { course, error: courseError } = await loadCourse(tx, input.courseId, false);
    const errors: FieldError[] = courseError ? [courseError] : [];
    errors.push(...recordRuleErrors({ completedOn: input.completedOn, score: 0 }, { passMark: null }, today));

    const ids = input.entries.map((e) => e.employeeId);
    const emps = await tx
      .select({ id: employees.id, employeeNumber: employees.employeeNumber, name: employees.name, hireDate: employees.hireDate, leaveDate: employees.leaveDate, retiredAt: employees.retiredAt })
      .from(employees)
      .where(inArray(employees.id, ids));
    const byId = new Map(emps.map((e) => [e.id, e]));
    input.entries.forEach((entry, i) => {
      const why = employeeIneligibility(byId.get(entry.employeeId), input.completedOn);
      if (why) errors.push({ field: `entries.${i}.employeeId`, code: byId.has(entry.employeeId) ? "not_employed" : "not_found", messageKey: why.messageKey, values: why.values });
      if (course)
        errors.push(...recordRuleErrors({ completedOn: input.completedOn, score: entry.score }, course, today, { checkDate: false, scoreField: `entries.${i}.score` }));
    });
    if (errors.length) throw new ValidationError(errors);

    const already = await recordedOn(tx, input.courseId, input.completedOn, ids);
    const toInsert = input.entries.filter((e) => !already.has(e.employeeId));

    const createdIds: number[] = [];
    const sessionId = toInsert.length
      ? await createSessionForBulk(tx, actor, {
          courseId: input.courseId,
          heldOn: input.completedOn,
          method: input.method,
          title: input.title,
          place: input.place,
          instructor: input.instructor,
          note: input.note,
        })
      : null;
    for (let i = 0; i < toInsert.length; i += 500) {
      const rows = await tx
        .insert(trainingRecords)
        .values(
          toInsert.slice(i, i + 500).map((e) => ({
            employeeId: e.employeeId,
            courseId: input.courseId,
            completedOn: input.completedOn,
            score: e.score,
            passed: isPassing(e.score, course!.passMark),
            method: input.method,
            evidence: input.evidence,
            note: input.note,
            source: "bulk" as const,
            sessionId,
            recordedBy: actor.id,
          })),
        )
        .returning();
      for (const row of rows) {
        createdIds.push(row.id);
        await recordAudit(tx, actor, { action: "bulk_create", entity: "training_record", entityId: row.id, after: row });
      }
    }
    return {
      sessionId,
      created: createdIds.length,
      createdIds,
      skipped: input.entries
        .filter((e) => already.has(e.employeeId))
        .map((e) => {
          const emp = byId.get(e.employeeId)!;
          return { employeeId: e.employeeId, employeeNumber: emp.employeeNumber, name: emp.name, recordId: already.get(e.employeeId)! };
        }),
    };
  });
}

/** A correction. The audit trail keeps the before and after; a stale version gets 409. */
export async function updateTrainingRecord(actor: SessionUser, id: number, input: UpdateRecordInput, today = todayInTokyo()): Promise<RecordDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      table: trainingRecords,
      entity: "training_record",
      id,
      version: input.version,
      change: (before) => correction(tx, before, input, today),
    });
    return mustFind(tx, id);
  });
}

/** The record's rules for a correction, on the locked row: the columns to write. */
async function correction(tx: Tx, before: TrainingRecord, input: UpdateRecordInput, today: string) {
  if (before.retiredAt) throw new ConflictError("records.errors.editRetired");
  const courseChanged = input.courseId !== before.courseId;
  const { course, error: courseError } = await loadCourse(tx, input.courseId, !courseChanged);
  const errors: FieldError[] = courseError ? [courseError] : [];
  if (input.employeeId !== before.employeeId || input.completedOn !== before.completedOn) {
    const empError = await eligibilityError(tx, input.employeeId, input.completedOn);
    if (empError) errors.push(empError);
  }
  // An imported record without a score stays editable; a changed course or score must satisfy the pass mark.
  const scoreRule = courseChanged || input.score !== before.score;
  errors.push(
    ...recordRuleErrors(input, { passMark: scoreRule ? (course?.passMark ?? null) : null }, today, { checkDate: input.completedOn !== before.completedOn }),
  );
  if (errors.length) throw new ValidationError(errors);

  if (
    (input.employeeId !== before.employeeId || courseChanged || input.completedOn !== before.completedOn) &&
    (await liveDuplicate(tx, input.employeeId, input.courseId, input.completedOn, before.id))
  )
    throw duplicateError();

  return recordValues(input, course!.passMark);
}

/** The columns a form writes; passed is computed here, never taken from the client. */
function recordValues(input: CreateRecordInput, passMark: number | null) {
  return {
    employeeId: input.employeeId,
    courseId: input.courseId,
    completedOn: input.completedOn,
    score: input.score,
    passed: isPassing(input.score, passMark),
    method: input.method,
    evidence: input.evidence,
    note: input.note,
  };
}

/** Entered by mistake: retired with a reason (kept in the audit trail), never deleted; a repeat is a 409. */
export async function retireTrainingRecord(actor: SessionUser, id: number, input: RetireRecordInput): Promise<RecordDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await setRetiredVersioned(tx, actor, {
      ...recordRetirement(id, input.version, true),
      audit: (before, after) => ({ before, after: { ...after, retireReason: input.reason } }),
    });
    return mustFind(tx, id);
  });
}

export async function restoreTrainingRecord(actor: SessionUser, id: number, version: number): Promise<RecordDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await setRetiredVersioned(tx, actor, {
      ...recordRetirement(id, version, false),
      check: async (before) => {
        if (await liveDuplicate(tx, before.employeeId, before.courseId, before.completedOn, id)) throw duplicateError();
      },
    });
    return mustFind(tx, id);
  });
}

function recordRetirement(id: number, version: number, retire: boolean) {
  return {
    table: trainingRecords,
    entity: "training_record",
    id,
    version,
    retire,
    messages: { alreadyRetired: "records.errors.alreadyRetired", notRetired: "records.errors.notRetired" },
  };
}
