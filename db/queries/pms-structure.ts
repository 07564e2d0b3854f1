import "server-only";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { departments, employees, pmsAppointments, pmsPosts, users, type PmsAppointment, type PmsPost } from "@/db/schema";
import { ConflictError, ValidationError, type FieldError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import { isAppointmentActive, isPostVacant } from "@/lib/regulations/due";
import type {
  AppointmentDto,
  CreateAppointmentInput,
  CreatePostInput,
  EndAppointmentInput,
  People,
  PostDto,
  PostsResponse,
  UpdateAppointmentInput,
  UpdatePostInput,
} from "@/lib/regulations/structure-schema";
import { recordAudit } from "./audit";
import { lockVersioned, setRetiredVersioned, updateVersioned, withoutVersion } from "./versioned";

/**
 * Every post with its holders on `asOf` (a post nobody holds that day is a gap) and its full
 * appointment history. A small list (a company has a dozen or two posts), returned whole.
 */
export async function listPosts(opts: { asOf?: string; includeRetired?: boolean; vacant?: boolean } = {}): Promise<PostsResponse> {
  const asOf = opts.asOf ?? todayInTokyo();
  const db = await getDb();
  const [posts, appts] = await Promise.all([
    db
      .select({ p: pmsPosts, departmentName: departments.name })
      .from(pmsPosts)
      .leftJoin(departments, eq(departments.id, pmsPosts.departmentId))
      .where(opts.includeRetired ? undefined : isNull(pmsPosts.retiredAt))
      .orderBy(asc(pmsPosts.sortOrder), asc(pmsPosts.code)),
    loadAppointments(db),
  ]);
  const byPost = new Map<number, AppointmentDto[]>();
  for (const a of appts(asOf)) byPost.set(a.postId, [...(byPost.get(a.postId) ?? []), a]);
  const all = posts.map(({ p, departmentName }) => postDto(p, departmentName, byPost.get(p.id) ?? [], asOf));
  const items = opts.vacant ? all.filter((i) => i.gap) : all;
  return { asOf, items, total: items.length, gaps: all.filter((i) => i.gap && !i.retiredAt).length };
}

function postDto(p: PmsPost, departmentName: string | null, appointments: AppointmentDto[], asOf: string): PostDto {
  const holders = appointments.filter((a) => a.active);
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    departmentId: p.departmentId,
    departmentName,
    description: p.description,
    sortOrder: p.sortOrder,
    retiredAt: p.retiredAt ? p.retiredAt.toISOString() : null,
    version: p.version,
    holders,
    gap: isPostVacant(appointments, asOf),
    appointments,
  };
}

type AnyDb = Awaited<ReturnType<typeof getDb>> | Tx;

async function loadAppointments(db: AnyDb, where?: ReturnType<typeof eq>) {
  const rows = await db
    .select({
      a: pmsAppointments,
      userName: users.name,
      employeeName: employees.name,
      departmentName: departments.name,
    })
    .from(pmsAppointments)
    .leftJoin(users, eq(users.id, pmsAppointments.userId))
    .leftJoin(employees, eq(employees.id, pmsAppointments.employeeId))
    .leftJoin(departments, eq(departments.id, employees.departmentId))
    .where(and(isNull(pmsAppointments.retiredAt), where))
    .orderBy(sql`${pmsAppointments.toDate} is null desc`, sql`${pmsAppointments.fromDate} desc`, asc(pmsAppointments.id));
  return (asOf: string): AppointmentDto[] =>
    rows.map(({ a, userName, employeeName, departmentName }) => appointmentDto(a, userName ?? employeeName ?? "", a.employeeId ? departmentName : null, asOf));
}

function appointmentDto(a: PmsAppointment, personName: string, departmentName: string | null, asOf: string): AppointmentDto {
  return {
    id: a.id,
    postId: a.postId,
    personType: a.userId ? "user" : "employee",
    personId: (a.userId ?? a.employeeId)!,
    personName,
    departmentName,
    fromDate: a.fromDate,
    toDate: a.toDate,
    note: a.note,
    active: isAppointmentActive(a, asOf),
    version: a.version,
  };
}

export async function getPost(id: number): Promise<PostDto | null> {
  const db = await getDb();
  const [row] = await db
    .select({ p: pmsPosts, departmentName: departments.name })
    .from(pmsPosts)
    .leftJoin(departments, eq(departments.id, pmsPosts.departmentId))
    .where(eq(pmsPosts.id, id));
  if (!row) return null;
  const appts = await loadAppointments(db, eq(pmsAppointments.postId, id));
  const today = todayInTokyo();
  return postDto(row.p, row.departmentName, appts(today), today);
}

async function assertPostValid(tx: Tx, input: CreatePostInput, excludeId?: number) {
  const errors: FieldError[] = [];
  const [dup] = await tx
    .select({ id: pmsPosts.id })
    .from(pmsPosts)
    .where(and(sql`lower(${pmsPosts.code}) = lower(${input.code})`, excludeId ? ne(pmsPosts.id, excludeId) : undefined));
  if (dup) errors.push({ field: "code", code: "duplicate", messageKey: "regulations.errors.codeTaken" });
  if (input.departmentId !== null) {
    const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
    if (!d) errors.push({ field: "departmentId", code: "unknown", messageKey: "regulations.errors.unknownDepartment" });
  }
  if (errors.length) throw new ValidationError(errors);
}

