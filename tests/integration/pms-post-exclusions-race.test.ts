import { beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import postgres from "postgres";
import * as postsRoute from "@/app/api/v1/pms-posts/route";
import * as postRoute from "@/app/api/v1/pms-posts/[id]/route";
import * as appointRoute from "@/app/api/v1/pms-posts/[id]/appointments/route";
import * as appointmentRoute from "@/app/api/v1/pms-posts/appointments/[id]/route";
import { getDb } from "@/db";
import { departments, employees, pmsAppointments, pmsPosts } from "@/db/schema";
import { addDays, todayInTokyo } from "@/lib/dates";
import { findHoldingConflicts } from "@/lib/regulations/exclusions";
import { call, signInAs } from "../support/api";

/**
 * 兼任不可 (docs/domain.md §2 "PMS structure") when an appointment and an exclusion are written at the
 * same instant: whichever commits second must see the first and be refused with the 409 it would get one
 * after the other, never both pass and leave someone holding two excluded posts.
 *
 * Made deterministic by holding the first writer open just before its commit: a third connection holds
 * the audit trail's chain lock (migration 0012, `pg_advisory_xact_lock(1500112)`, taken by the audit row,
 * a write's last statement), so the first writer has done its check and its write and waits there; the
 * second is started only then, and the chain is let go once the second waits too. Needs concurrent
 * connections: Postgres only (PGlite is one connection).
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const AUDIT_CHAIN_LOCK = 1500112;
const today = todayInTokyo();
let deptId = 0;
let serial = 0;

type Res = Awaited<ReturnType<typeof call>>;

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  const db = await getDb();
  const r = (await db.execute(q)) as unknown as T[] | { rows: T[] };
  return Array.isArray(r) ? r : r.rows;
}

/** Backends of this database waiting for a lock (the writers under test, nothing else runs here). */
async function waitForLockWaiters(n: number) {
  const until = Date.now() + 15_000;
  for (;;) {
    const [r] = await rows<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
    if (r.n >= n) return;
    if (Date.now() > until) throw new Error(`expected ${n} writers waiting for a lock, ${r.n} are`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

/** Hold the audit chain's lock on a connection of its own until `release()`. */
async function holdAuditChain() {
  const conn = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const tx = conn.begin(async (q) => {
    await q`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
    locked();
    await released;
  });
  await isLocked;
  return async () => {
    release();
    await tx;
    await conn.end();
  };
}

/**
 * `first` runs until it waits for the held chain (its check and write done, not committed); then
 * `second` runs until it waits too (on the first's row lock, or on the chain); then both finish.
 */
async function race(first: () => Promise<Res>, second: () => Promise<Res>): Promise<[Res, Res]> {
  const letGo = await holdAuditChain();
  try {
    const a = first();
    await waitForLockWaiters(1);
    const b = second();
    await waitForLockWaiters(2);
    await letGo();
    return [await a, await b];
  } catch (err) {
    await letGo();
    throw err;
  }
}

/** Two new posts that do not exclude each other yet, and a new employee. */
async function fixture() {
  const n = ++serial;
  const post = async (code: string, title: string) => {
    const res = await call(postsRoute, "POST", "/api/v1/pms-posts", { json: { code, title } });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: number; code: string; title: string };
  };
  const x = await post(`RACE-CPO-${n}`, `個人情報保護管理者 ${n}`);
  const y = await post(`RACE-AUDIT-${n}`, `監査責任者 ${n}`);
  const db = await getDb();
  const [e] = await db
    .insert(employees)
    .values({ employeeNumber: `R${String(n).padStart(4, "0")}`, name: `競合 ${n}`, departmentId: deptId, employmentType: "regular", hireDate: "2015-04-01" })
    .returning();
  return { x, y, person: { personType: "employee" as const, personId: e.id } };
}

function appoint(postId: number, person: { personType: "employee"; personId: number }, fromDate: string, toDate: string | null = null) {
  return call(appointRoute, "POST", `/api/v1/pms-posts/${postId}/appointments`, { params: { id: postId }, json: { ...person, fromDate, toDate } });
}

async function postVersion(id: number) {
  const db = await getDb();
  const [row] = await db.select({ version: pmsPosts.version }).from(pmsPosts).where(eq(pmsPosts.id, id));
  return row.version;
}

/** Make `x` exclude `y`, with the version `x` has now (read before the race: the write itself is what races). */
async function excludeLater(x: { id: number; code: string; title: string }, y: { id: number }) {
  const version = await postVersion(x.id);
  return () => call(postRoute, "PATCH", `/api/v1/pms-posts/${x.id}`, { params: { id: x.id }, json: { code: x.code, title: x.title, exclusiveWith: [y.id], version } });
}

/** Nobody holds the two posts at once while they exclude each other: the stored state, judged by the rule itself. */
async function assertNoOneHoldsBoth(postIds: number[]) {
  const db = await getDb();
  const posts = await db.select({ id: pmsPosts.id, exclusiveWith: pmsPosts.exclusiveWith }).from(pmsPosts).where(inArray(pmsPosts.id, postIds));
  const appts = await db.select().from(pmsAppointments).where(inArray(pmsAppointments.postId, postIds));
  const held = appts.map((a) => ({ ...a, personType: a.userId ? ("user" as const) : ("employee" as const), personId: (a.userId ?? a.employeeId)! }));
  expect(findHoldingConflicts(held, posts)).toEqual([]);
  const list = await call(postsRoute, "GET", "/api/v1/pms-posts");
  const here = (list.body.conflicts as { posts: { id: number }[] }[]).filter((c) => c.posts.some((p) => postIds.includes(p.id)));
  expect(here).toEqual([]);
}

beforeAll(async () => {
  if (!onPostgres) return;
  const db = await getDb();
  [{ id: deptId }] = await db.insert(departments).values({ code: "D-RACE", name: "管理部" }).returning();
  await signInAs("privacy_manager");
});

describe.skipIf(!onPostgres)("兼任不可 under concurrent writes (Postgres)", () => {
  it("an appointment first, the exclusion at the same instant: the exclusion waits for it and is refused", async () => {
    const { x, y, person } = await fixture();
    expect((await appoint(x.id, person, addDays(today, -100))).status).toBe(201);
    const exclude = await excludeLater(x, y);
    const [appointed, excluded] = await race(() => appoint(y.id, person, today), exclude);
    expect(appointed.status, appointed.text).toBe(201);
    expect(excluded.status, excluded.text).toBe(409);
    expect(excluded.body.errors).toEqual([expect.objectContaining({ field: "exclusiveWith", code: "held_together" })]);
    // The refused exclusion wrote nothing: neither post has a new version.
    expect([await postVersion(x.id), await postVersion(y.id)]).toEqual([1, 1]);
    await assertNoOneHoldsBoth([x.id, y.id]);
  });

  it("the exclusion first, an appointment at the same instant: the appointment waits for it and is refused", async () => {
    const { x, y, person } = await fixture();
    expect((await appoint(x.id, person, addDays(today, -100))).status).toBe(201);
    const exclude = await excludeLater(x, y);
    const [excluded, appointed] = await race(exclude, () => appoint(y.id, person, today));
    expect(excluded.status, excluded.text).toBe(200);
    expect(appointed.status, appointed.text).toBe(409);
    expect(appointed.body.errors).toEqual([expect.objectContaining({ field: "personId", code: "exclusive_post" })]);
    await assertNoOneHoldsBoth([x.id, y.id]);
  });

  it("a term moved onto the other post's term, and the exclusion, at the same instant, in either order: the second is refused", async () => {
    for (const order of ["term first", "exclusion first"] as const) {
      const { x, y, person } = await fixture();
      // x until day +50; y from day +100: no shared day yet. Moving y's start to day +10 makes 41.
      expect((await appoint(x.id, person, addDays(today, -100), addDays(today, 50))).status).toBe(201);
      const later = await appoint(y.id, person, addDays(today, 100));
      expect(later.status).toBe(201);
      const a = (later.body.appointments as { id: number; version: number; fromDate: string }[])[0];
      const move = () =>
        call(appointmentRoute, "PATCH", `/api/v1/pms-posts/appointments/${a.id}`, {
          params: { id: a.id },
          json: { ...person, fromDate: addDays(today, 10), toDate: null, version: a.version },
        });
      const exclude = await excludeLater(x, y);
      if (order === "term first") {
        const [moved, excluded] = await race(move, exclude);
        expect(moved.status, `${order}: ${moved.text}`).toBe(200);
        expect(excluded.status, `${order}: ${excluded.text}`).toBe(409);
        expect(excluded.body.errors).toEqual([expect.objectContaining({ field: "exclusiveWith", code: "held_together" })]);
      } else {
        const [excluded, moved] = await race(exclude, move);
        expect(excluded.status, `${order}: ${excluded.text}`).toBe(200);
        expect(moved.status, `${order}: ${moved.text}`).toBe(409);
        expect(moved.body.errors).toEqual([expect.objectContaining({ field: "personId", code: "exclusive_post" })]);
      }
      await assertNoOneHoldsBoth([x.id, y.id]);
    }
  });

  it("fired together with nothing held back, round after round: exactly one of the two passes", async () => {
    for (let round = 0; round < 8; round++) {
      const { x, y, person } = await fixture();
      expect((await appoint(x.id, person, addDays(today, -100))).status).toBe(201);
      const exclude = await excludeLater(x, y);
      const [appointed, excluded] = await Promise.all([appoint(y.id, person, today), exclude()]);
      expect([appointed.status, excluded.status].sort(), `round ${round}: ${appointed.text} / ${excluded.text}`).toEqual(
        appointed.status === 409 ? [200, 409] : [201, 409],
      );
      await assertNoOneHoldsBoth([x.id, y.id]);
    }
  });
});
