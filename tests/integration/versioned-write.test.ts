import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, departments } from "@/db/schema";
import { ConflictError, NotFoundError, StaleVersionError, ValidationError } from "@/lib/api/errors";
import { problemResponse } from "@/lib/api/problem";
import { lockVersioned, setRetiredVersioned, updateVersioned } from "@/db/queries/versioned";
import { signInAs } from "../support/api";

/** The one versioned-write skeleton (docs/architecture-versioned-writes.md), on a plain versioned table. */

async function newDepartment(code: string) {
  const db = await getDb();
  const [d] = await db.insert(departments).values({ code, name: `部署 ${code}` }).returning();
  return d;
}

async function trail(id: number) {
  const db = await getDb();
  return db
    .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "department"), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id);
}

async function rename(id: number, version: number, name: string) {
  const actor = (await signInAs("privacy_manager"))!;
  const db = await getDb();
  return db.transaction((tx) => updateVersioned(tx, actor, { table: departments, entity: "department", id, version, change: () => ({ name }) }));
}

async function setRetired(id: number, version: number, retire: boolean) {
  const actor = (await signInAs("privacy_manager"))!;
  const db = await getDb();
  return db.transaction((tx) => setRetiredVersioned(tx, actor, { table: departments, entity: "department", id, version, retire }));
}

async function rejection(p: Promise<unknown>) {
  return p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e,
  );
}

