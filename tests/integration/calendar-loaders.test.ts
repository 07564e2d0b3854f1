import { beforeAll, describe, expect, it } from "vitest";
import { listCalendarEvents, trainingDueRows } from "@/db/queries/calendar";
import { listContractorsForExport } from "@/db/queries/contractors";
import { exportContractorsQuery } from "@/lib/contractors/schema";
import { exportTrainingStatusRows, pairSourceFor } from "@/db/queries/training-status";
import { contractorEvents, selectEvents, trainingEvents } from "@/lib/calendar/events";
import { addDays, addMonths, todayInTokyo } from "@/lib/dates";
import { exportTrainingStatusQuery } from "@/lib/training/status-query";
import { seedDemoData } from "../support/demo-data";

/**
 * The calendar's training deadlines are counted per course and day in the database (trainingDueRows)
 * instead of reading every pair of the status list; the events must be the ones trainingEvents made
 * from the status list's own rows (its default scope, as of today), within each range asked for. The
 * contractor assessments are read without building the register's rows: the events must be the ones
 * the register's rows gave.
 */
const today = todayInTokyo();

beforeAll(async () => {
  // A copy of the run's seeded demo template when there is one for today (tests/support/demo-data.ts).
  await seedDemoData(today);
});

describe("calendar training deadlines", () => {
  // Today: from training_current_status; a day with passing completions after it: from the records (judgedPairs).
  it.each([
    ["today", today, "current"],
    ["a day before later completions", addMonths(today, -2), "records"],
  ])("are the status list's rows grouped per course and day, for the month grid, the feed's range and a wide one (%s)", async (_label, today, source) => {
    expect(await pairSourceFor(today, today)).toBe(source);
    const { rows } = await exportTrainingStatusRows(exportTrainingStatusQuery.parse({}), today);
    const fromList = trainingEvents(
      rows.map((r) => ({ courseId: r.course.id, courseCode: r.course.code, courseTitle: r.course.title, dueOn: r.dueOn, status: r.status })),
      today,
    );
    const ranges = [
      { from: addDays(today, -7), to: addDays(today, 35) },
      { from: addMonths(today, -3), to: addMonths(today, 12) },
      { from: addMonths(today, -60), to: addMonths(today, 60) },
    ];
    let seen = 0;
    for (const r of ranges) {
      const expected = selectEvents(fromList, r.from, r.to, ["training"]);
      const actual = selectEvents(trainingEvents(await trainingDueRows(r, today), today), r.from, r.to, ["training"]);
      expect(actual, `${r.from}…${r.to}`).toEqual(expected);
      seen += expected.length;
    }
    expect(seen, "the demo has training deadlines in these ranges").toBeGreaterThan(0);
  });

  it.each([
    ["a wide range", { from: addMonths(today, -60), to: addMonths(today, 60) }],
    ["the month grid", { from: addDays(today, -7), to: addDays(today, 35) }],
  ])("contractor assessments: the register's rows (latest assessment's next due day, contractors in use) for %s", async (_label, r) => {
    const rows = await listContractorsForExport(exportContractorsQuery.parse({}), today);
    const expected = selectEvents(
      contractorEvents(
        rows.map((c) => ({ id: c.id, name: c.name, status: c.status, nextDueOn: c.latest?.nextDueOn ?? null })),
        today,
      ),
      r.from,
      r.to,
      ["contractor"],
    );
    if (r.from < addMonths(today, -12)) expect(expected.length, "the demo has contractors due").toBeGreaterThan(0);
    const { items } = await listCalendarEvents({ role: "privacy_manager" }, r, ["contractor"], today);
    expect(items).toEqual(expected);
  });
});
