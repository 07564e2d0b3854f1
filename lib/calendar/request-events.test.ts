import { describe, expect, it } from "vitest";
import { requestEvents } from "./events";
import { visibleTypes } from "./access";

describe("requests and provision records on the calendar (docs/domain.md §7)", () => {
  it("puts each open request on its due date and each provision record on the day it may be disposed of", () => {
    const events = requestEvents([{ id: 3, reference: "REQ-2026-003", dueOn: "2026-12-01" }], [{ id: 7, counterpartyName: "株式会社A", disposableFrom: "2026-11-30" }], "2026-12-02");
    expect(events).toEqual([
      expect.objectContaining({ uid: "request-3-answer", type: "request", kind: "request.due", start: "2026-12-01", state: "overdue", href: "/requests/3" }),
      expect.objectContaining({ uid: "provision-7-disposal", kind: "request.provisionDisposal", start: "2026-11-30", state: "due_soon", href: "/provisions/7" }),
    ]);
  });
  it("shows them to the roles that read requests, not to HR", () => {
    expect(visibleTypes("hr")).not.toContain("request");
    expect(visibleTypes("auditor")).toContain("request");
  });
});
