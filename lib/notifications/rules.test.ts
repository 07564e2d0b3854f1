import { describe, expect, it } from "vitest";
import { stateOf, type CalendarEvent } from "@/lib/calendar/events";
import { todayInTokyo } from "@/lib/dates";
import { certificationEvents, DEFAULT_LEAD_DAYS, DEFAULT_MODES, effectiveMode, fiscalYearEvents, leadDaysSchema, readModes, recipientsFor, retryDelayMs, ruleOf, stageOf, MAX_DELIVERY_ATTEMPTS } from "./rules";

function ev(over: Partial<CalendarEvent> & Pick<CalendarEvent, "start">, today: string): CalendarEvent {
  return { uid: "regulation-1-review", type: "regulation", kind: "regulation.review", end: over.start, values: {}, href: "/regulations/1", state: stateOf(over.start, today), ...over };
}

describe("stageOf: lead times at their edges", () => {
  const lead = { ...DEFAULT_LEAD_DAYS, regulation: 30 };
  it("says nothing the day before the lead time starts, 'soon' on its first day", () => {
    expect(stageOf(ev({ start: "2026-12-31" }, "2026-11-30"), lead, "2026-11-30")).toBeNull();
    expect(stageOf(ev({ start: "2026-12-31" }, "2026-12-01"), lead, "2026-12-01")).toBe("soon");
  });
  it("'due' on the day itself, 'late' from the next day (the incident list's isPastDue)", () => {
    expect(stageOf(ev({ start: "2026-12-31" }, "2026-12-30"), lead, "2026-12-30")).toBe("soon");
    expect(stageOf(ev({ start: "2026-12-31" }, "2026-12-31"), lead, "2026-12-31")).toBe("due");
    expect(stageOf(ev({ start: "2026-12-31" }, "2027-01-01"), lead, "2027-01-01")).toBe("late");
  });
  it("a lead time of 0 announces only on the day", () => {
    const zero = { ...lead, regulation: 0 };
    expect(stageOf(ev({ start: "2026-12-31" }, "2026-12-30"), zero, "2026-12-30")).toBeNull();
    expect(stageOf(ev({ start: "2026-12-31" }, "2026-12-31"), zero, "2026-12-31")).toBe("due");
  });
  it("crosses a month and a leap day by calendar days", () => {
    const seven = { ...lead, regulation: 7 };
    // 2028 has 29 February: seven days before 5 March is 27 February (26 February in 2027).
    expect(stageOf(ev({ start: "2028-03-05" }, "2028-02-26"), seven, "2028-02-26")).toBeNull();
    expect(stageOf(ev({ start: "2028-03-05" }, "2028-02-27"), seven, "2028-02-27")).toBe("soon");
    expect(stageOf(ev({ start: "2027-03-05" }, "2027-02-25"), seven, "2027-02-25")).toBeNull();
    expect(stageOf(ev({ start: "2027-03-05" }, "2027-02-26"), seven, "2027-02-26")).toBe("soon");
  });
  it("nothing for what is done, or for an audit still running within its days", () => {
    expect(stageOf({ ...ev({ start: "2026-12-31" }, "2027-01-05"), state: "done" }, lead, "2027-01-05")).toBeNull();
    const running: CalendarEvent = { uid: "audit-1", type: "audit", kind: "audit.actual", start: "2026-12-01", end: "2026-12-10", values: {}, href: "/audits/1", state: "in_progress" };
    expect(stageOf(running, lead, "2026-12-05")).toBeNull();
    expect(stageOf(running, lead, "2026-12-10")).toBe("due");
    expect(stageOf({ ...running, state: "overdue" }, lead, "2026-12-11")).toBe("late");
  });
  it("incident report clocks warn on the incident's own warning day, not a lead-time setting", () => {
    const clock = (state: CalendarEvent["state"]): CalendarEvent => ({ uid: "incident-4-ppcPreliminary", type: "incident", kind: "incident.ppcPreliminary", start: "2026-12-10", end: "2026-12-10", values: {}, href: "/incidents/4", state });
    expect(stageOf(clock("planned"), lead, "2026-12-07")).toBeNull();
    expect(stageOf(clock("due_soon"), lead, "2026-12-08")).toBe("soon");
    expect(stageOf(clock("due_soon"), lead, "2026-12-10")).toBe("due");
    expect(stageOf(clock("overdue"), lead, "2026-12-11")).toBe("late");
  });
  it("the renewal window opening is never late", () => {
    const opens: CalendarEvent = { uid: "pmark-1-window-opens", type: "pmark", kind: "pmark.windowOpens", start: "2026-12-01", end: "2026-12-01", values: {}, href: "/audits/pmark", state: "overdue" };
    expect(stageOf(opens, lead, "2026-12-02")).toBeNull();
    expect(stageOf(opens, lead, "2026-12-01")).toBe("due");
  });
});

