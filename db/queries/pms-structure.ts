import "server-only";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { departments, employees, pmsAppointments, pmsPosts, users, type PmsAppointment, type PmsPost } from "@/db/schema";
import { ConflictError, ValidationError, type FieldError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { formatDate, todayInTokyo } from "@/lib/dates";
import { isAppointmentActive, isPostVacant } from "@/lib/regulations/due";
import { blockingAppointments, findHoldingConflicts } from "@/lib/regulations/exclusions";
import type {
  AppointmentDto,
  CreateAppointmentInput,
  CreatePostInput,
  EndAppointmentInput,
  HoldingConflictDto,
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
  const live = posts.filter(({ p }) => !p.retiredAt).map(({ p }) => p);
  return { asOf, items, total: items.length, gaps: all.filter((i) => i.gap && !i.retiredAt).length, conflicts: holdingConflicts(live, all.flatMap((i) => i.appointments)) };
}

/** Who holds two live posts that exclude each other, at any time (older or imported data; new writes refuse it). */
function holdingConflicts(livePosts: readonly PmsPost[], appointments: readonly AppointmentDto[]): HoldingConflictDto[] {
  const title = new Map(livePosts.map((p) => [p.id, p.title]));
  const held = appointments.filter((a) => title.has(a.postId));
  return findHoldingConflicts(held, livePosts).map(({ a, b, overlap }) => ({
    personType: a.personType,
    personId: a.personId,
    personName: a.personName,
    posts: [a, b].map((x) => ({ id: x.postId, title: title.get(x.postId)!, appointmentId: x.id })),
    fromDate: overlap.fromDate,
    toDate: overlap.toDate,
  }));
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
    exclusiveWith: p.exclusiveWith,
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

async function assertPostValid(tx: Tx, input: CreatePostInput | UpdatePostInput, excludeId?: number, before: readonly number[] = []) {
  const errors: FieldError[] = [];
  const named = input.exclusiveWith ?? [];
  if (excludeId !== undefined && named.includes(excludeId)) {
    errors.push({ field: "exclusiveWith", code: "invalid", messageKey: "regulations.errors.exclusiveSelf" });
  } else {
    // A post newly named must be a live post; one named before may stay after it was retired.
    const added = named.filter((id) => !before.includes(id));
    const found = added.length
      ? await tx.select({ id: pmsPosts.id }).from(pmsPosts).where(and(inArray(pmsPosts.id, added), isNull(pmsPosts.retiredAt)))
      : [];
    if (found.length !== new Set(added).size) errors.push({ field: "exclusiveWith", code: "unknown", messageKey: "regulations.errors.unknownExclusivePost" });
  }
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
    const exclusiveWith = uniqueIds(input.exclusiveWith);
    const [row] = await tx
      .insert(pmsPosts)
      .values({ ...input, exclusiveWith })
      .returning();
    await recordAudit(tx, actor, { action: "create", entity: "pms_post", entityId: row.id, after: row });
    // A new post has no holders yet: nothing to refuse. The other side of each exclusion names it too.
    await mirrorExclusions(tx, actor, row.id, [], exclusiveWith);
    return row.id;
  });
  return (await getPost(id))!;
}

export async function updatePost(actor: SessionUser, id: number, input: UpdatePostInput): Promise<PostDto> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (input.exclusiveWith !== undefined) {
      // Every post the exclusion list touches (named now or before), locked before anything is checked.
      const [current] = await tx.select({ exclusiveWith: pmsPosts.exclusiveWith }).from(pmsPosts).where(eq(pmsPosts.id, id));
      await lockPosts(tx, [id, ...input.exclusiveWith, ...(current?.exclusiveWith ?? [])]);
    }
    await updateVersioned(tx, actor, {
      table: pmsPosts,
      entity: "pms_post",
      id,
      version: input.version,
      change: async (before) => {
        await assertPostValid(tx, input, id, before.exclusiveWith);
        const fields = withoutVersion(input);
        if (fields.exclusiveWith === undefined) return fields;
        const exclusiveWith = uniqueIds(fields.exclusiveWith);
        await assertNotHeldTogether(tx, id, exclusiveWith.filter((x) => !before.exclusiveWith.includes(x)));
        return { ...fields, exclusiveWith };
      },
      afterUpdate: (before, after) => mirrorExclusions(tx, actor, id, before.exclusiveWith, after.exclusiveWith),
    });
  });
  return (await getPost(id))!;
}

/**
 * The one lock of 兼任不可: an exclusion write locks the rows of both posts it joins, an appointment
 * write (new, or a changed person or term) the row of its post, each before it checks. So of an
 * appointment and an exclusion written at the same instant, the second waits for the first to commit
 * and then sees it: refused with the 409 it would get one after the other, never both stored with
 * someone holding two excluded posts (tests/integration/pms-post-exclusions-race.test.ts). In id order,
 * so that two exclusion writes over the same posts queue instead of deadlocking.
 */
async function lockPosts(tx: Tx, ids: readonly number[]) {
  if (!ids.length) return;
  await tx.select({ id: pmsPosts.id }).from(pmsPosts).where(inArray(pmsPosts.id, uniqueIds(ids))).orderBy(asc(pmsPosts.id)).for("update");
}

