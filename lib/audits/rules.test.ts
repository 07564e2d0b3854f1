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
  renewalWindow,
  renewalWindowDates,
  transitionAudit,
} from "./rules";

describe("renewalWindow (JIPDEC: from the day after 8 months before expiry through 4 months before, last day off closed days)", () => {
  it("JIPDEC's own example: expiry 2024-12-01 → 2024-04-02 to 2024-08-01", () => {
    expect(renewalWindowDates("2024-12-01")).toEqual({ opensOn: "2024-04-02", closesOn: "2024-08-01" });
    expect(renewalWindow("2024-12-01", "2024-04-01").state).toBe("before_window");
    expect(renewalWindow("2024-12-01", "2024-04-02").state).toBe("window_open");
    expect(renewalWindow("2024-12-01", "2024-08-01").state).toBe("window_open");
    expect(renewalWindow("2024-12-01", "2024-08-02").state).toBe("window_closed_not_expired");
  });

  it("JIPDEC's second example: a last day of Saturday 2024-09-14, Monday the 16th a holiday → Tuesday 2024-09-17", () => {
    const w = renewalWindow("2025-01-14", "2024-09-16");
    expect(w.closesOn).toBe("2024-09-17");
    expect(w.state).toBe("window_open");
    expect(w.daysLeft).toBe(1);
    expect(renewalWindow("2025-01-14", "2024-09-17").state).toBe("window_open");
    expect(renewalWindow("2025-01-14", "2024-09-18").state).toBe("window_closed_not_expired");
    // The opening does not move: 8 months before is 2024-05-14, the window opens the 15th.
    expect(w.opensOn).toBe("2024-05-15");
  });

  it("moves a last day on a Sunday to Monday, and past a substitute holiday (振替休日)", () => {
    expect(renewalWindowDates("2026-01-15").closesOn).toBe("2025-09-16"); // Mon 15 Sep 2025 is 敬老の日
    expect(renewalWindowDates("2025-10-14").closesOn).toBe("2025-06-16"); // Sat 14 June → Mon 16
    // Sun 2024-11-03 文化の日, Mon 11-04 its substitute holiday → Tue 11-05.
    expect(renewalWindowDates("2025-03-03").closesOn).toBe("2024-11-05");
  });

  it("moves a last day in Golden Week to the first business day after it", () => {
    // 2027-05-01 Sat, 05-02 Sun, 05-03..05 holidays → Thu 2027-05-06.
    const w = renewalWindow("2027-09-01", "2027-05-05");
    expect(w.opensOn).toBe("2027-01-02");
    expect(w.closesOn).toBe("2027-05-06");
    expect(w.state).toBe("window_open");
  });

  it("moves a last day on New Year's Day (a holiday) but not over the year-end days that are no holiday", () => {
    // 2027-01-01 is a Friday and 元日 → Mon 2027-01-04.
    expect(renewalWindowDates("2027-05-01").closesOn).toBe("2027-01-04");
    // 2026-12-29 is a Tuesday: not a national holiday, the last day stays (an office's year-end closing is not assumed).
    expect(renewalWindowDates("2027-04-29").closesOn).toBe("2026-12-29");
  });

  it("opens the day after the date 8 months before, not on it", () => {
    expect(renewalWindow("2027-06-15", "2026-10-15").state).toBe("before_window");
    expect(renewalWindow("2027-06-15", "2026-10-15").daysUntilOpens).toBe(1);
    const open = renewalWindow("2027-06-15", "2026-10-16");
    expect(open.state).toBe("window_open");
    expect(open.daysLeft).toBe(122); // to Monday 2027-02-15
    expect(open.progress).toBe(0);
  });

  it("closes on the date 4 months before expiry when that is a business day (open that day, closed the next)", () => {
    const last = renewalWindow("2027-06-15", "2027-02-15");
    expect(last.state).toBe("window_open");
    expect(last.daysLeft).toBe(0);
    expect(last.progress).toBe(1);
    const after = renewalWindow("2027-06-15", "2027-02-16");
    expect(after.state).toBe("window_closed_not_expired");
    expect(after.daysLeft).toBe(119); // to 2027-06-15
  });

  it("is expired the day after the valid-to date, not on it", () => {
    expect(renewalWindow("2027-06-15", "2027-06-15").state).toBe("window_closed_not_expired");
    expect(renewalWindow("2027-06-15", "2027-06-15").daysLeft).toBe(0);
    const exp = renewalWindow("2027-06-15", "2027-06-20");
    expect(exp.state).toBe("expired");
    expect(exp.daysLeft).toBe(5);
    expect(exp.daysUntilExpiry).toBe(-5);
  });

  it("month ends: the date N months before is the month's last day when the month has no such day", () => {
    // 8 months before 2027-08-31 is 2026-12-31 → opens 2027-01-01 (the next year); 4 months before is Fri 2027-04-30.
    expect(renewalWindowDates("2027-08-31")).toEqual({ opensOn: "2027-01-01", closesOn: "2027-04-30" });
    // 8 months before 2027-10-31 is 2027-02-28 (no 31 February) → opens 2027-03-01; 4 months before is Wed 2027-06-30.
    expect(renewalWindowDates("2027-10-31")).toEqual({ opensOn: "2027-03-01", closesOn: "2027-06-30" });
    // In a leap year: 8 months before 2028-10-31 is 2028-02-29 → opens 2028-03-01.
    expect(renewalWindowDates("2028-10-31").opensOn).toBe("2028-03-01");
    // 4 months before 2027-06-30 is Sun 2027-02-28 → Mon 2027-03-01.
    expect(renewalWindowDates("2027-06-30").closesOn).toBe("2027-03-01");
  });

  it("the leap day: expiry 2028-02-29 opens 2027-06-30 and closes Fri 2027-10-29", () => {
    const w = renewalWindow("2028-02-29", "2027-06-30");
    expect(w.opensOn).toBe("2027-06-30");
    expect(w.closesOn).toBe("2027-10-29");
    expect(w.state).toBe("window_open");
  });

  it("reports progress half way through", () => {
    const w = renewalWindow("2027-09-01", "2026-11-01"); // opens 2027-01-02 → before
    expect(w.state).toBe("before_window");
    const mid = renewalWindow("2027-09-01", "2027-03-05"); // 2027-01-02 .. 2027-05-06 (124 days), 62 in
    expect(mid.state).toBe("window_open");
    expect(mid.progress).toBe(0.5);
  });

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
