import { describe, expect, it } from "vitest";
import {
  AuditRuleError,
  assertCanRejectVerification,
  assertCanRestoreFinding,
  assertCanRetireFinding,
  assertCanVerify,
  assertIndependent,
  blockingFindings,
  defaultValidTo,
  fiscalQuarterOf,
  fiscalYearIndicators,
  independenceConflicts,
  isFindingOverdue,
  latenessBucket,
  latenessDueRange,
  overdueByLateness,
  renewalNeedsWarning,
  transitionAudit,
} from "./rules";

describe("renewalNeedsWarning", () => {
  it("warns through the window and after it closes, not before", () => {
    expect(renewalNeedsWarning("before_window")).toBe(false);
    expect(renewalNeedsWarning("window_open")).toBe(true);
    expect(renewalNeedsWarning("window_closed_not_expired")).toBe(true);
    expect(renewalNeedsWarning("expired")).toBe(true);
  });
});

describe("defaultValidTo (two years as the Civil Code counts them, 民法 143条)", () => {
  it("ends the day before the corresponding day two years on", () => {
    expect(defaultValidTo("2025-09-01")).toBe("2027-08-31");
    expect(defaultValidTo("2025-06-15")).toBe("2027-06-14");
    expect(defaultValidTo("2024-03-01")).toBe("2026-02-28");
    expect(defaultValidTo("2026-03-01")).toBe("2028-02-29"); // into a leap February
  });

  it("from 29 February: no corresponding day in the last year, so the month's last day (28 February)", () => {
    expect(defaultValidTo("2024-02-29")).toBe("2026-02-28");
    expect(defaultValidTo("2028-02-29")).toBe("2030-02-28");
  });

  it("month ends with a corresponding day end the day before it", () => {
    expect(defaultValidTo("2024-01-31")).toBe("2026-01-30");
    expect(defaultValidTo("2025-04-30")).toBe("2027-04-29");
    expect(defaultValidTo("2026-02-28")).toBe("2028-02-27"); // 28 February exists in 2028 too
  });

  it("across the year end", () => {
    expect(defaultValidTo("2025-01-01")).toBe("2026-12-31");
    expect(defaultValidTo("2025-12-31")).toBe("2027-12-30");
  });
});

describe("independence", () => {
  const scope = [2, 3];
  it("finds the candidates from an audited department", () => {
    const c = independenceConflicts(scope, [
      { userId: 1, departmentId: 1 },
      { userId: 2, departmentId: 3 },
      { userId: 3, departmentId: null },
    ]);
    expect(c.map((x) => x.userId)).toEqual([2]);
  });
  it("refuses a lead from an audited department", () => {
    expect(() => assertIndependent(scope, { userId: 9, name: "高橋", departmentId: 2 }, [])).toThrow(
      expect.objectContaining({ messageKey: "audits.errors.leadNotIndependent", field: "leadAuditorId", values: { name: "高橋" } }),
    );
  });
  it("refuses a team member from an audited department, naming them", () => {
    try {
      assertIndependent(scope, { userId: 1, departmentId: 1 }, [
        { userId: 4, name: "佐藤", departmentId: 3 },
        { userId: 5, name: "鈴木", departmentId: 2 },
      ]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AuditRuleError);
      expect((e as AuditRuleError).messageKey).toBe("audits.errors.memberNotIndependent");
      expect((e as AuditRuleError).values).toEqual({ names: "佐藤、鈴木" });
    }
  });
  it("accepts users outside the scope and users without a department", () => {
    expect(() => assertIndependent(scope, { userId: 1, departmentId: 1 }, [{ userId: 2, departmentId: null }])).not.toThrow();
    expect(() => assertIndependent([], { userId: 1, departmentId: 1 }, [])).not.toThrow();
  });
});

describe("closing rule", () => {
  const base = { status: "reported" as const, summary: "報告", actualStart: "2026-06-01", actualEnd: "2026-06-02" };
  it("refuses to close while a major or minor nonconformity is not verified", () => {
    const findings = [
      { grade: "minor_nc" as const, status: "done" as const, dueDate: null },
      { grade: "major_nc" as const, status: "verified" as const, dueDate: null },
      { grade: "observation" as const, status: "open" as const, dueDate: null },
    ];
    expect(blockingFindings(findings)).toHaveLength(1);
    expect(() => transitionAudit(base, "closed", "2026-07-01", findings)).toThrow(
      expect.objectContaining({ messageKey: "audits.errors.openNonconformities", values: { count: 1 } }),
    );
  });
  it("closes when every nonconformity is verified (observations and retired ones do not block)", () => {
    const r = transitionAudit(base, "closed", "2026-07-01", [
      { grade: "major_nc", status: "verified", dueDate: null },
      { grade: "observation", status: "open", dueDate: null },
      { grade: "minor_nc", status: "open", dueDate: null, retired: true },
      { grade: "good_practice", status: "open", dueDate: null },
    ]);
    expect(r).toMatchObject({ status: "closed", closedOn: "2026-07-01" });
  });
  it("only closes a reported audit", () => {
    expect(() => transitionAudit({ ...base, status: "in_progress" }, "closed", "2026-07-01", [])).toThrow(
      expect.objectContaining({ messageKey: "audits.errors.badTransition" }),
    );
  });
});

