import { describe, expect, it } from "vitest";
import { computeReportingClocks, lateFlags, reportDateProblem, reportingObligations, tokyoDateOf, type ReportingFacts, type ReportsMade } from "./reporting";

const base: ReportingFacts = {
  discoveredAt: "2026-06-10T10:00:00+09:00",
  sensitiveData: false,
  financialLoss: false,
  wrongfulPurpose: false,
  encrypted: false,
  personsAffected: 10,
};

type Row = {
  name: string;
  facts: Partial<ReportingFacts>;
  reportable: boolean;
  reasons: string[];
  exemption?: "advanced_encryption" | null;
  discoveryDate: string;
  prelim: string | null;
  final: string | null;
  pmarkPrelim: string;
  pmarkFinal: string;
};

const scenarios: Row[] = [
  // Domain example: discovered 10 June → 15 June / 10 July.
  { name: "no trigger: not reportable, P-mark clock still runs", facts: {}, reportable: false, reasons: [], discoveryDate: "2026-06-10", prelim: null, final: null, pmarkPrelim: "2026-06-15", pmarkFinal: "2026-07-10" },
  { name: "sensitive data alone", facts: { sensitiveData: true }, reportable: true, reasons: ["sensitive_data"], discoveryDate: "2026-06-10", prelim: "2026-06-15", final: "2026-07-10", pmarkPrelim: "2026-06-15", pmarkFinal: "2026-07-10" },
  { name: "financial-loss risk alone", facts: { financialLoss: true }, reportable: true, reasons: ["financial_loss"], discoveryDate: "2026-06-10", prelim: "2026-06-15", final: "2026-07-10", pmarkPrelim: "2026-06-15", pmarkFinal: "2026-07-10" },
  { name: "wrongful purpose alone → 60 days (9 August)", facts: { wrongfulPurpose: true }, reportable: true, reasons: ["wrongful_purpose"], discoveryDate: "2026-06-10", prelim: "2026-06-15", final: "2026-08-09", pmarkPrelim: "2026-06-15", pmarkFinal: "2026-08-09" },
  { name: "exactly 1,000 persons is NOT reportable", facts: { personsAffected: 1000 }, reportable: false, reasons: [], discoveryDate: "2026-06-10", prelim: null, final: null, pmarkPrelim: "2026-06-15", pmarkFinal: "2026-07-10" },
  { name: "1,001 persons is reportable", facts: { personsAffected: 1001 }, reportable: true, reasons: ["many_persons"], discoveryDate: "2026-06-10", prelim: "2026-06-15", final: "2026-07-10", pmarkPrelim: "2026-06-15", pmarkFinal: "2026-07-10" },
  { name: "zero persons, no flag", facts: { personsAffected: 0 }, reportable: false, reasons: [], discoveryDate: "2026-06-10", prelim: null, final: null, pmarkPrelim: "2026-06-15", pmarkFinal: "2026-07-10" },
  { name: "all triggers: reasons in fixed order, 60 days", facts: { sensitiveData: true, financialLoss: true, wrongfulPurpose: true, personsAffected: 5000 }, reportable: true, reasons: ["sensitive_data", "financial_loss", "wrongful_purpose", "many_persons"], discoveryDate: "2026-06-10", prelim: "2026-06-15", final: "2026-08-09", pmarkPrelim: "2026-06-15", pmarkFinal: "2026-08-09" },
  { name: "encryption exempts sensitive data", facts: { sensitiveData: true, encrypted: true }, reportable: false, reasons: [], exemption: "advanced_encryption", discoveryDate: "2026-06-10", prelim: null, final: null, pmarkPrelim: "2026-06-15", pmarkFinal: "2026-07-10" },
  { name: "encryption exempts 5,000 persons", facts: { personsAffected: 5000, encrypted: true }, reportable: false, reasons: [], exemption: "advanced_encryption", discoveryDate: "2026-06-10", prelim: null, final: null, pmarkPrelim: "2026-06-15", pmarkFinal: "2026-07-10" },
  { name: "encrypted without any trigger: nothing to exempt", facts: { encrypted: true }, reportable: false, reasons: [], exemption: null, discoveryDate: "2026-06-10", prelim: null, final: null, pmarkPrelim: "2026-06-15", pmarkFinal: "2026-07-10" },
  { name: "encrypted + wrongful purpose: P-mark final still 60 days", facts: { wrongfulPurpose: true, encrypted: true }, reportable: false, reasons: [], exemption: "advanced_encryption", discoveryDate: "2026-06-10", prelim: null, final: null, pmarkPrelim: "2026-06-15", pmarkFinal: "2026-08-09" },
  // Discovery late at night, Tokyo time.
  { name: "23:30 Tokyo on 9 June (= 14:30Z) is a 9 June discovery", facts: { discoveredAt: "2026-06-09T23:30:00+09:00", sensitiveData: true }, reportable: true, reasons: ["sensitive_data"], discoveryDate: "2026-06-09", prelim: "2026-06-14", final: "2026-07-09", pmarkPrelim: "2026-06-14", pmarkFinal: "2026-07-09" },
  { name: "same instant written in UTC", facts: { discoveredAt: "2026-06-09T14:30:00Z", sensitiveData: true }, reportable: true, reasons: ["sensitive_data"], discoveryDate: "2026-06-09", prelim: "2026-06-14", final: "2026-07-09", pmarkPrelim: "2026-06-14", pmarkFinal: "2026-07-09" },
  { name: "15:00Z on 9 June is 00:00 on 10 June in Tokyo", facts: { discoveredAt: "2026-06-09T15:00:00Z", sensitiveData: true }, reportable: true, reasons: ["sensitive_data"], discoveryDate: "2026-06-10", prelim: "2026-06-15", final: "2026-07-10", pmarkPrelim: "2026-06-15", pmarkFinal: "2026-07-10" },
  { name: "as a Date object (23:59:59 Tokyo)", facts: { discoveredAt: new Date("2026-06-09T14:59:59Z"), sensitiveData: true }, reportable: true, reasons: ["sensitive_data"], discoveryDate: "2026-06-09", prelim: "2026-06-14", final: "2026-07-09", pmarkPrelim: "2026-06-14", pmarkFinal: "2026-07-09" },
  // Month and year ends.
  { name: "year end: 28 Dec → 2 Jan, 27 Jan", facts: { discoveredAt: "2026-12-28T09:00:00+09:00", financialLoss: true }, reportable: true, reasons: ["financial_loss"], discoveryDate: "2026-12-28", prelim: "2027-01-02", final: "2027-01-27", pmarkPrelim: "2027-01-02", pmarkFinal: "2027-01-27" },
  { name: "New Year's Eve late night, wrongful purpose → 60 days", facts: { discoveredAt: "2026-12-31T23:50:00+09:00", wrongfulPurpose: true }, reportable: true, reasons: ["wrongful_purpose"], discoveryDate: "2026-12-31", prelim: "2027-01-05", final: "2027-03-01", pmarkPrelim: "2027-01-05", pmarkFinal: "2027-03-01" },
  { name: "month end: 30 April → 5 May, 30 May", facts: { discoveredAt: "2026-04-30T18:00:00+09:00", sensitiveData: true }, reportable: true, reasons: ["sensitive_data"], discoveryDate: "2026-04-30", prelim: "2026-05-05", final: "2026-05-30", pmarkPrelim: "2026-05-05", pmarkFinal: "2026-05-30" },
  { name: "31 January (non-leap 2027) → 5 Feb, 2 March", facts: { discoveredAt: "2027-01-31T12:00:00+09:00", sensitiveData: true }, reportable: true, reasons: ["sensitive_data"], discoveryDate: "2027-01-31", prelim: "2027-02-05", final: "2027-03-02", pmarkPrelim: "2027-02-05", pmarkFinal: "2027-03-02" },
  // Leap years.
  { name: "leap year: 26 Feb 2028 → 2 March (29 Feb counts)", facts: { discoveredAt: "2028-02-26T12:00:00+09:00", sensitiveData: true }, reportable: true, reasons: ["sensitive_data"], discoveryDate: "2028-02-26", prelim: "2028-03-02", final: "2028-03-27", pmarkPrelim: "2028-03-02", pmarkFinal: "2028-03-27" },
  { name: "not a leap year: 26 Feb 2027 → 3 March", facts: { discoveredAt: "2027-02-26T12:00:00+09:00", sensitiveData: true }, reportable: true, reasons: ["sensitive_data"], discoveryDate: "2027-02-26", prelim: "2027-03-03", final: "2027-03-28", pmarkPrelim: "2027-03-03", pmarkFinal: "2027-03-28" },
  { name: "discovered on 29 Feb 2028 late at night (UTC still 29th)", facts: { discoveredAt: "2028-02-29T14:00:00Z", personsAffected: 1001 }, reportable: true, reasons: ["many_persons"], discoveryDate: "2028-02-29", prelim: "2028-03-05", final: "2028-03-30", pmarkPrelim: "2028-03-05", pmarkFinal: "2028-03-30" },
  { name: "28 Feb 2028 at 23:00Z is already 29 Feb in Tokyo", facts: { discoveredAt: "2028-02-28T23:00:00Z", sensitiveData: true }, reportable: true, reasons: ["sensitive_data"], discoveryDate: "2028-02-29", prelim: "2028-03-05", final: "2028-03-30", pmarkPrelim: "2028-03-05", pmarkFinal: "2028-03-30" },
];

