import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { assessments, contractorCertifications, contractors } from "@/db/schema";
import { contractorStats, listContractors, listContractorsForExport } from "@/db/queries/contractors";
import { fiscalYearMonths, fiscalYearOf } from "@/lib/fiscal-year";
import { CONTRACTOR_FLAGS } from "@/lib/contractors/rules";
import { CONTRACTOR_SORTS, listContractorsQuery, type ContractorDto } from "@/lib/contractors/schema";
import { addDays, todayInTokyo } from "@/lib/dates";
import { rowsOf } from "../support/openapi-ops";
import { seedDemoData } from "../support/demo-data";

/**
 * The contractors list filters, sorts and pages in SQL (listContractors); the export judges every
 * contractor with the rule of lib/contractors/rules.ts and filters and sorts in JS (filteredRegister).
 * For every filter and sort, the pages put together must be the export: the same contractors in the
 * same order. Names sort by ICU Japanese where the database has it (Postgres) as Intl.Collator("ja")
 * does; without it (PGlite) names sort by code point, so there only the members and the sort key's
 * sequence are compared.
 */
const today = todayInTokyo();
let icu = false;

async function pagesOf(query: Record<string, string>, pageSize: number): Promise<{ items: ContractorDto[]; total: number }> {
  const items: ContractorDto[] = [];
  let total = -1;
  for (let page = 1; page < 100; page++) {
    const q = listContractorsQuery.parse({ ...query, page: String(page), pageSize: String(pageSize) });
    const res = await listContractors(q, today);
    if (total === -1) total = res.total;
    expect(res.total, `${JSON.stringify(query)} p.${page}: total`).toBe(total);
    items.push(...res.items);
    if (res.items.length < pageSize) break;
  }
  return { items, total };
}

const sortKey = (sort: string, c: ContractorDto) =>
  sort === "status" ? c.status : sort === "contractStart" ? c.contractStart : sort === "nextDueOn" ? (c.latest?.nextDueOn ?? null) : sort === "latestTotal" ? (c.latest?.totalPercent ?? null) : c.name;

async function expectSame(query: Record<string, string>) {
  const what = JSON.stringify(query);
  const reference = await listContractorsForExport(listContractorsQuery.omit({ page: true, pageSize: true }).parse(query), today);
  const { items, total } = await pagesOf(query, 7);
  expect(total, `${what}: total`).toBe(reference.length);
  expect(items.map((c) => c.id).sort((a, b) => a - b), `${what}: members`).toEqual(reference.map((c) => c.id).sort((a, b) => a - b));
  const sort = query.sort ?? "name";
  if (icu) expect(items.map((c) => c.id), `${what}: order`).toEqual(reference.map((c) => c.id));
  else if (sort !== "name") expect(items.map((c) => sortKey(sort, c)), `${what}: sort key sequence`).toEqual(reference.map((c) => sortKey(sort, c)));
  // The rows themselves are the rule's (withFacts).
  const byId = new Map(reference.map((c) => [c.id, c]));
  for (const c of items) expect(c, `${what}: row ${c.id}`).toEqual(byId.get(c.id));
  return reference.length;
}

