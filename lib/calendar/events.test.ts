import { describe, expect, it } from "vitest";
import {
  CALENDAR_EVENT_TYPES,
  auditEvents,
  contractorEvents,
  evidenceEvents,
  findingEvents,
  incidentActionEvents,
  incidentEvents,
  pmarkEvents,
  regulationEvents,
  registerReviewEvents,
  reviewActionEvents,
  selectEvents,
  stateOf,
  trainingEvents,
  type IncidentActionDueRow,
  type IncidentDueRow,
} from "./events";
import { visibleTypes } from "./access";
import { eventSummary } from "./summary";

const TODAY = "2026-11-24";

const incident = (over: Partial<IncidentDueRow> = {}): IncidentDueRow => ({
  id: 7,
  reference: "INC-2026-007",
  title: "誤送信",
  open: true,
  // 2026-11-20 10:00 in Tokyo.
  discoveredAt: "2026-11-20T01:00:00Z",
  sensitiveData: false,
  financialLoss: false,
  wrongfulPurpose: false,
  encrypted: false,
  personsAffected: 10,
  ppcPreliminaryReportedOn: null,
  ppcFinalReportedOn: null,
  pmarkPreliminaryReportedOn: null,
  pmarkFinalReportedOn: null,
  personsNotifiedOn: null,
  ...over,
});

describe("incidentEvents", () => {
  it("a non-reportable incident has only the P-mark reports: day 5 and day 30 after discovery", () => {
    const ev = incidentEvents([incident()], TODAY);
    expect(ev.map((e) => [e.kind, e.start, e.state])).toEqual([
      ["incident.pmarkPreliminary", "2026-11-25", "due_soon"],
      ["incident.pmarkFinal", "2026-12-20", "planned"],
    ]);
    expect(ev[0]).toMatchObject({ uid: "incident-7-pmarkPreliminary", href: "/incidents/7", values: { reference: "INC-2026-007" } });
  });

  it("a reportable one (1,001 persons) adds the PPC reports and the notice; 60 days when a wrongful purpose is suspected", () => {
    const ev = incidentEvents([incident({ personsAffected: 1001 })], TODAY);
    expect(ev.map((e) => e.kind).sort()).toEqual(["incident.personsNotice", "incident.pmarkFinal", "incident.pmarkPreliminary", "incident.ppcFinal", "incident.ppcPreliminary"]);
    expect(ev.find((e) => e.kind === "incident.ppcPreliminary")!.start).toBe("2026-11-25");
    const wrongful = incidentEvents([incident({ wrongfulPurpose: true })], TODAY);
    expect(wrongful.find((e) => e.kind === "incident.ppcFinal")!.start).toBe("2027-01-19");
  });

  it("1,000 persons is not reportable; encryption unmakes the trigger", () => {
    expect(incidentEvents([incident({ personsAffected: 1000 })], TODAY)).toHaveLength(2);
    expect(incidentEvents([incident({ sensitiveData: true, encrypted: true })], TODAY)).toHaveLength(2);
  });

  it("drops reports already made and closed incidents; a missed deadline is overdue", () => {
    const ev = incidentEvents([incident({ pmarkPreliminaryReportedOn: "2026-11-21" })], TODAY);
    expect(ev.map((e) => e.kind)).toEqual(["incident.pmarkFinal"]);
    expect(incidentEvents([incident({ open: false })], TODAY)).toEqual([]);
    expect(incidentEvents([incident()], "2026-11-26")[0].state).toBe("overdue");
  });
});