describe("computeReportingClocks", () => {
  it.each(scenarios)("$name", (s) => {
    const c = computeReportingClocks({ ...base, ...s.facts });
    expect(c.discoveryDate).toBe(s.discoveryDate);
    expect(c.reportable).toBe(s.reportable);
    expect(c.reportableReasons).toEqual(s.reasons);
    if (s.exemption !== undefined) expect(c.exemption).toBe(s.exemption);
    expect(c.preliminaryReportDue).toBe(s.prelim);
    expect(c.finalReportDue).toBe(s.final);
    expect(c.pmarkPreliminaryReportDue).toBe(s.pmarkPrelim);
    expect(c.pmarkFinalReportDue).toBe(s.pmarkFinal);
  });

  it("names the triggers the encryption exemption unmade", () => {
    const c = computeReportingClocks({ ...base, sensitiveData: true, personsAffected: 2000, encrypted: true });
    expect(c.exemptedReasons).toEqual(["sensitive_data", "many_persons"]);
    expect(c.reportableReasons).toEqual([]);
  });

  it("warns from day 3", () => {
    const c = computeReportingClocks({ ...base, sensitiveData: true });
    expect(c.preliminaryReportWarningFrom).toBe("2026-06-13");
    expect(c.pmarkPreliminaryReportWarningFrom).toBe("2026-06-13");
    expect(c.finalReportDays).toBe(30);
  });

  it("recomputes when a flag, the count or discovery time changes", () => {
    const a = computeReportingClocks(base);
    const b = computeReportingClocks({ ...base, personsAffected: 1001 });
    const c = computeReportingClocks({ ...base, personsAffected: 1001, discoveredAt: "2026-06-20T08:00:00+09:00", wrongfulPurpose: true });
    expect([a.reportable, b.reportable, c.reportable]).toEqual([false, true, true]);
    expect(b.finalReportDue).toBe("2026-07-10");
    expect(c.finalReportDue).toBe("2026-08-19");
  });

  it("refuses an unreadable timestamp", () => {
    expect(() => tokyoDateOf("yesterday")).toThrow(RangeError);
  });
});