describe("Tokyo dates", () => {
  it("the scan's day turns at midnight in Tokyo (15:00 UTC), not UTC", () => {
    expect(todayInTokyo(new Date("2026-12-30T14:59:59Z"))).toBe("2026-12-30");
    expect(todayInTokyo(new Date("2026-12-30T15:00:00Z"))).toBe("2026-12-31");
    const e = ev({ start: "2026-12-31" }, "2026-12-31");
    expect(stageOf(e, { ...DEFAULT_LEAD_DAYS, regulation: 0 }, todayInTokyo(new Date("2026-12-30T15:00:00Z")))).toBe("due");
  });
});

describe("fiscal-year rule", () => {
  it("due on the fiscal year's last day: 31 March for an April year, 31 December for a January year", () => {
    const april = fiscalYearEvents(2026, 4, { internalAudit: false, managementReview: false }, "2027-03-01");
    expect(april.map((e) => [e.kind, e.start])).toEqual([
      ["fiscalYear.internalAudit", "2027-03-31"],
      ["fiscalYear.managementReview", "2027-03-31"],
    ]);
    const january = fiscalYearEvents(2026, 1, { internalAudit: false, managementReview: true }, "2026-12-01");
    expect(january.map((e) => [e.kind, e.start])).toEqual([["fiscalYear.internalAudit", "2026-12-31"]]);
  });
  it("announced lead.audit days before the year ends; nothing once held", () => {
    const lead = { ...DEFAULT_LEAD_DAYS, audit: 14 };
    const [e] = fiscalYearEvents(2026, 4, { internalAudit: false, managementReview: true }, "2027-03-17");
    expect(stageOf(e, lead, "2027-03-16")).toBeNull();
    expect(stageOf(e, lead, "2027-03-17")).toBe("soon");
    expect(stageOf(e, lead, "2027-03-31")).toBe("due");
    expect(fiscalYearEvents(2026, 4, { internalAudit: true, managementReview: true }, "2027-03-31")).toEqual([]);
  });
});

describe("contractor certifications", () => {
  const rows = [
    { id: 1, contractorId: 7, contractorName: "株式会社データ保管", contractorStatus: "approved", number: "10820001", expiresOn: "2027-01-05" },
    { id: 2, contractorId: 8, contractorName: "終了済み株式会社", contractorStatus: "terminated", number: "10820002", expiresOn: "2027-01-05" },
    { id: 3, contractorId: 9, contractorName: "期限なし株式会社", contractorStatus: "approved", number: "ISMS-1", expiresOn: null },
  ];
  it("expires on its last valid day, announced the contractor lead time before; not for a terminated contractor or without a date", () => {
    const events = certificationEvents(rows, "2026-12-06");
    expect(events.map((e) => [e.uid, e.href, e.start])).toEqual([["contractor-cert-1", "/contractors/7", "2027-01-05"]]);
    const lead = { ...DEFAULT_LEAD_DAYS, contractor: 30 };
    expect(stageOf(events[0], lead, "2026-12-05")).toBeNull();
    expect(stageOf(events[0], lead, "2026-12-06")).toBe("soon");
    expect(stageOf(certificationEvents(rows, "2027-01-06")[0], lead, "2027-01-06")).toBe("late");
  });
});