describe("trainingEvents", () => {
  it("aggregates per course and day, ignores exempt and deadline-less rows", () => {
    const row = (courseId: number, dueOn: string | null, status: "compliant" | "due_soon" | "overdue" | "exempt" = "due_soon") => ({
      courseId,
      courseCode: courseId === 1 ? "PI-BASIC" : "MYNUM",
      courseTitle: "研修",
      dueOn,
      status,
    });
    const ev = trainingEvents(
      [row(1, "2026-12-01"), row(1, "2026-12-01"), row(1, "2026-12-01"), row(1, "2026-12-02"), row(2, "2026-12-01"), row(1, "2026-12-01", "exempt"), row(1, null, "compliant")],
      TODAY,
    );
    expect(ev.map((e) => [e.uid, e.values.count])).toEqual([
      ["training-1-2026-12-01", 3],
      ["training-1-2026-12-02", 1],
      ["training-2-2026-12-01", 1],
    ]);
    expect(ev[0].href).toBe("/training/status?course=1");
  });

  it("adds up rows that stand for several pairs (counted per course and day by the database)", () => {
    const row = (dueOn: string, count?: number) => ({ courseId: 1, courseCode: "PI-BASIC", courseTitle: "研修", dueOn, status: "due_soon" as const, count });
    const ev = trainingEvents([row("2026-12-01", 40), row("2026-12-01"), row("2026-12-02", 7)], TODAY);
    expect(ev.map((e) => [e.uid, e.values.count])).toEqual([
      ["training-1-2026-12-01", 41],
      ["training-1-2026-12-02", 7],
    ]);
  });
});

