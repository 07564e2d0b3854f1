import { describe, expect, it } from "vitest";
import { getDb, getDbKind } from "@/db";
import { seedLarge } from "@/db/seed/large/seed";
import { registerRisks } from "@/db/schema";
import { listItems } from "@/db/queries/register";
import { isRegisterReviewOverdue, nextRegisterReviewDue } from "@/lib/register/review";
import { listItemsQuery } from "@/lib/register/schema";

/**
 * The register's share of the large seed (db/seed/large/register.ts) at a small factor: 2,000 items and
 * 10,000 risks × factor, next review dates by the rule, and the list's SQL overdue filter agreeing with
 * the rule on every item.
 */
const TODAY = "2026-11-24";
const FACTOR = 0.02;

describe("the large seed's register", () => {
  it("holds 2,000 × factor items with 5 risks each, due dates by the rule, and the overdue filter agrees", async () => {
    const db = await getDb();
    await seedLarge(db, await getDbKind(), { today: TODAY, factor: FACTOR });
    const all = await listItems(listItemsQuery.parse({ status: "all", pageSize: 200 }), TODAY);
    expect(all.total).toBe(40);
    // Every item has one risk per lifecycle stage (a retired item's risks are retired with it).
    expect(await db.$count(registerRisks)).toBe(200);
    expect(all.items.filter((i) => !i.retiredAt).every((i) => i.riskCount === 5)).toBe(true);
    for (const i of all.items) {
      expect(i.nextReviewDueOn).toBe(nextRegisterReviewDue({ lastReviewedOn: i.lastReviewedOn, registeredOn: tokyoDate(i.createdAt), reviewIntervalMonths: 12 }));
    }
    const overdue = await listItems(listItemsQuery.parse({ overdue: "true", pageSize: 200 }), TODAY);
    const expected = all.items.filter((i) => isRegisterReviewOverdue(i.nextReviewDueOn, TODAY, i.retiredAt !== null)).map((i) => i.id);
    expect(overdue.items.map((i) => i.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(expected.length).toBeGreaterThan(0);
  });
});

function tokyoDate(iso: string): string {
  return new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