describe("recipients", () => {
  const people = [
    { id: 1, role: "privacy_manager" as const },
    { id: 2, role: "hr" as const },
    { id: 3, role: "auditor" as const },
    { id: 4, role: "executive" as const },
    { id: 5, role: "privacy_manager" as const },
  ];
  it("training goes to HR; late, the privacy managers hear of it too (escalated)", () => {
    expect(recipientsFor({ type: "training" }, "soon", people, [])).toEqual([{ userId: 2, escalated: false }]);
    expect(recipientsFor({ type: "training" }, "late", people, [])).toEqual([
      { userId: 1, escalated: true },
      { userId: 2, escalated: false },
      { userId: 5, escalated: true },
    ]);
  });
  it("a finding goes to its owner, or to the privacy managers when it has none", () => {
    expect(recipientsFor({ type: "finding" }, "soon", people, [3])).toEqual([{ userId: 3, escalated: false }]);
    expect(recipientsFor({ type: "finding" }, "soon", people, [])).toEqual([
      { userId: 1, escalated: false },
      { userId: 5, escalated: false },
    ]);
  });
  it("an incident clock goes to the privacy managers and the reporter; an owner who is not a user is ignored", () => {
    expect(recipientsFor({ type: "incident" }, "due", people, [4]).map((r) => r.userId)).toEqual([1, 4, 5]);
    expect(recipientsFor({ type: "incident" }, "due", people, [99]).map((r) => r.userId)).toEqual([1, 5]);
  });
});

describe("preferences", () => {
  it("off means off, except the APPI clocks for the privacy manager", () => {
    const modes = { ...DEFAULT_MODES, incident: "off" as const };
    expect(effectiveMode(modes, { type: "incident", kind: "incident.ppcPreliminary" }, "privacy_manager")).toBe("immediate");
    expect(effectiveMode(modes, { type: "incident", kind: "incident.personsNotice" }, "privacy_manager")).toBe("immediate");
    expect(effectiveMode(modes, { type: "incident", kind: "incident.pmarkPreliminary" }, "privacy_manager")).toBe("off");
    expect(effectiveMode(modes, { type: "incident", kind: "incident.ppcPreliminary" }, "executive")).toBe("off");
    expect(effectiveMode({ ...modes, incident: "digest" }, { type: "incident", kind: "incident.ppcFinal" }, "privacy_manager")).toBe("digest");
  });
  it("reads stored modes leniently", () => {
    expect(readModes({ training: "digest", bogus: "off", audit: "sometimes" })).toEqual({ ...DEFAULT_MODES, training: "digest" });
    expect(readModes(null)).toEqual(DEFAULT_MODES);
  });
  it("lead days are whole days from 0 to 180", () => {
    expect(leadDaysSchema.safeParse({ ...DEFAULT_LEAD_DAYS, training: 181 }).success).toBe(false);
    expect(leadDaysSchema.safeParse({ ...DEFAULT_LEAD_DAYS, training: -1 }).success).toBe(false);
    expect(leadDaysSchema.safeParse({ ...DEFAULT_LEAD_DAYS, training: 0 }).success).toBe(true);
  });
});

describe("keys and retries", () => {
  it("the rule part of the idempotency key names kind and stage", () => {
    expect(ruleOf("incident.ppcPreliminary", "late")).toBe("incident.ppcPreliminary:late");
  });
  it("waits 1, 2, 4 … minutes, capped at six hours", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(30)).toBe(6 * 3600_000);
    expect(MAX_DELIVERY_ATTEMPTS).toBeGreaterThan(3);
  });
});
