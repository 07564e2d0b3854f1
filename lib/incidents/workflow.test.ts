import { describe, expect, it } from "vitest";
import { INCIDENT_STATUSES, nextStatus, transitionProblem, type IncidentStatus } from "./workflow";

describe("incident workflow", () => {
  it("goes forward one step at a time", () => {
    expect(INCIDENT_STATUSES.map(nextStatus)).toEqual(["investigating", "contained", "resolved", "closed", null]);
  });

  it.each<[IncidentStatus, IncidentStatus, number, string | null]>([
    ["reported", "investigating", 0, null],
    ["investigating", "contained", 0, null],
    ["contained", "resolved", 3, null],
    ["resolved", "closed", 0, null],
    ["resolved", "closed", 1, "openCorrectiveActions"],
    ["reported", "contained", 0, "notNextStep"],
    ["reported", "closed", 0, "notNextStep"],
    ["contained", "investigating", 0, "notNextStep"],
    ["reported", "reported", 0, "notNextStep"],
    ["closed", "reported", 0, "closedAlready"],
    ["closed", "closed", 0, "closedAlready"],
  ])("%s → %s with %i open actions: %s", (from, to, open, problem) => {
    expect(transitionProblem(from, to, open)).toBe(problem);
  });
});