function uniqueIds(ids: readonly number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

/**
 * Keep an exclusion symmetric: each post newly named gets `id` in its own list, each post no longer
 * named loses it — a versioned write of that post too (its version moves, its audit entry says so), so
 * a form still open on it is told that it changed.
 */
async function mirrorExclusions(tx: Tx, actor: SessionUser, id: number, before: readonly number[], after: readonly number[]) {
  const touched = uniqueIds([...before.filter((x) => !after.includes(x)), ...after.filter((x) => !before.includes(x))]);
  for (const other of touched) {
    const row = await lockVersioned(tx, pmsPosts, other);
    const list = after.includes(other) ? uniqueIds([...row.exclusiveWith, id]) : row.exclusiveWith.filter((x) => x !== id);
    if (list.length === row.exclusiveWith.length && list.every((x, i) => x === row.exclusiveWith[i])) continue;
    await updateVersioned(tx, actor, { table: pmsPosts, entity: "pms_post", id: other, version: row.version, change: () => ({ exclusiveWith: list }) });
  }
}

/** A term in a message, dated as the pages date it: "2026/04/01 –" or "2026/04/01 – 2027/03/31" (the message's own words). */
function termValues(t: { fromDate: string; toDate: string | null }): Record<string, string> {
  return { from: formatDate(t.fromDate), to: t.toDate ? formatDate(t.toDate) : "open" };
}

/**
 * Refuse to make `id` exclusive with `added` while someone holds `id` and one of them at once today
 * or later (409, said beside the field). Shared days that ended before today are history: allowed,
 * and the structure page lists them (docs/domain.md §2).
 */
async function assertNotHeldTogether(tx: Tx, id: number, added: readonly number[]) {
  if (!added.length) return;
  const posts = [id, ...added];
  const appts = await personAppointments(tx, inArray(pmsAppointments.postId, posts));
  const conflicts = findHoldingConflicts(appts, [{ id, exclusiveWith: added }], { within: { fromDate: todayInTokyo(), toDate: null } });
  const c = conflicts[0];
  if (!c) return;
  const other = c.a.postId === id ? c.b : c.a;
  const values = { person: other.personName, post: other.postTitle, ...termValues(c.overlap) };
  const messageKey = "regulations.errors.exclusionHeldTogether";
  throw new ConflictError(messageKey, values, [{ field: "exclusiveWith", code: "held_together", messageKey, values }]);
}

/** Live appointments with their holder and post, as the rule takes them. */
async function personAppointments(tx: Tx, where: ReturnType<typeof eq>) {
  const rows = await tx
    .select({ a: pmsAppointments, userName: users.name, employeeName: employees.name, postTitle: pmsPosts.title })
    .from(pmsAppointments)
    .innerJoin(pmsPosts, eq(pmsPosts.id, pmsAppointments.postId))
    .leftJoin(users, eq(users.id, pmsAppointments.userId))
    .leftJoin(employees, eq(employees.id, pmsAppointments.employeeId))
    .where(and(isNull(pmsAppointments.retiredAt), where));
  return rows.map(({ a, userName, employeeName, postTitle }) => ({
    id: a.id,
    postId: a.postId,
    personType: a.userId ? ("user" as const) : ("employee" as const),
    personId: (a.userId ?? a.employeeId)!,
    personName: userName ?? employeeName ?? "",
    postTitle,
    fromDate: a.fromDate,
    toDate: a.toDate,
  }));
}

/**
 * Refuse an appointment (new, or a changed person or term) whose term meets the same person's live
 * appointment to a live post that may not be held together with this one: 409, said beside the
 * person, naming the other post. The post's row lock keeps an exclusion written at the same instant
 * from passing beside it (lockPosts); a lock per person, two such appointments.
 */
async function assertMayHold(tx: Tx, candidate: { id?: number; postId: number; userId: number | null; employeeId: number | null; fromDate: string; toDate: string | null }) {
  const personType = candidate.userId ? ("user" as const) : ("employee" as const);
  const personId = (candidate.userId ?? candidate.employeeId)!;
  await lockPosts(tx, [candidate.postId]);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pms_person:${personType}:${personId}`}))`);
  const posts = await tx.select({ id: pmsPosts.id, exclusiveWith: pmsPosts.exclusiveWith }).from(pmsPosts).where(isNull(pmsPosts.retiredAt));
  const held = await personAppointments(tx, personType === "user" ? eq(pmsAppointments.userId, personId) : eq(pmsAppointments.employeeId, personId));
  const live = new Set(posts.map((p) => p.id));
  const [block] = blockingAppointments({ ...candidate, personType, personId }, held.filter((a) => live.has(a.postId)), posts);
  if (!block) return;
  const values = { post: block.postTitle, ...termValues(block) };
  const messageKey = "regulations.errors.exclusivePostHeld";
  throw new ConflictError(messageKey, values, [{ field: "personId", code: "exclusive_post", messageKey, values }]);
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
    await assertMayHold(tx, { postId, ...person, fromDate: input.fromDate, toDate: input.toDate });
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
      change: async (before) => {
        const person = await personColumns(tx, input);
        const term = { fromDate: input.fromDate, toDate: input.toDate };
        // Only a new holder or a longer or moved term can newly meet an excluded post; a note alone cannot.
        const moved = person.userId !== before.userId || person.employeeId !== before.employeeId || term.fromDate !== before.fromDate || term.toDate !== before.toDate;
        if (moved) await assertMayHold(tx, { id, postId: before.postId, ...person, ...term });
        return { ...person, ...term, note: input.note };
      },
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