describe("transitions", () => {
  const planned = { status: "planned" as const, summary: null, actualStart: null, actualEnd: null };
  it("starting records the actual start", () => {
    expect(transitionAudit(planned, "in_progress", "2026-06-03", [])).toMatchObject({ status: "in_progress", actualStart: "2026-06-03" });
  });
  it("reporting needs a summary and records the end", () => {
    const running = { ...planned, status: "in_progress" as const, actualStart: "2026-06-03" };
    expect(() => transitionAudit(running, "reported", "2026-06-05", [])).toThrow(expect.objectContaining({ messageKey: "audits.errors.summaryRequired" }));
    expect(transitionAudit({ ...running, summary: "概ね適合" }, "reported", "2026-06-05", [])).toMatchObject({
      status: "reported",
      actualStart: "2026-06-03",
      actualEnd: "2026-06-05",
      reportedOn: "2026-06-05",
    });
  });
  it("cannot skip steps or leave closed", () => {
    expect(() => transitionAudit(planned, "reported", "2026-06-03", [])).toThrow(AuditRuleError);
    expect(() => transitionAudit({ ...planned, status: "closed" }, "reported", "2026-06-03", [])).toThrow(AuditRuleError);
  });
});

describe("findings", () => {
  it("is overdue only while the correction is not done", () => {
    expect(isFindingOverdue({ status: "open", dueDate: "2026-11-23" }, "2026-11-24")).toBe(true);
    expect(isFindingOverdue({ status: "action_planned", dueDate: "2026-11-24" }, "2026-11-24")).toBe(false);
    expect(isFindingOverdue({ status: "done", dueDate: "2026-01-01" }, "2026-11-24")).toBe(false);
    expect(isFindingOverdue({ status: "open", dueDate: null }, "2026-11-24")).toBe(false);
  });
  it("verifies only a done correction, by someone other than the owner", () => {
    expect(() => assertCanVerify({ status: "open", ownerUserId: 2 }, 1)).toThrow(expect.objectContaining({ messageKey: "findings.errors.notDone" }));
    expect(() => assertCanVerify({ status: "done", ownerUserId: 1 }, 1)).toThrow(expect.objectContaining({ messageKey: "findings.errors.ownerCannotVerify" }));
    expect(() => assertCanVerify({ status: "verified", ownerUserId: 2 }, 1)).toThrow(expect.objectContaining({ messageKey: "findings.errors.alreadyVerified" }));
    expect(() => assertCanVerify({ status: "done", ownerUserId: 2 }, 1)).not.toThrow();
  });
});

describe("fiscal-year indicators", () => {
  it("puts dates in fiscal quarters (April start)", () => {
    expect(fiscalQuarterOf("2026-04-01", 2026, 4)).toBe(1);
    expect(fiscalQuarterOf("2026-06-30", 2026, 4)).toBe(1);
    expect(fiscalQuarterOf("2026-07-01", 2026, 4)).toBe(2);
    expect(fiscalQuarterOf("2027-01-01", 2026, 4)).toBe(4);
    expect(fiscalQuarterOf("2027-03-31", 2026, 4)).toBe(4);
    expect(fiscalQuarterOf("2027-04-01", 2026, 4)).toBeNull();
  });
  it("counts internal audits done and management reviews held", () => {
    const ind = fiscalYearIndicators(
      [
        { type: "conformance", status: "closed" },
        { type: "operation", status: "planned" },
        { type: "pmark_assessment", status: "closed" },
        { type: "operation", status: "reported", retired: true },
      ],
      [{ heldOn: "2027-03-10" }],
      "2026-11-24",
    );
    expect(ind).toEqual({ internalAuditsPlanned: 2, internalAuditsDone: 1, managementReviewsHeld: 0, internalAuditMet: true, managementReviewMet: false });
  });
});