export async function createPost(actor: SessionUser, input: CreatePostInput): Promise<PostDto> {
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    await assertPostValid(tx, input);
    const [row] = await tx.insert(pmsPosts).values(input).returning();
    await recordAudit(tx, actor, { action: "create", entity: "pms_post", entityId: row.id, after: row });
    return row.id;
  });
  return (await getPost(id))!;
}

export async function updatePost(actor: SessionUser, id: number, input: UpdatePostInput): Promise<PostDto> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      table: pmsPosts,
      entity: "pms_post",
      id,
      version: input.version,
      change: async () => {
        await assertPostValid(tx, input, id);
        const fields = withoutVersion(input);
        return fields;
      },
    });
  });
  return (await getPost(id))!;
}

/** Retire or restore a post (docs/architecture-versioned-writes.md: a repeat is a 409). */
export async function setPostRetired(actor: SessionUser, id: number, retired: boolean, version: number): Promise<PostDto> {
  const db = await getDb();
  await db.transaction((tx) =>
    setRetiredVersioned(tx, actor, {
      table: pmsPosts,
      entity: "pms_post",
      id,
      version,
      retire: retired,
      messages: { alreadyRetired: "regulations.errors.alreadyRetired", notRetired: "regulations.errors.notRetired" },
    }),
  );
  return (await getPost(id))!;
}

async function personColumns(tx: Tx, input: CreateAppointmentInput): Promise<{ userId: number | null; employeeId: number | null }> {
  if (input.personType === "user") {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.personId));
    if (!u) throw new ValidationError([{ field: "personId", code: "unknown", messageKey: "regulations.errors.unknownPerson" }]);
    return { userId: u.id, employeeId: null };
  }
  const [e] = await tx.select({ id: employees.id }).from(employees).where(and(eq(employees.id, input.personId), isNull(employees.retiredAt)));
  if (!e) throw new ValidationError([{ field: "personId", code: "unknown", messageKey: "regulations.errors.unknownPerson" }]);
  return { userId: null, employeeId: e.id };
}

export async function createAppointment(actor: SessionUser, postId: number, input: CreateAppointmentInput): Promise<PostDto> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const post = await lockVersioned(tx, pmsPosts, postId);
    if (post.retiredAt) throw new ConflictError("regulations.errors.postRetired");
    const person = await personColumns(tx, input);
    const [row] = await tx
      .insert(pmsAppointments)
      .values({ postId, ...person, fromDate: input.fromDate, toDate: input.toDate, note: input.note })
      .returning();
    await recordAudit(tx, actor, { action: "create", entity: "pms_appointment", entityId: row.id, after: row });
  });
  return (await getPost(postId))!;
}

/** An ended term is not retired: it stays with its last day. A retired appointment is not found. */
function appointmentWrite(id: number, version: number) {
  return { table: pmsAppointments, entity: "pms_appointment", id, version, where: isNull(pmsAppointments.retiredAt) };
}

export async function updateAppointment(actor: SessionUser, id: number, input: UpdateAppointmentInput): Promise<PostDto> {
  const db = await getDb();
  const after = await db.transaction((tx) =>
    updateVersioned(tx, actor, {
      ...appointmentWrite(id, input.version),
      change: async () => ({ ...(await personColumns(tx, input)), fromDate: input.fromDate, toDate: input.toDate, note: input.note }),
    }),
  );
  return (await getPost(after.postId))!;
}

/** End a term (the record stays, with its last day), instead of deleting it. */
export async function endAppointment(actor: SessionUser, id: number, input: EndAppointmentInput): Promise<PostDto> {
  const db = await getDb();
  const after = await db.transaction((tx) =>
    updateVersioned(tx, actor, {
      ...appointmentWrite(id, input.version),
      change: (before) => {
        if (input.toDate < before.fromDate) throw new ValidationError([{ field: "toDate", code: "invalid", messageKey: "regulations.errors.termOrder" }]);
        if (before.toDate !== null && before.toDate <= input.toDate) throw new ConflictError("regulations.errors.alreadyEnded");
        return { toDate: input.toDate };
      },
      audit: () => ({ action: "end" }),
    }),
  );
  return (await getPost(after.postId))!;
}

/**
 * Whom a post can be given to: active sign-in users, and departments for department posts. Both are
 * small; employees (thousands) are searched with the employee picker (listEmployeePickOptions).
 */
export async function listPeople(): Promise<People> {
  const db = await getDb();
  const [u, d] = await Promise.all([
    db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.active, true)).orderBy(asc(users.name)),
    db.select({ id: departments.id, name: departments.name }).from(departments).where(isNull(departments.retiredAt)).orderBy(asc(departments.code)),
  ]);
  return { users: u, departments: d };
}