describe("the other collectors", () => {
  it("regulations: next review due, skipping none", () => {
    const ev = regulationEvents([{ id: 3, code: "R-01", title: "個人情報保護規程", nextReviewDue: "2027-01-10" }, { id: 4, code: "R-02", title: "x", nextReviewDue: null }], TODAY);
    expect(ev).toEqual([expect.objectContaining({ uid: "regulation-3-review", start: "2027-01-10", end: "2027-01-10", href: "/regulations/3", state: "planned" })]);
  });

  it("contractors: only those in use", () => {
    const ev = contractorEvents(
      [
        { id: 1, name: "A社", status: "approved", nextDueOn: "2026-12-01" },
        { id: 2, name: "B社", status: "terminated", nextDueOn: "2026-12-01" },
        { id: 3, name: "C社", status: "conditional", nextDueOn: "2026-10-01" },
        { id: 4, name: "D社", status: "approved", nextDueOn: null },
      ],
      TODAY,
    );
    expect(ev.map((e) => [e.uid, e.state])).toEqual([
      ["contractor-1-assessment", "due_soon"],
      ["contractor-3-assessment", "overdue"],
    ]);
  });

  it("audits: planned span before it starts, actual once started, done once reported", () => {
    const base = { id: 5, title: "内部監査", type: "conformance", plannedStart: "2026-12-07", plannedEnd: "2026-12-09", actualStart: null, actualEnd: null };
    expect(auditEvents([{ ...base, status: "planned" }], TODAY)[0]).toMatchObject({ uid: "audit-5", kind: "audit.planned", start: "2026-12-07", end: "2026-12-09", state: "due_soon" });
    expect(auditEvents([{ ...base, status: "in_progress", actualStart: "2026-12-08" }], TODAY)[0]).toMatchObject({ uid: "audit-5", kind: "audit.actual", start: "2026-12-08", end: "2026-12-09" });
    expect(auditEvents([{ ...base, status: "in_progress", actualStart: "2026-12-10" }], TODAY)[0]).toMatchObject({ start: "2026-12-10", end: "2026-12-10" });
    expect(auditEvents([{ ...base, status: "closed", actualStart: "2026-12-07", actualEnd: "2026-12-08" }], TODAY)[0]).toMatchObject({ end: "2026-12-08", state: "done" });
    expect(auditEvents([{ ...base, status: "planned", plannedStart: "2026-11-01", plannedEnd: "2026-11-02" }], TODAY)[0].state).toBe("overdue");
  });

  it("an audit in progress 1–10 December is in progress on every day of it, not overdue; overdue only once its end has passed unreported (issue 14)", () => {
    const running = { id: 7, title: "内部監査", type: "conformance", status: "in_progress", plannedStart: "2026-12-01", plannedEnd: "2026-12-10", actualStart: "2026-12-01", actualEnd: null };
    for (const day of ["2026-12-01", "2026-12-02", "2026-12-05", "2026-12-10"]) expect(auditEvents([running], day)[0].state, day).toBe("in_progress");
    expect(auditEvents([running], "2026-12-11")[0].state).toBe("overdue");
    // Its own end date counts once recorded: ended on the 3rd, still to be reported on the 5th.
    expect(auditEvents([{ ...running, actualEnd: "2026-12-03" }], "2026-12-05")[0].state).toBe("overdue");
    expect(auditEvents([{ ...running, actualEnd: "2026-12-03" }], "2026-12-03")[0].state).toBe("in_progress");
    // Started late (on the 4th): in progress, never "overdue" for the days before it started.
    expect(auditEvents([{ ...running, actualStart: "2026-12-04" }], "2026-12-06")[0]).toMatchObject({ start: "2026-12-04", end: "2026-12-10", state: "in_progress" });
    // A planned audit whose planned start has come is due that day, overdue the day after; reported: done.
    const planned = { ...running, status: "planned", actualStart: null };
    expect(auditEvents([planned], "2026-12-01")[0].state).toBe("due_soon");
    expect(auditEvents([planned], "2026-12-02")[0].state).toBe("overdue");
    expect(auditEvents([{ ...running, status: "reported", actualEnd: "2026-12-10" }], "2026-12-05")[0].state).toBe("done");
  });

  it("findings and review actions: only those not yet done", () => {
    const f = findingEvents(
      [
        { id: 1, auditId: 5, clauseRef: "A.3.3.1", description: "台帳の更新漏れ", dueDate: "2026-12-15", status: "open" },
        { id: 2, auditId: 5, clauseRef: null, description: "x", dueDate: "2026-12-15", status: "verified" },
        { id: 3, auditId: 5, clauseRef: null, description: "x", dueDate: null, status: "open" },
      ],
      TODAY,
    );
    expect(f.map((e) => [e.uid, e.href, e.values.clause])).toEqual([["finding-1-action", "/audits/5#finding-1", "A.3.3.1"]]);
    const a = reviewActionEvents(
      [
        { id: 9, reviewId: 2, description: "教育計画の見直し", dueDate: "2027-02-01", status: "open" },
        { id: 10, reviewId: 2, description: "x", dueDate: "2027-02-01", status: "done" },
      ],
      TODAY,
    );
    expect(a.map((e) => e.uid)).toEqual(["review-action-9"]);
  });

  it("P-mark: window opens, closes and expiry", () => {
    const ev = pmarkEvents({ id: 1, certificateNumber: "10820123(05)", validTo: "2027-08-31", windowOpens: "2026-12-31", windowCloses: "2027-04-30" }, TODAY);
    expect(ev.map((e) => [e.kind, e.start])).toEqual([
      ["pmark.windowOpens", "2026-12-31"],
      ["pmark.windowCloses", "2027-04-30"],
      ["pmark.expiry", "2027-08-31"],
    ]);
    expect(pmarkEvents(null, TODAY)).toEqual([]);
  });
});

