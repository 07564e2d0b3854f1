import { describe, expect, it } from "vitest";
import {
  AUDIT_PART_WEIGHTS,
  auditIndicator,
  bandOf,
  complianceScore,
  incidentDeadlineWindow,
  SCORE_INDICATORS,
  SCORE_WEIGHTS,
  share,
  shareOrPerfect,
  type IndicatorValues,
} from "./score";
import { pmarkIndicator } from "./pmark-indicator";
import { computeReportingClocks, isPastDue, reportingObligations } from "@/lib/incidents/reporting";

const all = (v: number | null): IndicatorValues => Object.fromEntries(SCORE_INDICATORS.map((k) => [k, v])) as IndicatorValues;

describe("complianceScore", () => {
  it("weights add up to 100 and the audit parts to 1", () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(Object.values(AUDIT_PART_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it("all perfect is 100 (good), all zero is 0 (critical)", () => {
    expect(complianceScore(all(1))).toMatchObject({ score: 100, band: "good" });
    expect(complianceScore(all(0))).toMatchObject({ score: 0, band: "critical" });
  });

  it("no indicator with a value: no score, no band", () => {
    expect(complianceScore(all(null))).toMatchObject({ score: null, band: null });
  });

  it("an indicator without a value is left out and the others count in proportion", () => {
    const v = { ...all(1), training: null, pmark: 0 };
    // pmark weighs 10 of the remaining 70.
    expect(complianceScore(v).score).toBe(Math.round(100 * (60 / 70)));
    expect(complianceScore(v).points.training).toBeNull();
  });

  it("weights each indicator by its points", () => {
    const v = { ...all(1), training: 0.5 };
    expect(complianceScore(v).score).toBe(85);
    expect(complianceScore(v).points.training).toBe(15);
  });

  it("clamps values outside 0..1", () => {
    expect(complianceScore({ ...all(1), training: 1.7 }).score).toBe(100);
    expect(complianceScore({ ...all(0), training: -3 }).score).toBe(0);
  });
});

describe("bands at their edges", () => {
  it.each([
    [100, "good"],
    [85, "good"],
    [84, "attention"],
    [70, "attention"],
    [69, "critical"],
    [0, "critical"],
  ] as const)("%i → %s", (score, band) => expect(bandOf(score)).toBe(band));
  it("84.5 rounds to 85: good", () => {
    // training 0.4833…: 30 × 0.48333 = 14.5 → 84.5 points in all.
    expect(complianceScore({ ...all(1), training: 14.5 / 30 })).toMatchObject({ score: 85, band: "good" });
  });
});

describe("shares", () => {
  it("share is null with nothing to measure; shareOrPerfect is 1", () => {
    expect(share(0, 0)).toBeNull();
    expect(shareOrPerfect(0, 0)).toBe(1);
    expect(share(3, 4)).toBe(0.75);
    expect(shareOrPerfect(1, 4)).toBe(0.25);
  });
  it("audit indicator is the weighted mean of its parts", () => {
    expect(auditIndicator({ internalAudit: 1, managementReview: 1, correctiveActions: 1 })).toBeCloseTo(1, 10);
    expect(auditIndicator({ internalAudit: 1, managementReview: 0, correctiveActions: 0.5 })).toBeCloseTo(0.55, 10);
  });
});

describe("pmarkIndicator", () => {
  const cert = { validFrom: "2025-09-01", validTo: "2027-08-31", recordedOn: "2025-08-20" };
  it("valid before and inside the renewal window", () => {
    expect(pmarkIndicator([cert], "2026-06-01")).toBe(1);
    expect(pmarkIndicator([cert], "2027-04-30")).toBe(1); // window closes 2027-04-30 (inclusive)
  });
  it("window closed without a successor: 0.5; with one recorded: 1", () => {
    expect(pmarkIndicator([cert], "2027-05-01")).toBe(0.5);
    const next = { validFrom: "2027-09-01", validTo: "2029-08-31", recordedOn: "2027-06-10" };
    expect(pmarkIndicator([cert, next], "2027-05-01")).toBe(0.5); // not yet recorded then
    expect(pmarkIndicator([cert, next], "2027-06-10")).toBe(1);
  });
  it("expired, not yet valid, or none: 0", () => {
    expect(pmarkIndicator([cert], "2027-09-01")).toBe(0);
    expect(pmarkIndicator([cert], "2025-08-31")).toBe(0);
    // Entered later than it became valid: it was valid all the same.
    expect(pmarkIndicator([{ ...cert, recordedOn: "2026-11-25" }], "2026-04-30")).toBe(1);
    expect(pmarkIndicator([], "2026-01-01")).toBe(0);
  });
});

describe("incidentDeadlineWindow: the score judges a deadline by the incident list's rule (issue 14)", () => {
  it("a report due today is neither on time nor missed; yesterday's deadline has passed", () => {
    const today = "2026-12-01";
    const w = incidentDeadlineWindow(today);
    expect(w).toEqual({ after: "2025-12-01", through: "2026-11-30" });
    // The same day boundary as reportingObligations(): due today → due_soon (0 days left), due yesterday → late.
    const clocks = computeReportingClocks({ discoveredAt: "2026-11-26", sensitiveData: false, financialLoss: false, wrongfulPurpose: false, encrypted: false, personsAffected: 0 });
    const none = { ppcPreliminaryReportedOn: null, ppcFinalReportedOn: null, pmarkPreliminaryReportedOn: null, pmarkFinalReportedOn: null, personsNotifiedOn: null };
    for (const day of ["2026-12-01", "2026-12-02"]) {
      const o = reportingObligations(clocks, none, day).find((x) => x.key === "pmarkPreliminary")!;
      const { after, through } = incidentDeadlineWindow(day);
      expect(o.dueOn > after && o.dueOn <= through, day).toBe(o.state === "late");
      expect(isPastDue(o.dueOn, day)).toBe(o.state === "late");
    }
  });
});