const none: ReportsMade = { ppcPreliminaryReportedOn: null, ppcFinalReportedOn: null, pmarkPreliminaryReportedOn: null, pmarkFinalReportedOn: null, personsNotifiedOn: null };

describe("reportingObligations / lateFlags", () => {
  const reportable = computeReportingClocks({ ...base, sensitiveData: true }); // 10 June → 15 June / 10 July
  const notReportable = computeReportingClocks(base);

  const stateOn = (today: string, made: Partial<ReportsMade> = {}) =>
    Object.fromEntries(reportingObligations(reportable, { ...none, ...made }, today).map((o) => [o.key, [o.state, o.daysLeft]]));

  it("not reportable: only the P-mark reports are owed", () => {
    expect(reportingObligations(notReportable, none, "2026-06-11").map((o) => o.key)).toEqual(["pmarkPreliminary", "pmarkFinal"]);
  });

  it.each([
    ["2026-06-11", "pending", 4],
    ["2026-06-12", "pending", 3],
    ["2026-06-13", "due_soon", 2], // day 3: the warning
    ["2026-06-15", "due_soon", 0], // day 5: the deadline itself is not late
    ["2026-06-16", "late", -1],
  ])("preliminary on %s is %s (%i days left)", (today, state, days) => {
    const s = stateOn(today);
    expect(s.ppcPreliminary).toEqual([state, days]);
    expect(s.pmarkPreliminary).toEqual([state, days]);
    expect(s.personsNotice).toEqual([state, days]);
  });

  it.each([
    ["2026-07-02", "pending", 8],
    ["2026-07-03", "due_soon", 7],
    ["2026-07-10", "due_soon", 0],
    ["2026-07-11", "late", -1],
  ])("final on %s is %s", (today, state, days) => {
    expect(stateOn(today).ppcFinal).toEqual([state, days]);
  });

  it("made on time / made late", () => {
    const s = stateOn("2026-07-20", { ppcPreliminaryReportedOn: "2026-06-15", ppcFinalReportedOn: "2026-07-11", pmarkPreliminaryReportedOn: "2026-06-12", pmarkFinalReportedOn: "2026-07-10", personsNotifiedOn: "2026-06-16" });
    expect(s).toEqual({ ppcPreliminary: ["done", null], ppcFinal: ["done_late", null], personsNotice: ["done_late", null], pmarkPreliminary: ["done", null], pmarkFinal: ["done", null] });
  });

  it("late flags: overdue counts only what is still not made", () => {
    const late = lateFlags(reportingObligations(reportable, { ...none, ppcPreliminaryReportedOn: "2026-06-17" }, "2026-06-16"));
    expect(late).toMatchObject({ preliminaryReportLate: true, pmarkPreliminaryReportLate: true, personsNoticeLate: true, finalReportLate: false, overdue: true, nextDue: "2026-06-15" });
    const allMade = lateFlags(
      reportingObligations(reportable, { ppcPreliminaryReportedOn: "2026-06-17", ppcFinalReportedOn: "2026-07-01", pmarkPreliminaryReportedOn: "2026-06-14", pmarkFinalReportedOn: "2026-07-01", personsNotifiedOn: "2026-06-14" }, "2026-07-20"),
    );
    expect(allMade).toMatchObject({ preliminaryReportLate: true, overdue: false, dueSoon: false, nextDue: null });
    expect(lateFlags(reportingObligations(notReportable, none, "2026-06-11"))).toMatchObject({ overdue: false, dueSoon: false, nextDue: "2026-06-15" });
  });

  it("report dates: not before discovery, not in the future", () => {
    expect(reportDateProblem("2026-06-09", "2026-06-10", "2026-06-20")).toBe("beforeDiscovery");
    expect(reportDateProblem("2026-06-21", "2026-06-10", "2026-06-20")).toBe("inFuture");
    expect(reportDateProblem("2026-06-10", "2026-06-10", "2026-06-20")).toBeNull();
  });
});
