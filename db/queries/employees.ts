import "server-only";
import { and, asc, count, desc, eq, gte, ilike, isNotNull, isNull, lt, lte, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { departments, employees, type Employee } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError, sqlState } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import { planImport, unknownDepartmentIssues, type ImportIssue, type ImportPlan, type ImportRow, type StoredEmployee } from "@/lib/training/employees-import";
import type {
  AuditEntryDto,
  CreateEmployeeInput,
  EmployeeDto,
  EmployeePage,
  EmployeePickOptions,
  EmployeePickQuery,
  ExportEmployeesQuery,
  ListEmployeesQuery,
  UpdateEmployeeInput,
} from "@/lib/training/employees-schema";
import { containsPattern, employeeState, toKatakana } from "@/lib/training/employees-state";
import { listAuditFor, recordAudit } from "./audit";
import { activeEmployeeCondition, departmentsByCode } from "./departments";
import { setRetiredVersioned, updateVersioned } from "./versioned";

type Dept = { code: string; name: string; retiredAt: Date | null };

function toDto(e: Employee, d: Dept, today: string): EmployeeDto {
  return {
    id: e.id,
    employeeNumber: e.employeeNumber,
    name: e.name,
    nameKana: e.nameKana,
    email: e.email,
    departmentId: e.departmentId,
    departmentCode: d.code,
    departmentName: d.name,
    departmentRetired: d.retiredAt !== null,
    employmentType: e.employmentType,
    hireDate: e.hireDate,
    leaveDate: e.leaveDate,
    exemptionReason: e.exemptionReason,
    retiredAt: e.retiredAt ? e.retiredAt.toISOString() : null,
    state: employeeState(e, today),
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

const deptColumns = { code: departments.code, name: departments.name, retiredAt: departments.retiredAt };

function selectWithDepartment(db: DbOrTx) {
  return db.select({ e: employees, d: deptColumns }).from(employees).innerJoin(departments, eq(departments.id, employees.departmentId));
}

const noSpaces = (col: SQLWrapper) => sql`replace(replace(${col}, ' ', ''), '　', '')`;

function filters(q: ExportEmployeesQuery, today: string): SQL | undefined {
  const where: SQL[] = [];
  if (q.q) {
    const text = q.q.normalize("NFKC");
    const p = containsPattern(text);
    const compact = containsPattern(text.replace(/[\s\u3000]+/g, ""));
    const kana = containsPattern(toKatakana(text.replace(/[\s\u3000]+/g, "")));
    where.push(
      or(
        ilike(employees.employeeNumber, p),
        ilike(employees.email, p),
        sql`${noSpaces(employees.name)} ilike ${compact}`,
        sql`${noSpaces(sql`coalesce(${employees.nameKana}, '')`)} ilike ${kana}`,
      )!,
    );
  }
  if (q.departmentId) where.push(eq(employees.departmentId, q.departmentId));
  if (q.employmentType) where.push(eq(employees.employmentType, q.employmentType));
  if (q.status === "active") where.push(activeEmployeeCondition(today));
  else if (q.status === "left") where.push(and(isNull(employees.retiredAt), lt(employees.leaveDate, today))!);
  else if (q.status === "retired") where.push(isNotNull(employees.retiredAt));
  if (q.exempt === "true") where.push(isNotNull(employees.exemptionReason));
  else if (q.exempt === "false") where.push(isNull(employees.exemptionReason));
  return where.length ? and(...where) : undefined;
}

function ordering(q: ExportEmployeesQuery) {
  const dir = q.dir === "desc" ? desc : asc;
  switch (q.sort) {
    // Kanji order means nothing to a Japanese reader: names sort by their reading.
    case "name":
      return [dir(sql`coalesce(${employees.nameKana}, ${employees.name})`), dir(employees.name), asc(employees.employeeNumber)];
    case "department":
      return [dir(departments.code), asc(employees.employeeNumber)];
    case "hireDate":
      return [dir(employees.hireDate), asc(employees.employeeNumber)];
    default:
      return [dir(employees.employeeNumber)];
  }
}

export async function listEmployees(q: ListEmployeesQuery, today = todayInTokyo()): Promise<EmployeePage> {
  const db = await getDb();
  const where = filters(q, today);
  const [rows, [{ total }]] = await Promise.all([
    selectWithDepartment(db)
      .where(where)
      .orderBy(...ordering(q))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(employees).innerJoin(departments, eq(departments.id, employees.departmentId)).where(where),
  ]);
  return { items: rows.map((r) => toDto(r.e, r.d, today)), total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function exportEmployeeRows(q: ExportEmployeesQuery, today = todayInTokyo()): Promise<EmployeeDto[]> {
  const db = await getDb();
  const rows = await selectWithDepartment(db)
    .where(filters(q, today))
    .orderBy(...ordering(q));
  return rows.map((r) => toDto(r.e, r.d, today));
}

async function fetchDto(tx: DbOrTx, id: number, today: string): Promise<EmployeeDto> {
  const [row] = await selectWithDepartment(tx).where(eq(employees.id, id));
  if (!row) throw new NotFoundError();
  return toDto(row.e, row.d, today);
}

/**
 * Employees a form can pick (the employee picker): not retired, employed on `date` (default today,
 * Tokyo), matching `q` (number, name or kana) or in a department; at most `limit`, by number.
 */
export async function listEmployeePickOptions(q: EmployeePickQuery): Promise<EmployeePickOptions> {
  const db = await getDb();
  const date = q.date ?? todayInTokyo();
  const where: SQL[] = [isNull(employees.retiredAt), lte(employees.hireDate, date), or(isNull(employees.leaveDate), gte(employees.leaveDate, date))!];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(employees.employeeNumber, like), ilike(employees.name, like), ilike(employees.nameKana, like))!);
  }
  if (q.departmentId) where.push(eq(employees.departmentId, q.departmentId));
  const rows = await db
    .select({
      id: employees.id,
      employeeNumber: employees.employeeNumber,
      name: employees.name,
      nameKana: employees.nameKana,
      departmentId: employees.departmentId,
      departmentName: departments.name,
      employmentType: employees.employmentType,
      hireDate: employees.hireDate,
      leaveDate: employees.leaveDate,
    })
    .from(employees)
    .innerJoin(departments, eq(departments.id, employees.departmentId))
    .where(and(...where))
    .orderBy(asc(employees.employeeNumber))
    .limit(q.limit + 1);
  return { items: rows.slice(0, q.limit), truncated: rows.length > q.limit };
}

export async function getEmployee(id: number): Promise<EmployeeDto> {
  return fetchDto(await getDb(), id, todayInTokyo());
}

export async function getEmployeeHistory(id: number): Promise<AuditEntryDto[]> {
  const db = await getDb();
  const [exists] = await db.select({ id: employees.id }).from(employees).where(eq(employees.id, id));
  if (!exists) throw new NotFoundError();
  const rows = await listAuditFor("employee", id);
  return rows.map((r) => ({ id: r.id, occurredAt: r.occurredAt.toISOString(), actorEmail: r.actorEmail, action: r.action, before: r.before, after: r.after }));
}

const numberTaken = () => new ValidationError([{ field: "employeeNumber", code: "duplicate", messageKey: "employees.errors.numberTaken" }]);

/** A unique-index race (two people saving the same number at once) gets the same field error as the check. */
async function uniqueNumber<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (sqlState(err) === "23505") throw numberTaken();
    throw err;
  }
}

