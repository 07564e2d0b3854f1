import { describe, expect, it } from "vitest";
import { DASHBOARD_SECTIONS, sectionOrder } from "./sections";
import { ROLES } from "@/lib/auth/roles";

describe("sectionOrder", () => {
  it("hr reads training first, the auditor audits first, executive and privacy manager the score", () => {
    expect(sectionOrder("hr")[0]).toBe("training");
    expect(sectionOrder("auditor")[0]).toBe("audits");
    expect(sectionOrder("executive")[0]).toBe("score");
    expect(sectionOrder("privacy_manager")[0]).toBe("score");
  });
  it("every role sees every section exactly once", () => {
    for (const role of ROLES) expect([...sectionOrder(role)].sort()).toEqual([...DASHBOARD_SECTIONS].sort());
  });
});