beforeAll(async () => {
  await seedDemoData(today);
  const db = await getDb();
  icu = rowsOf(await db.execute(sql`select 1 from pg_collation where collname = 'ja-x-icu'`)).length > 0;
  // Every flag present at least once, and the edges of the rule: a contract starting before any
  // assessment, an expired certificate, an approved contractor whose newest result is conditional,
  // a withdrawn newest assessment, a contract that ended, an assessment due today (not overdue).
  const all = await db.select().from(contractors).orderBy(contractors.id);
  const approved = all.filter((c) => c.status === "approved");
  expect(approved.length).toBeGreaterThan(4);
  await db.update(contractors).set({ contractStart: "2001-04-01" }).where(eq(contractors.id, approved[0].id));
  await db.insert(contractorCertifications).values({ contractorId: approved[1].id, kind: "isms", number: "IS-TEST-1", expiresOn: addDays(today, -1) });
  const [newest] = await db.select().from(assessments).where(eq(assessments.contractorId, approved[2].id)).orderBy(sql`${assessments.assessedOn} desc, ${assessments.id} desc`).limit(1);
  if (newest) await db.update(assessments).set({ result: "conditional" }).where(eq(assessments.id, newest.id));
  const [other] = await db.select().from(assessments).where(eq(assessments.contractorId, approved[3].id)).orderBy(sql`${assessments.assessedOn} desc, ${assessments.id} desc`).limit(1);
  if (other) await db.update(assessments).set({ withdrawnAt: new Date(), nextDueOn: addDays(today, -30) }).where(eq(assessments.id, other.id));
  await db.update(contractors).set({ contractEnd: addDays(today, -1) }).where(eq(contractors.id, approved[4].id));
  await db.update(contractors).set({ name: approved[0].name }).where(eq(contractors.id, approved[4].id)); // a name shared: ties broken by id
});

describe("the contractors list in SQL equals the rule's own filtering and sorting", () => {
  it("every flag filter, with every sort both ways", async () => {
    for (const flag of [undefined, "any", ...CONTRACTOR_FLAGS]) {
      const n = await expectSame(flag ? { flag } : {});
      if (flag) expect(n, `some contractor has ${flag}`).toBeGreaterThan(0);
      for (const sort of CONTRACTOR_SORTS) for (const dir of ["asc", "desc"]) await expectSame({ ...(flag ? { flag } : {}), sort, dir });
    }
  });

  it("latest result, due month, status, text and retired filters", async () => {
    for (const result of ["none", "approved", "conditional", "rejected"]) await expectSame({ result, sort: "nextDueOn" });
    const months = new Set((await listContractorsForExport(listContractorsQuery.omit({ page: true, pageSize: true }).parse({}), today)).map((c) => c.latest?.nextDueOn.slice(0, 7)).filter(Boolean));
    expect(months.size).toBeGreaterThan(1);
    for (const dueMonth of months) expect(await expectSame({ dueMonth: dueMonth!, sort: "latestTotal", dir: "desc" })).toBeGreaterThanOrEqual(0);
    for (const status of ["candidate", "approved", "conditional", "suspended", "terminated"]) await expectSame({ status, sort: "status" });
    await expectSame({ q: "株式会社", flag: "any" });
    await expectSame({ includeRetired: "true", sort: "contractStart", dir: "desc" });
  });

  it("a page past the end answers no rows and the true total", async () => {
    const q = listContractorsQuery.parse({ page: "999", pageSize: "10" });
    const res = await listContractors(q, today);
    expect(res.items).toEqual([]);
    expect(res.total).toBe((await listContractorsForExport(listContractorsQuery.omit({ page: true, pageSize: true }).parse({}), today)).length);
  });

  it("the register's stats equal the rule's flags and results counted over the export", async () => {
    const all = (await listContractorsForExport(listContractorsQuery.omit({ page: true, pageSize: true }).parse({}), today)).filter((c) => c.status !== "terminated");
    const fy = fiscalYearOf(today, 4);
    const results: Record<string, number> = { approved: 0, conditional: 0, rejected: 0, none: 0 };
    const statuses: Record<string, number> = {};
    const flags: Record<string, number> = {};
    for (const c of all) {
      results[c.latest?.result ?? "none"]++;
      statuses[c.status] = (statuses[c.status] ?? 0) + 1;
      for (const f of c.flags) flags[f] = (flags[f] ?? 0) + 1;
    }
    const dueByMonth = fiscalYearMonths(fy, 4).map((m) => ({
      month: m,
      count: all.filter((c) => (c.status === "approved" || c.status === "conditional") && c.latest?.nextDueOn.slice(0, 7) === m).length,
    }));
    expect(Object.keys(flags).length).toBe(CONTRACTOR_FLAGS.length);
    expect(await contractorStats(fy, 4, today)).toEqual({ fiscalYear: fy, results, statuses, flags, flagged: all.filter((c) => c.flags.length).length, dueByMonth });
  });
});