async function assertNumberFree(tx: DbOrTx, employeeNumber: string, exceptId?: number) {
  const [dup] = await tx.select({ id: employees.id }).from(employees).where(eq(employees.employeeNumber, employeeNumber));
  if (dup && dup.id !== exceptId) throw numberTaken();
}

/** The department must exist and be active (its row is locked so it cannot close meanwhile). */
async function assertDepartmentOpen(tx: DbOrTx, id: number) {
  const [d] = await tx.select({ retiredAt: departments.retiredAt }).from(departments).where(eq(departments.id, id)).for("share");
  if (!d) throw new ValidationError([{ field: "departmentId", code: "not_found", messageKey: "employees.errors.departmentNotFound" }]);
  if (d.retiredAt) throw new ValidationError([{ field: "departmentId", code: "retired", messageKey: "employees.errors.departmentRetired" }]);
}

function values(input: CreateEmployeeInput) {
  return {
    employeeNumber: input.employeeNumber,
    name: input.name,
    nameKana: input.nameKana,
    email: input.email,
    departmentId: input.departmentId,
    employmentType: input.employmentType,
    hireDate: input.hireDate,
    leaveDate: input.leaveDate,
    exemptionReason: input.exemptionReason,
  };
}

export async function createEmployee(actor: SessionUser, input: CreateEmployeeInput): Promise<EmployeeDto> {
  const db = await getDb();
  const today = todayInTokyo();
  return uniqueNumber(() =>
    db.transaction(async (tx) => {
      await assertNumberFree(tx, input.employeeNumber);
      await assertDepartmentOpen(tx, input.departmentId);
      const [row] = await tx.insert(employees).values(values(input)).returning();
      await recordAudit(tx, actor, { action: "create", entity: "employee", entityId: row.id, after: row });
      return fetchDto(tx, row.id, today);
    }),
  );
}

