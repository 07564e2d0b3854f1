import { getDb } from "@/db";
import { seedDemo } from "@/db/seed/demo";
import { todayInTokyo } from "@/lib/dates";

/** The day the tests generated from the OpenAPI document seed the demo data for (tests/support/openapi-ops.ts). */
export const DEMO_TODAY = "2026-11-24";

/**
 * The days for which tests/support/db-template.ts makes a copy of the migrated database with the demo
 * data already seeded, once per run: the OpenAPI tests' day and today in Tokyo, the two days the test
 * files seed for. The demo data depends on nothing else (db/seed/demo.ts: deterministic for a `today`).
 */
export function demoTemplateDays(): string[] {
  return [...new Set([DEMO_TODAY, todayInTokyo()])];
}

type TestDb = { started: () => boolean; open: (demoDay?: string) => Promise<{ demo: boolean }> };

/**
 * Opens this file's database (tests/support/setup-integration.ts opens it on first use) as a copy of
 * the run's demo template of `today` when there is one; true when it did so, so that nothing has
 * written to it yet. False when the database is already open, or there is no such template.
 */
export async function openWithDemoData(today: string): Promise<boolean> {
  const testDb = (globalThis as unknown as { __pmsTestDb?: TestDb }).__pmsTestDb;
  if (!testDb || testDb.started()) return false;
  return (await testDb.open(today)).demo;
}

/**
 * The demo data as of `today`, as `seedDemo(db, { today })` leaves it (which it calls when it must):
 * called first in a file, the file's database starts as a copy of the run's seeded template of that
 * day instead (about 0.3 s instead of a seed's 2 s, docs/testing.md).
 */
export async function seedDemoData(today: string): Promise<void> {
  if (await openWithDemoData(today)) return;
  await seedDemo(await getDb(), { today });
}
