import "server-only";
import { and, asc, count, desc, eq, gte, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { departments, employees, type Department } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError, sqlState } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import type {
  CreateDepartmentInput,
  DepartmentDto,
  DepartmentPage,
  ExportDepartmentsQuery,
  ListDepartmentsQuery,
  UpdateDepartmentInput,
} from "@/lib/training/departments-schema";
import { containsPattern } from "@/lib/training/employees-state";
import { recordAudit } from "./audit";
import { setRetiredVersioned, updateVersioned } from "./versioned";

function toDto(d: Department, activeEmployees: number): DepartmentDto {
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    retiredAt: d.retiredAt ? d.retiredAt.toISOString() : null,
    version: d.version,
    activeEmployees,
  };
}

/** Employed on `today`: not retired, no leave date or one still ahead (as isActiveOn in lib/training/status.ts; future hires count). */
export function activeEmployeeCondition(today: string): SQL {
  return and(isNull(employees.retiredAt), or(isNull(employees.leaveDate), gte(employees.leaveDate, today)))!;
}

function activeCounts(db: DbOrTx, today: string) {
  return db
    .select({ departmentId: employees.departmentId, n: count().as("n") })
    .from(employees)
    .where(activeEmployeeCondition(today))
    .groupBy(employees.departmentId)
    .as("active_counts");
}

function filters(q: { q?: string; includeRetired?: "true" | "false" }): SQL | undefined {
  const where: SQL[] = [];
  if (q.includeRetired !== "true") where.push(isNull(departments.retiredAt));
  if (q.q) {
    const p = containsPattern(q.q.normalize("NFKC"));
    where.push(or(ilike(departments.code, p), ilike(departments.name, p))!);
  }
  return where.length ? and(...where) : undefined;
}

async function selectDepartments(q: ExportDepartmentsQuery, paging?: { limit: number; offset: number }, today = todayInTokyo()) {
  const db = await getDb();
  const c = activeCounts(db, today);
  const n = sql<number>`coalesce(${c.n}, 0)`;
  const dir = q.dir === "desc" ? desc : asc;
  const primary = q.sort === "name" ? dir(departments.name) : q.sort === "employees" ? dir(n) : dir(departments.code);
  const base = db
    .select({ d: departments, n })
    .from(departments)
    .leftJoin(c, eq(c.departmentId, departments.id))
    .where(filters(q))
    // Retired departments after the active ones, whatever the sort.
    .orderBy(sql`${departments.retiredAt} is not null`, primary, asc(departments.code))
    .$dynamic();
  const rows = paging ? await base.limit(paging.limit).offset(paging.offset) : await base;
  return rows.map((r) => toDto(r.d, Number(r.n)));
}

export async function listDepartments(q: ListDepartmentsQuery): Promise<DepartmentPage> {
  const db = await getDb();
  if (q.all === "true") {
    const items = await selectDepartments(q);
    return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
  }
  const [items, [{ total }]] = await Promise.all([
    selectDepartments(q, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    db.select({ total: count() }).from(departments).where(filters(q)),
  ]);
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function exportDepartmentRows(q: ExportDepartmentsQuery): Promise<DepartmentDto[]> {
  return selectDepartments(q);
}

async function countActive(tx: DbOrTx, id: number, today: string): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(employees)
    .where(and(eq(employees.departmentId, id), activeEmployeeCondition(today)));
  return Number(n);
}

export async function getDepartment(id: number): Promise<DepartmentDto> {
  const db = await getDb();
  const [row] = await db.select().from(departments).where(eq(departments.id, id));
  if (!row) throw new NotFoundError();
  return toDto(row, await countActive(db, id, todayInTokyo()));
}

const codeTaken = () => new ValidationError([{ field: "code", code: "duplicate", messageKey: "departments.errors.codeTaken" }]);

/** A unique-index race (two people saving the same code at once) gets the same field error as the check. */
async function uniqueCode<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (sqlState(err) === "23505") throw codeTaken();
    throw err;
  }
}

async function assertCodeFree(tx: DbOrTx, code: string, exceptId?: number) {
  const [dup] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.code, code));
  if (dup && dup.id !== exceptId) throw codeTaken();
}

export async function createDepartment(actor: SessionUser, input: CreateDepartmentInput): Promise<DepartmentDto> {
  const db = await getDb();
  return uniqueCode(() =>
    db.transaction(async (tx) => {
      await assertCodeFree(tx, input.code);
      const [row] = await tx.insert(departments).values({ code: input.code, name: input.name }).returning();
      await recordAudit(tx, actor, { action: "create", entity: "department", entityId: row.id, after: row });
      return toDto(row, 0);
    }),
  );
}

export async function updateDepartment(actor: SessionUser, id: number, input: UpdateDepartmentInput): Promise<DepartmentDto> {
  const db = await getDb();
  const today = todayInTokyo();
  return uniqueCode(() =>
    db.transaction(async (tx) => {
      const after = await updateVersioned(tx, actor, {
        table: departments,
        entity: "department",
        id,
        version: input.version,
        change: async (before) => {
          if (input.code !== before.code) await assertCodeFree(tx, input.code, id);
          return { code: input.code, name: input.name };
        },
      });
      return toDto(after, await countActive(tx, id, today));
    }),
  );
}

/**
 * Retire (close) or restore a department (docs/architecture-versioned-writes.md: a repeat is a 409).
 * A department with active employees cannot close: move them or record their leave first.
 */
export async function setDepartmentRetired(actor: SessionUser, id: number, version: number, retire: boolean): Promise<DepartmentDto> {
  const db = await getDb();
  const today = todayInTokyo();
  return db.transaction(async (tx) => {
    let active = 0;
    const after = await setRetiredVersioned(tx, actor, {
      table: departments,
      entity: "department",
      id,
      version,
      retire,
      check: async () => {
        active = await countActive(tx, id, today);
        if (retire && active > 0) throw new ConflictError("departments.errors.hasActiveEmployees", { count: active });
      },
    });
    return toDto(after, active);
  });
}

/** Departments by code, for the employee import. */
export async function departmentsByCode(tx: DbOrTx): Promise<Map<string, { id: number; retired: boolean }>> {
  const rows = await tx.select({ id: departments.id, code: departments.code, retiredAt: departments.retiredAt }).from(departments);
  return new Map(rows.map((r) => [r.code, { id: r.id, retired: r.retiredAt !== null }]));
}
