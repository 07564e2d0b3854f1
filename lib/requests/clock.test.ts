import { describe, expect, it } from "vitest";
import { pausedDays, requestClock, requestPauses, requestStage, type ClockFacts } from "./clock";

const r = (over: Partial<ClockFacts> = {}): ClockFacts => ({
  kind: "disclosure",
  receivedOn: "2026-06-10",
  identityRequestedOn: null,
  identityCheckedOn: null,
  feeRequestedOn: null,
  feePaidOn: null,
  feeWaived: false,
  answeredOn: null,
  withdrawnOn: null,
  ...over,
});

describe("request clock", () => {
  it("does not count the day of receipt: received 10 June, 14 days → due 24 June", () => {
    const c = requestClock(r(), 14, "2026-06-10");
    expect(c.dueOn).toBe("2026-06-24");
    expect(c.daysLeft).toBe(14);
    expect(c.state).toBe("pending");
  });
  it("is due soon from 3 days before, due on the day itself, late the day after", () => {
    expect(requestClock(r(), 14, "2026-06-20").state).toBe("pending");
    expect(requestClock(r(), 14, "2026-06-21").state).toBe("due_soon");
    expect(requestClock(r(), 14, "2026-06-24")).toMatchObject({ state: "due_soon", daysLeft: 0, late: false });
    expect(requestClock(r(), 14, "2026-06-25")).toMatchObject({ state: "late", daysLeft: -1, late: true });
  });
  it("crosses month and year ends and leap days on Tokyo calendar dates", () => {
    expect(requestClock(r({ receivedOn: "2026-01-31" }), 14, "2026-01-31").dueOn).toBe("2026-02-14");
    expect(requestClock(r({ receivedOn: "2026-12-25" }), 14, "2026-12-25").dueOn).toBe("2027-01-08");
    expect(requestClock(r({ receivedOn: "2028-02-20" }), 14, "2028-02-20").dueOn).toBe("2028-03-05");
    expect(requestClock(r({ receivedOn: "2027-02-20" }), 14, "2027-02-20").dueOn).toBe("2027-03-06");
    expect(requestClock(r({ receivedOn: "2026-03-31" }), 30, "2026-03-31").dueOn).toBe("2026-04-30");
  });
  it("pauses while the identity documents are awaited: the due date moves by the days waited", () => {
    const waiting = r({ identityRequestedOn: "2026-06-11" });
    const c = requestClock(waiting, 14, "2026-06-30");
    expect(c).toMatchObject({ state: "paused", paused: true, pausedDays: 19, dueOn: "2026-07-13", late: false });
    const done = r({ identityRequestedOn: "2026-06-11", identityCheckedOn: "2026-06-16" });
    expect(requestClock(done, 14, "2026-06-30")).toMatchObject({ paused: false, pausedDays: 5, dueOn: "2026-06-29", state: "late" });
  });
  it("pauses while the fee is awaited, not for kinds without a fee or a waived fee", () => {
    const fee = r({ identityCheckedOn: "2026-06-10", feeRequestedOn: "2026-06-12", feePaidOn: "2026-06-19" });
    expect(requestClock(fee, 14, "2026-06-20")).toMatchObject({ pausedDays: 7, dueOn: "2026-07-01" });
    expect(requestPauses({ ...fee, kind: "correction" })).toEqual([]);
    expect(requestPauses({ ...fee, feeWaived: true })).toEqual([]);
  });
  it("counts overlapping pauses once", () => {
    expect(
      pausedDays(
        [
          { reason: "identity", from: "2026-06-11", to: "2026-06-16" },
          { reason: "fee", from: "2026-06-14", to: "2026-06-20" },
        ],
        "2026-06-30",
      ),
    ).toBe(9);
    expect(pausedDays([{ reason: "fee", from: "2026-06-11", to: null }], "2026-06-11")).toBe(0);
    expect(pausedDays([], "2026-06-11")).toBe(0);
  });
  it("judges an answer on time or late against the due date, and closes a running pause at the answer", () => {
    expect(requestClock(r({ identityCheckedOn: "2026-06-10", feeWaived: true, answeredOn: "2026-06-24" }), 14, "2026-07-30")).toMatchObject({ state: "answered_on_time", daysLeft: null });
    expect(requestClock(r({ identityCheckedOn: "2026-06-10", feeWaived: true, answeredOn: "2026-06-25" }), 14, "2026-07-30")).toMatchObject({ state: "answered_late", late: true });
    // Refused for unconfirmed identity after waiting 10 days: the wait counts up to the answer.
    const refused = requestClock(r({ identityRequestedOn: "2026-06-11", answeredOn: "2026-06-21" }), 14, "2026-07-30");
    expect(refused).toMatchObject({ pausedDays: 10, dueOn: "2026-07-04", state: "answered_on_time" });
  });
  it("derives the stage from the dates", () => {
    expect(requestStage(r())).toBe("awaiting_identity");
    expect(requestStage(r({ identityCheckedOn: "2026-06-10" }))).toBe("awaiting_fee");
    expect(requestStage(r({ identityCheckedOn: "2026-06-10", feePaidOn: "2026-06-11" }))).toBe("in_progress");
    expect(requestStage(r({ kind: "correction", identityCheckedOn: "2026-06-10" }))).toBe("in_progress");
    expect(requestStage(r({ answeredOn: "2026-06-12" }))).toBe("answered");
    expect(requestStage(r({ withdrawnOn: "2026-06-12" }))).toBe("withdrawn");
    expect(requestClock(r({ withdrawnOn: "2026-06-12" }), 14, "2026-08-01").state).toBe("withdrawn");
  });
});
