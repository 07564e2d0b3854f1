import { describe, expect, it } from "vitest";
import { blockingAppointments, exclusionPairs, findHoldingConflicts, termOverlap, type HeldPost } from "./exclusions";

const CPO = 1;
const AUDIT = 2;
const EDU = 3;
/** Only the 監査責任者 names the other post: the exclusion holds both ways. */
const posts = [
  { id: CPO, exclusiveWith: [] },
  { id: AUDIT, exclusiveWith: [CPO] },
  { id: EDU, exclusiveWith: [] },
];

let nextId = 1;
function appt(postId: number, person: string, fromDate: string, toDate: string | null = null): HeldPost {
  const [personType, id] = person.split(":") as ["user" | "employee", string];
  return { id: nextId++, postId, personType, personId: Number(id), fromDate, toDate };
}

describe("termOverlap", () => {
  it("gives the shared days, inclusive ends and open ends", () => {
    expect(termOverlap({ fromDate: "2026-04-01", toDate: null }, { fromDate: "2026-01-01", toDate: "2026-04-01" })).toEqual({ fromDate: "2026-04-01", toDate: "2026-04-01" });
    expect(termOverlap({ fromDate: "2026-04-01", toDate: null }, { fromDate: "2025-01-01", toDate: null })).toEqual({ fromDate: "2026-04-01", toDate: null });
    expect(termOverlap({ fromDate: "2026-04-02", toDate: null }, { fromDate: "2026-01-01", toDate: "2026-04-01" })).toBeNull();
  });
});

describe("exclusionPairs", () => {
  it("is symmetric and ignores a post naming itself", () => {
    expect([...exclusionPairs([{ id: 5, exclusiveWith: [2, 5] }, { id: 2, exclusiveWith: [5] }])]).toEqual(["2:5"]);
  });
});

describe("findHoldingConflicts", () => {
  it("finds the same user in two excluded posts whose terms overlap, with the shared days", () => {
    const a = appt(CPO, "user:7", "2024-04-01");
    const b = appt(AUDIT, "user:7", "2025-04-01", "2026-03-31");
    const c = findHoldingConflicts([b, a], posts);
    expect(c).toEqual([{ a, b, overlap: { fromDate: "2025-04-01", toDate: "2026-03-31" } }]);
  });

  it("ignores posts not excluded, other people, a user and an employee with the same id, and terms that only touch", () => {
    const list = [
      appt(CPO, "user:7", "2024-04-01", "2025-03-31"),
      appt(EDU, "user:7", "2024-04-01"),
      appt(AUDIT, "user:8", "2024-04-01"),
      appt(AUDIT, "employee:7", "2024-04-01"),
      appt(AUDIT, "user:7", "2025-04-01"),
    ];
    expect(findHoldingConflicts(list, posts)).toEqual([]);
  });

  it("on a day: only the conflicts that cover it; within a term: those that meet it", () => {
    const a = appt(CPO, "employee:3", "2024-04-01", "2024-09-30");
    const b = appt(AUDIT, "employee:3", "2024-07-01");
    expect(findHoldingConflicts([a, b], posts, { on: "2024-09-30" })).toHaveLength(1);
    expect(findHoldingConflicts([a, b], posts, { on: "2024-10-01" })).toEqual([]);
    expect(findHoldingConflicts([a, b], posts, { within: { fromDate: "2024-10-01", toDate: null } })).toEqual([]);
    expect(findHoldingConflicts([a, b], posts, { within: { fromDate: "2023-01-01", toDate: "2024-07-01" } })).toHaveLength(1);
  });

  it("finds nothing without exclusions", () => {
    expect(findHoldingConflicts([appt(CPO, "user:1", "2024-04-01"), appt(AUDIT, "user:1", "2024-04-01")], [])).toEqual([]);
  });
});

describe("blockingAppointments", () => {
  const held = appt(CPO, "user:7", "2024-04-01", "2026-03-31");
  it("names the excluded post's appointment whose term meets the candidate's", () => {
    expect(blockingAppointments({ postId: AUDIT, personType: "user", personId: 7, fromDate: "2026-03-31", toDate: null }, [held], posts)).toEqual([held]);
  });
  it("lets the person take it after the other term ends, and lets others take it", () => {
    expect(blockingAppointments({ postId: AUDIT, personType: "user", personId: 7, fromDate: "2026-04-01", toDate: null }, [held], posts)).toEqual([]);
    expect(blockingAppointments({ postId: AUDIT, personType: "employee", personId: 7, fromDate: "2024-04-01", toDate: null }, [held], posts)).toEqual([]);
  });
  it("leaves out the appointment being changed", () => {
    expect(blockingAppointments({ id: held.id, postId: AUDIT, personType: "user", personId: 7, fromDate: "2024-04-01", toDate: null }, [held], posts)).toEqual([]);
  });
});
