import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { auditLog, courses, departments, employees, settings, trainingRecords, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { announced } from "@/tests/support/announced";
import type { DbTemplate, ReadyTemplates } from "@/tests/support/db-template";
import { dumpPglite, migratedTemplatePglite, pgliteFromBlob, pgliteFromDump } from "@/tests/support/pglite";
import { DEMO_PASSWORD, seedDemo, tokyoToday } from "./demo";

const TODAY = "2026-11-24";

type Handle = Awaited<ReturnType<typeof migratedTemplatePglite>>;
let handle: Handle;
let db: Db;
/**
 * The second database of the determinism test: another seed of TODAY's demo data into another copy of
 * the migrated database. This file runs in the project `unit-db` (vitest.config.ts), whose global setup
 * (tests/support/db-template.ts) migrates one in-memory database and seeds a copy of it for TODAY in
 * the main process, as it does for the integration files: this file loads those dumps (docs/testing.md)
 * instead of running initdb, migrating and seeding a second time itself. Where that template is not an
 * in-memory one (DATABASE_URL set), it migrates its own, and seeds a copy of it here.
 */
let secondSeed: () => Promise<Handle>;

beforeAll(async () => {
  const ready = await announced<ReadyTemplates>("ready", "The migrated template database");
  if ("pglite" in ready) {
    handle = await pgliteFromDump(ready.pglite);
    if (ready.demoDays.includes(TODAY)) {
      secondSeed = async () => pgliteFromDump(((await announced<DbTemplate>(`demo-${TODAY}`, `The template with the demo data of ${TODAY}`)) as { pglite: string }).pglite);
    }
  } else {
    handle = await migratedTemplatePglite();
  }
  db = handle.db;
  if (!secondSeed) {
    const migrated = new Blob([new Uint8Array(await dumpPglite(handle))]);
    secondSeed = async () => {
      const other = await pgliteFromBlob(migrated);
      await seedDemo(other.db, { today: TODAY });
      return other;
    };
  }
}, 120_000);

afterAll(async () => {
  await handle?.close();
});

async function tableCounts() {
  const count = async (t: PgTable) => (await db.select({ n: sql<number>`count(*)::int` }).from(t))[0].n;
  return {
    users: await count(users),
    departments: await count(departments),
    employees: await count(employees),
    courses: await count(courses),
    trainingRecords: await count(trainingRecords),
    settings: await count(settings),
    auditLog: await count(auditLog),
  };
}

describe("seedDemo", () => {
  let first: Awaited<ReturnType<typeof seedDemo>>;

  it("loads the demo company", async () => {
    first = await seedDemo(db, { today: TODAY });
    expect(first.created).toBe(true);

    const us = await db.select().from(users).orderBy(users.email);
    expect(us.map((u) => [u.email, u.role, u.isDemo])).toEqual([
      ["auditor@example.com", "auditor", true],
      ["executive@example.com", "executive", true],
      ["hr@example.com", "hr", true],
      ["manager@example.com", "privacy_manager", true],
    ]);
    expect(us.find((u) => u.role === "privacy_manager")!.name).toBe("佐藤 恵子");
    // One hash, shared: hashed once, and it is the demo password.
    expect(new Set(us.map((u) => u.passwordHash)).size).toBe(1);
    expect(await verifyPassword(DEMO_PASSWORD, us[0].passwordHash!)).toBe(true);

    const depts = await db.select().from(departments);
    expect(depts.filter((d) => !d.retiredAt)).toHaveLength(9); // 8 staffed + 新規事業準備室 (nobody yet)
    expect(depts.filter((d) => d.retiredAt).map((d) => [d.id, d.code])).toEqual([[10, "D90"]]);
    expect(depts.find((d) => d.code === "D09")!.id).toBe(9);
    const allEmps = await db.select().from(employees);
    expect(allEmps.filter((e) => e.retiredAt).map((e) => [e.id, e.employeeNumber])).toEqual([[121, "E9001"]]);
    const emps = allEmps.filter((e) => !e.retiredAt);
    expect(emps.length).toBeGreaterThanOrEqual(110);
    expect(emps.length).toBeLessThanOrEqual(130);
    expect(emps.every((e) => /^E\d{4}$/.test(e.employeeNumber) && / /.test(e.name))).toBe(true);
    expect(emps.filter((e) => e.leaveDate !== null && e.leaveDate < TODAY).length).toBeGreaterThanOrEqual(3);
    expect(emps.filter((e) => e.exemptionReason).map((e) => e.exemptionReason).sort()).toEqual(["休職", "育児休業"]);
    expect(emps.filter((e) => e.employmentType === "executive").length).toBeGreaterThanOrEqual(3);
    expect(emps.filter((e) => e.hireDate > addDays(TODAY, -60)).length).toBe(8);
    expect(emps.every((e) => e.hireDate <= TODAY && e.hireDate >= addDays(TODAY, -15 * 366))).toBe(true);

    const allCourses = await db.select().from(courses);
    expect(allCourses.filter((c) => c.retiredAt).map((c) => [c.id, c.code])).toEqual([[6, "PI-BASIC-2022"]]);
    const cs = allCourses.filter((c) => !c.retiredAt);
    expect(cs.map((c) => c.code).sort()).toEqual(["CS-HANDLING", "INCIDENT-DRILL", "PI-BASIC", "PMS-INTRO", "SEC-AWARE"]);
    const cs2 = cs.find((c) => c.code === "CS-HANDLING")!;
    expect(cs2.audienceAll).toBe(false);
    expect(cs2.audienceDepartmentIds).toHaveLength(2);

    const allRecs = await db.select().from(trainingRecords);
    expect(allRecs.filter((r) => r.retiredAt).map((r) => r.id)).toEqual([1]);
    const recs = allRecs.filter((r) => !r.retiredAt);
    expect(recs.length).toBeGreaterThan(300);
    expect(recs.every((r) => r.completedOn <= TODAY)).toBe(true);
    expect(recs.some((r) => !r.passed)).toBe(true);
    const keys = recs.map((r) => `${r.employeeId}|${r.courseId}|${r.completedOn}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Every record is by a person who worked here then, and the comprehension check agrees with the score.
    const byId = new Map(emps.map((e) => [e.id, e]));
    for (const r of recs) {
      const e = byId.get(r.employeeId)!;
      expect(r.completedOn > e.hireDate).toBe(true);
      if (e.leaveDate) expect(r.completedOn < e.leaveDate).toBe(true);
      const c = cs.find((x) => x.id === r.courseId)!;
      if (c.passMark === null) expect([r.score, r.passed]).toEqual([null, true]);
      else expect(r.passed).toBe(r.score! >= c.passMark);
    }

    const [marker] = await db.select().from(settings).where(sql`${settings.key} = 'demo_seeded'`);
    expect(marker.value).toBe(true);
    // The fiscal year setting is left to its default (April) until the privacy manager saves one.
    const [org] = await db.select().from(settings).where(sql`${settings.key} = 'fiscal_year_start_month'`);
    expect(org).toBeUndefined();
    // The organisation's name and representative are entered (version 1), so the report's cover names RUFT.
    const [organization] = await db.select().from(settings).where(sql`${settings.key} = 'organization'`);
    expect(organization).toMatchObject({ value: { name: "RUFT株式会社", representative: "代表取締役 田中 誠" }, version: 1 });
    const trail = await db.select().from(auditLog);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: "create", entity: "demo_seed" });
    expect(first.counts).toMatchObject({ users: 4, departments: 10, courses: 6, employees: allEmps.length, trainingRecords: allRecs.length });
  }, 60_000);

  it("gives the dashboard a realistic mix of statuses", async () => {
    const mix = await statusMix(db, TODAY);
    const required = mix.compliant + mix.due_soon + mix.overdue + mix.pending;
    expect(mix.compliant / required).toBeGreaterThan(0.6);
    expect(mix.compliant / required).toBeLessThan(0.82);
    expect(mix.due_soon / required).toBeGreaterThan(0.05);
    expect(mix.overdue / required).toBeGreaterThan(0.08);
    expect(mix.overdue / required).toBeLessThan(0.25);
    expect(mix.exempt).toBeGreaterThan(0);
  });

  it("adds nothing when run again", async () => {
    const before = await tableCounts();
    const again = await seedDemo(db, { today: TODAY });
    expect(again.created).toBe(false);
    expect(await tableCounts()).toEqual(before);
  });

  it("is deterministic for a given day", async () => {
    const other = await secondSeed();
    try {
      // What each seed returned is in its audit row, with the day it was seeded for.
      const seeded = async (d: Db) => (await d.select({ after: auditLog.after }).from(auditLog).where(eq(auditLog.entity, "demo_seed"))).map((r) => r.after);
      expect(await seeded(db)).toEqual([{ ...first.counts, today: TODAY }]);
      expect(await seeded(other.db)).toEqual(await seeded(db));
      expect(await fingerprint(other.db)).toEqual(await fingerprint(db));
    } finally {
      await other.close();
    }
  }, 120_000);

  it("uses Tokyo's date by default", () => {
    // 2026-11-24 15:30 UTC is already the 25th in Tokyo.
    expect(tokyoToday(new Date("2026-11-24T15:30:00Z"))).toBe("2026-11-25");
  });
});

/**
 * The status of each (active employee × required course) by the rules of docs/domain.md §1, computed
 * here independently of lib/ so that the seed's promise (a realistic mix) is checked on its own.
 * `pending`: never done, but the due date for a new joiner has not passed yet.
 */
async function statusMix(db: Db, today: string) {
  const emps = await db.select().from(employees);
  const cs = await db.select().from(courses);
  const recs = await db.select().from(trainingRecords);
  const latestPass = new Map<string, string>();
  for (const r of recs) {
    if (!r.passed || r.retiredAt || r.completedOn > today) continue;
    const k = `${r.employeeId}|${r.courseId}`;
    if ((latestPass.get(k) ?? "") < r.completedOn) latestPass.set(k, r.completedOn);
  }
  const mix = { compliant: 0, due_soon: 0, overdue: 0, pending: 0, exempt: 0 };
  for (const e of emps) {
    if (e.retiredAt || (e.leaveDate && e.leaveDate <= today) || e.hireDate > today) continue;
    for (const c of cs) {
      if (c.retiredAt || c.requiredFrom > today) continue;
      const applies =
        c.audienceAll ||
        ((c.audienceDepartmentIds.length === 0 || c.audienceDepartmentIds.includes(e.departmentId)) &&
          (c.audienceEmploymentTypes.length === 0 || c.audienceEmploymentTypes.includes(e.employmentType)));
      if (!applies) continue;
      if (e.exemptionReason) {
        mix.exempt++;
        continue;
      }
      const last = latestPass.get(`${e.id}|${c.id}`);
      if (!last) {
        const due = addDays(e.hireDate > c.requiredFrom ? e.hireDate : c.requiredFrom, c.newHireDueDays);
        mix[due < today ? "overdue" : "pending"]++;
      } else if (c.recurrenceMonths === null) {
        mix.compliant++;
      } else {
        const expires = addMonths(last, c.recurrenceMonths);
        mix[expires <= today ? "overdue" : expires <= addDays(today, 30) ? "due_soon" : "compliant"]++;
      }
    }
  }
  return mix;
}

/** Everything that makes up the demo records, in a stable order (ids aside). */
async function fingerprint(d: Db) {
  const rows = await d
    .select({
      number: employees.employeeNumber,
      name: employees.name,
      hire: employees.hireDate,
      course: courses.code,
      on: trainingRecords.completedOn,
      score: trainingRecords.score,
      method: trainingRecords.method,
    })
    .from(trainingRecords)
    .innerJoin(employees, eq(employees.id, trainingRecords.employeeId))
    .innerJoin(courses, eq(courses.id, trainingRecords.courseId));
  return rows.map((r) => JSON.stringify(r)).sort();
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}