describe("versioned writes", () => {
  it("answers 404 for a missing row, and for a row the caller's condition excludes", async () => {
    expect(await rejection(rename(987654, 1, "x"))).toBeInstanceOf(NotFoundError);
    const d = await newDepartment("VW1");
    const db = await getDb();
    const hidden = await rejection(
      db.transaction((tx) => lockVersioned(tx, departments, d.id, 1, sql`${departments.code} <> 'VW1'`)),
    );
    expect(hidden).toBeInstanceOf(NotFoundError);
    expect(await trail(d.id)).toEqual([]);
  });

  it("refuses a stale version with 409 naming the current version, and writes nothing", async () => {
    const d = await newDepartment("VW2");
    await rename(d.id, 1, "first");
    const err = await rejection(rename(d.id, 1, "second"));
    expect(err).toBeInstanceOf(StaleVersionError);
    expect(err).toMatchObject({ status: 409, currentVersion: 2, messageKey: "problems.staleVersion" });
    const res = problemResponse(err as StaleVersionError, "en");
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ type: "/problems/conflict", status: 409, currentVersion: 2, detail: expect.stringContaining("Someone else") });
    const db = await getDb();
    const [row] = await db.select().from(departments).where(eq(departments.id, d.id));
    expect(row).toMatchObject({ name: "first", version: 2 });
    expect((await trail(d.id)).map((t) => t.action)).toEqual(["update"]);
  });

  it("bumps the version, sets updated_at, writes exactly one audit row with before and after, and returns the row", async () => {
    const d = await newDepartment("VW3");
    const after = await rename(d.id, 1, "renamed");
    expect(after).toMatchObject({ id: d.id, name: "renamed", version: 2 });
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(d.updatedAt.getTime());
    const t = await trail(d.id);
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ action: "update", before: { name: "部署 VW3", version: 1 }, after: { name: "renamed", version: 2 } });
  });

  it("writes nothing when the change is null, and nothing when a rule refuses (the transaction rolls back)", async () => {
    const d = await newDepartment("VW4");
    const actor = (await signInAs("privacy_manager"))!;
    const db = await getDb();
    const same = await db.transaction((tx) => updateVersioned(tx, actor, { table: departments, entity: "department", id: d.id, version: 1, change: () => null }));
    expect(same.version).toBe(1);
    const refused = await rejection(
      db.transaction((tx) =>
        updateVersioned(tx, actor, {
          table: departments,
          entity: "department",
          id: d.id,
          version: 1,
          change: () => {
            throw new ValidationError([{ field: "name", code: "rule", messageKey: "problems.validation" }]);
          },
        }),
      ),
    );
    expect(refused).toBeInstanceOf(ValidationError);
    const [row] = await db.select().from(departments).where(eq(departments.id, d.id));
    expect(row.version).toBe(1);
    expect(await trail(d.id)).toEqual([]);
  });

  it("takes the audit action and content from the caller, and runs afterUpdate before the audit row", async () => {
    const d = await newDepartment("VW5");
    const actor = (await signInAs("privacy_manager"))!;
    const db = await getDb();
    const seen: number[] = [];
    await db.transaction((tx) =>
      updateVersioned(tx, actor, {
        table: departments,
        entity: "department",
        id: d.id,
        version: 1,
        change: () => ({ name: "audited" }),
        afterUpdate: async (_before, after) => {
          // One connection on the embedded database: read the trail inside this transaction.
          const [{ n }] = await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(auditLog)
            .where(and(eq(auditLog.entity, "department"), eq(auditLog.entityId, String(d.id))));
          seen.push(after.version, Number(n));
        },
        audit: (before, after) => ({ action: "approve", before: { name: before.name }, after: { name: after.name } }),
      }),
    );
    expect(seen).toEqual([2, 0]);
    expect(await trail(d.id)).toEqual([{ action: "approve", before: { name: "部署 VW5" }, after: { name: "audited" } }]);
  });

  it("retires once; retiring again is a 409 that says it is already retired (also with the fresh version); restores; restoring again is a 409", async () => {
    const d = await newDepartment("VW6");
    const retired = await setRetired(d.id, 1, true);
    expect(retired.retiredAt).toBeInstanceOf(Date);
    expect(retired.version).toBe(2);

    // A double click: the second request still carries the version the page showed.
    const twice = await rejection(setRetired(d.id, 1, true));
    expect(twice).toBeInstanceOf(ConflictError);
    expect(twice).toMatchObject({ status: 409, messageKey: "problems.alreadyRetired" });
    expect(await (await problemResponse(twice as ConflictError, "ja").json()).detail).toContain("すでに廃止");
    // The same with the current version: the state, not the version, is the reason.
    expect(await rejection(setRetired(d.id, 2, true))).toMatchObject({ status: 409, messageKey: "problems.alreadyRetired" });

    // Restoring with the version from before the retirement is stale.
    expect(await rejection(setRetired(d.id, 1, false))).toMatchObject({ status: 409, currentVersion: 2 });
    const restored = await setRetired(d.id, 2, false);
    expect(restored).toMatchObject({ retiredAt: null, version: 3 });
    const again = await rejection(setRetired(d.id, 3, false));
    expect(again).toMatchObject({ status: 409, messageKey: "problems.notRetired" });

    expect((await trail(d.id)).map((t) => t.action)).toEqual(["retire", "restore"]);
  });

  it("runs the module's check after the state and version checks, and can write more columns", async () => {
    const d = await newDepartment("VW7");
    const actor = (await signInAs("privacy_manager"))!;
    const db = await getDb();
    const refused = await rejection(
      db.transaction((tx) =>
        setRetiredVersioned(tx, actor, {
          table: departments,
          entity: "department",
          id: d.id,
          version: 1,
          retire: true,
          check: () => {
            throw new ConflictError("departments.errors.hasActiveEmployees", { count: 3 });
          },
        }),
      ),
    );
    expect(refused).toMatchObject({ status: 409, messageKey: "departments.errors.hasActiveEmployees" });
    const done = await db.transaction((tx) =>
      setRetiredVersioned(tx, actor, { table: departments, entity: "department", id: d.id, version: 1, retire: true, set: () => ({ name: "closed" }) }),
    );
    expect(done).toMatchObject({ name: "closed", version: 2 });
    expect(done.retiredAt).not.toBeNull();
    expect((await trail(d.id)).map((t) => t.action)).toEqual(["retire"]);
  });
});