export async function updateEmployee(actor: SessionUser, id: number, input: UpdateEmployeeInput): Promise<EmployeeDto> {
  const db = await getDb();
  const today = todayInTokyo();
  return uniqueNumber(() =>
    db.transaction(async (tx) => {
      await updateVersioned(tx, actor, {
        table: employees,
        entity: "employee",
        id,
        version: input.version,
        change: async (before) => {
          const next = values(input);
          const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => (next[k] ?? null) !== (before[k] ?? null));
          // Saving an unchanged form writes nothing: no new version, no empty audit entry.
          if (!changed) return null;
          if (next.employeeNumber !== before.employeeNumber) await assertNumberFree(tx, next.employeeNumber, id);
          // Someone who left may stay in a department closed since; moving anyone needs an open one.
          if (next.departmentId !== before.departmentId) await assertDepartmentOpen(tx, next.departmentId);
          return next;
        },
      });
      return fetchDto(tx, id, today);
    }),
  );
}

/** Retire or restore an employee record (docs/architecture-versioned-writes.md: a repeat is a 409). */
export async function setEmployeeRetired(actor: SessionUser, id: number, version: number, retire: boolean): Promise<EmployeeDto> {
  const db = await getDb();
  const today = todayInTokyo();
  return db.transaction(async (tx) => {
    await setRetiredVersioned(tx, actor, {
      table: employees,
      entity: "employee",
      id,
      version,
      retire,
      check: async (before) => {
        if (retire || employeeState({ ...before, retiredAt: null }, today) === "left") return;
        const [d] = await tx.select({ retiredAt: departments.retiredAt, code: departments.code }).from(departments).where(eq(departments.id, before.departmentId));
        if (d?.retiredAt) throw new ConflictError("employees.errors.restoreIntoRetiredDepartment", { code: d.code });
      },
    });
    return fetchDto(tx, id, today);
  });
}

// ---------------------------------------------------------------------------------------------
// CSV import

async function storedByNumber(tx: DbOrTx): Promise<Map<string, StoredEmployee>> {
  const rows = await tx.select().from(employees);
  return new Map(rows.map((e) => [e.employeeNumber, e]));
}

async function plan(tx: DbOrTx, rows: ImportRow[]): Promise<ImportPlan> {
  const [depts, existing] = await Promise.all([departmentsByCode(tx), storedByNumber(tx)]);
  return planImport(rows, { departments: depts, existing });
}

/** Unknown department codes on lines refused for other reasons too, so a preview lists every problem of a line at once. */
export async function checkDepartmentCodes(codes: { line: number; code: string }[]): Promise<ImportIssue[]> {
  if (codes.length === 0) return [];
  return unknownDepartmentIssues(codes, await departmentsByCode(await getDb()));
}

/** What the rows would change, storing nothing. */
export async function previewEmployeeImport(rows: ImportRow[]): Promise<ImportPlan> {
  return plan(await getDb(), rows);
}

const BATCH = 500;

function withoutLine<T extends { line: number }>(r: T): Omit<T, "line"> {
  const copy: Partial<T> = { ...r };
  delete copy.line;
  return copy as Omit<T, "line">;
}

/**
 * Stores every row in one transaction, or nothing: the plan is made again inside the transaction
 * (the data may have changed since the preview), and when any row is refused nothing is written.
 *
 * The audit trail gets one 'import' entry with the file and the counts. Per-employee before/after
 * entries are deliberately not written for imports: the uploaded file is the record of what came
 * in, and a 10,000-row file would otherwise write 10,000 entries.
 */
export async function commitEmployeeImport(
  actor: SessionUser,
  rows: ImportRow[],
  meta: { fileName: string; encoding: string; rowCount: number },
): Promise<{ plan: ImportPlan; committed: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const p = await plan(tx, rows);
    if (p.issues.length > 0) return { plan: p, committed: false };
    for (let i = 0; i < p.inserts.length; i += BATCH) {
      await tx.insert(employees).values(p.inserts.slice(i, i + BATCH).map(withoutLine));
    }
    const now = new Date();
    for (const u of p.updates) {
      const [done] = await tx
        .update(employees)
        .set({ ...u.values, version: u.version + 1, updatedAt: now })
        .where(and(eq(employees.id, u.id), eq(employees.version, u.version)))
        .returning({ id: employees.id });
      // Someone edited this employee while the import ran: start again rather than overwrite.
      if (!done) throw new ConflictError("problems.retry");
    }
    if (p.inserts.length + p.updates.length > 0) {
      await recordAudit(tx, actor, {
        action: "import",
        entity: "employee",
        entityId: null,
        after: { ...meta, inserted: p.inserts.length, updated: p.updates.length, unchanged: p.unchanged },
      });
    }
    return { plan: p, committed: true };
  });
}