describe("selection, states, visibility, summaries", () => {
  it("stateOf: today is not overdue, 30 days ahead is due soon, 31 is planned", () => {
    expect(stateOf("2026-11-23", TODAY)).toBe("overdue");
    expect(stateOf(TODAY, TODAY)).toBe("due_soon");
    expect(stateOf("2026-12-24", TODAY)).toBe("due_soon");
    expect(stateOf("2026-12-25", TODAY)).toBe("planned");
    expect(stateOf("2026-01-01", TODAY, true)).toBe("done");
  });

  it("selectEvents keeps events touching the range, of the asked types, in date order", () => {
    const audits = auditEvents([{ id: 1, title: "a", type: "conformance", status: "planned", plannedStart: "2026-11-28", plannedEnd: "2026-12-02", actualStart: null, actualEnd: null }], TODAY);
    const regs = regulationEvents([{ id: 1, code: "R", title: "r", nextReviewDue: "2026-12-01" }, { id: 2, code: "R2", title: "r", nextReviewDue: "2027-01-01" }], TODAY);
    const all = [...regs, ...audits];
    expect(selectEvents(all, "2026-12-01", "2026-12-31").map((e) => e.uid)).toEqual(["audit-1", "regulation-1-review"]);
    expect(selectEvents(all, "2026-12-01", "2026-12-31", ["regulation"]).map((e) => e.uid)).toEqual(["regulation-1-review"]);
    expect(selectEvents(all, "2026-12-03", "2026-12-31")).toEqual([]);
  });

  it("evidence: the current version's expiry on its day, linked to the record's page", () => {
    const rows = [{ evidenceId: 7, title: "委託契約書", fileName: "契約書.pdf", expiresOn: "2026-12-10", href: "/contractors/3" }];
    expect(evidenceEvents(rows, "2026-11-24")).toEqual([
      { uid: "evidence-7-expiry", type: "evidence", kind: "evidence.expiry", start: "2026-12-10", end: "2026-12-10", values: { title: "委託契約書", file: "契約書.pdf" }, href: "/contractors/3", state: "due_soon" },
    ]);
    expect(evidenceEvents(rows, "2026-12-11")[0].state).toBe("overdue");
  });

  it("register: each item's next review on its day, overdue from the next day (Tokyo dates), linked to the item", () => {
    const rows = [{ id: 4, code: "PI-004", name: "請求・入金管理情報", nextReviewDueOn: "2026-11-24" }];
    expect(registerReviewEvents(rows, "2026-11-24")).toEqual([
      { uid: "register-4-review", type: "register", kind: "register.review", start: "2026-11-24", end: "2026-11-24", values: { code: "PI-004", name: "請求・入金管理情報" }, href: "/register/4", state: "due_soon" },
    ]);
    expect(registerReviewEvents(rows, "2026-11-25")[0].state).toBe("overdue");
  });

  it("every role sees every type today; asking narrows", () => {
    expect(visibleTypes("executive")).toEqual([...CALENDAR_EVENT_TYPES]);
    expect(visibleTypes("hr", ["incident", "training"])).toEqual(["training", "incident"]);
  });

  it("summary comes from calendar.summary.<kind> with the values", () => {
    const t = (k: string, v?: Record<string, string | number>) => `${k}|${JSON.stringify(v)}`;
    expect(eventSummary({ kind: "training.due", values: { code: "PI", count: 5 } }, t)).toBe('calendar.summary.training.due|{"code":"PI","count":5}');
  });
});

describe("incidentActionEvents", () => {
  const row = (over: Partial<IncidentActionDueRow> = {}): IncidentActionDueRow => ({
    id: 7,
    incidentId: 3,
    reference: "INC-2026-003",
    description: "誤送信防止のため、外部宛てメールに送信前の確認画面を必須にする。",
    dueOn: "2026-12-10",
    doneOn: null,
    incidentOpen: true,
    ...over,
  });
  it("puts an open incident's corrective action not done on its due day, linking to the incident", () => {
    const [e] = incidentActionEvents([row()], "2026-11-24");
    expect(e).toMatchObject({
      uid: "incident-action-7",
      type: "incident",
      kind: "incident.correctiveAction",
      start: "2026-12-10",
      end: "2026-12-10",
      href: "/incidents/3",
      state: "due_soon",
      values: { reference: "INC-2026-003" },
    });
  });
  it("is overdue after its day; leaves out actions done and those of closed incidents", () => {
    expect(incidentActionEvents([row({ dueOn: "2026-11-23" })], "2026-11-24")[0].state).toBe("overdue");
    expect(incidentActionEvents([row({ doneOn: "2026-11-20" }), row({ id: 8, incidentOpen: false })], "2026-11-24")).toEqual([]);
  });
});