describe("rejecting a verification", () => {
  it("sends a done correction back to action_planned, by someone other than the owner", () => {
    expect(assertCanRejectVerification({ status: "done", ownerUserId: 2 }, 1)).toBe("action_planned");
    expect(assertCanRejectVerification({ status: "done", ownerUserId: null }, 1)).toBe("action_planned");
  });
  it("refuses the owner, a correction not done yet, and a verified finding", () => {
    expect(() => assertCanRejectVerification({ status: "done", ownerUserId: 1 }, 1)).toThrow(expect.objectContaining({ messageKey: "findings.errors.ownerCannotReject" }));
    expect(() => assertCanRejectVerification({ status: "action_planned", ownerUserId: 2 }, 1)).toThrow(expect.objectContaining({ messageKey: "findings.errors.rejectNotDone" }));
    expect(() => assertCanRejectVerification({ status: "open", ownerUserId: 2 }, 1)).toThrow(expect.objectContaining({ messageKey: "findings.errors.rejectNotDone" }));
    expect(() => assertCanRejectVerification({ status: "verified", ownerUserId: 2 }, 1)).toThrow(expect.objectContaining({ messageKey: "findings.errors.alreadyVerified" }));
  });
});

describe("retiring and restoring a finding", () => {
  it("retires a live finding of an audit that is not closed", () => {
    for (const s of ["in_progress", "reported"] as const) expect(() => assertCanRetireFinding({ retired: false }, s)).not.toThrow();
    expect(() => assertCanRetireFinding({ retired: true }, "in_progress")).toThrow(expect.objectContaining({ messageKey: "findings.errors.alreadyRetired" }));
    expect(() => assertCanRetireFinding({ retired: false }, "closed")).toThrow(expect.objectContaining({ messageKey: "audits.errors.closed" }));
  });
  it("restores a retired finding unless its audit has closed since", () => {
    expect(() => assertCanRestoreFinding({ retired: true }, "reported")).not.toThrow();
    expect(() => assertCanRestoreFinding({ retired: false }, "reported")).toThrow(expect.objectContaining({ messageKey: "findings.errors.notRetired" }));
    expect(() => assertCanRestoreFinding({ retired: true }, "closed")).toThrow(expect.objectContaining({ messageKey: "audits.errors.closed" }));
  });
  it("a retired nonconformity no longer keeps the audit from closing", () => {
    const facts = { grade: "major_nc" as const, status: "open" as const, dueDate: null };
    expect(blockingFindings([{ ...facts, retired: true }])).toEqual([]);
    expect(blockingFindings([{ ...facts, retired: false }])).toHaveLength(1);
  });
});

describe("overdue corrective actions by lateness", () => {
  it("puts the bucket edges on the right side (1, 30, 31, 60, 61, 90, 91 days late)", () => {
    const today = "2026-11-24";
    expect(latenessBucket("2026-11-24", today)).toBeNull();
    expect(latenessBucket("2026-11-25", today)).toBeNull();
    expect(latenessBucket("2026-11-23", today)).toBe("d1_30");
    expect(latenessBucket("2026-10-25", today)).toBe("d1_30"); // 30 days
    expect(latenessBucket("2026-10-24", today)).toBe("d31_60"); // 31
    expect(latenessBucket("2026-09-25", today)).toBe("d31_60"); // 60
    expect(latenessBucket("2026-09-24", today)).toBe("d61_90"); // 61
    expect(latenessBucket("2026-08-26", today)).toBe("d61_90"); // 90
    expect(latenessBucket("2026-08-25", today)).toBe("d91_plus"); // 91
    expect(latenessBucket("2020-01-01", today)).toBe("d91_plus");
  });
  it("gives the due-date range of each bucket, consistent with the bucket of its ends", () => {
    const today = "2026-03-01"; // across the end of February
    for (const b of ["d1_30", "d31_60", "d61_90"] as const) {
      const r = latenessDueRange(b, today);
      expect(latenessBucket(r.from!, today)).toBe(b);
      expect(latenessBucket(r.to, today)).toBe(b);
    }
    expect(latenessDueRange("d1_30", today)).toEqual({ from: "2026-01-30", to: "2026-02-28" });
    expect(latenessDueRange("d91_plus", today)).toEqual({ from: null, to: "2025-11-30" });
  });
  it("counts findings and review actions per bucket, every bucket present", () => {
    const r = overdueByLateness(["2026-11-20", "2026-11-01", "2026-06-01", "2026-12-01"], ["2026-10-01", "2026-11-24"], "2026-11-24");
    expect(r).toEqual([
      { bucket: "d1_30", findings: 2, reviewActions: 0 },
      { bucket: "d31_60", findings: 0, reviewActions: 1 },
      { bucket: "d61_90", findings: 0, reviewActions: 0 },
      { bucket: "d91_plus", findings: 1, reviewActions: 0 },
    ]);
  });
});
