import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as listRoute from "@/app/api/v1/incidents/route";
import * as itemRoute from "@/app/api/v1/incidents/[id]/route";
import * as outputRoute from "@/app/api/v1/incidents/[id]/outputs/[output]/route";
import { getDb } from "@/db";
import { auditLog, incidents } from "@/db/schema";
import { addDays, todayInTokyo } from "@/lib/dates";
import { call, signInAs } from "../support/api";
import { snapshot } from "../support/openapi-ops";

/**
 * PUT /api/v1/incidents/{id}/outputs/{output}: the regulator-outputs pages mark the PPC report, the
 * notice to the persons and the public statement as made on a day. The PPC reports and the notice
 * move the clocks; the statement fills its own date; every mark is a versioned, audited write.
 */

const today = todayInTokyo();
const day = addDays(today, -10);

async function reportable() {
  await signInAs("privacy_manager");
  const res = await call(listRoute, "POST", "/api/v1/incidents", {
    json: { title: "顧客名簿の誤送信", category: "misdirected", discoveredAt: `${day}T10:00`, description: "顧客1,500名分の名簿を誤送信した。", personsAffected: 1500 },
  });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: number; version: number };
}

const mark = (id: number, output: string, json: Record<string, unknown>) => call(outputRoute, "PUT", `/api/v1/incidents/${id}/outputs/${output}`, { params: { id, output }, json });
const stateOf = (body: { obligations: { key: string; state: string }[] }, key: string) => body.obligations.find((o) => o.key === key)?.state;

describe("marking an incident's outputs as made", () => {
  it("the notice and the PPC reports feed the clocks; the statement fills publiclyAnnouncedOn; each write is versioned and audited", async () => {
    const inc = await reportable();
    expect(inc.version).toBe(1);

    const notice = await mark(inc.id, "personsNotice", { madeOn: addDays(day, 3), version: 1 });
    expect(notice.status, notice.text).toBe(200);
    expect(notice.body).toMatchObject({ personsNotifiedOn: addDays(day, 3), personsNoticeLate: false, version: 2 });
    expect(stateOf(notice.body, "personsNotice")).toBe("done");

    const prelim = await mark(inc.id, "ppcPreliminary", { madeOn: addDays(day, 6), version: 2 });
    expect(prelim.status, prelim.text).toBe(200);
    expect(prelim.body).toMatchObject({ ppcPreliminaryReportedOn: addDays(day, 6), preliminaryReportLate: true, version: 3 });
    expect(stateOf(prelim.body, "ppcPreliminary")).toBe("done_late");

    const final = await mark(inc.id, "ppcFinal", { madeOn: today, version: 3 });
    expect(final.body).toMatchObject({ ppcFinalReportedOn: today, version: 4 });
    expect(stateOf(final.body, "ppcFinal")).toBe("done");

    const statement = await mark(inc.id, "publicStatement", { madeOn: addDays(day, 2), version: 4 });
    expect(statement.status, statement.text).toBe(200);
    expect(statement.body).toMatchObject({ publiclyAnnouncedOn: addDays(day, 2), version: 5 });
    // The statement has no clock: the obligations are those of the PPC, the notice and the P-mark body.
    expect(statement.body.obligations.map((o: { key: string }) => o.key)).toEqual(["ppcPreliminary", "ppcFinal", "personsNotice", "pmarkPreliminary", "pmarkFinal"]);

    // The detail reads what was written; the audit trail has one update per mark, with the column.
    const detail = await call(itemRoute, "GET", `/api/v1/incidents/${inc.id}`, { params: { id: inc.id } });
    expect(detail.body.incident).toMatchObject({ personsNotifiedOn: addDays(day, 3), publiclyAnnouncedOn: addDays(day, 2), version: 5 });
    const db = await getDb();
    const trail = await db.select().from(auditLog).where(and(eq(auditLog.entity, "incident"), eq(auditLog.entityId, String(inc.id))));
    expect(trail.map((t) => t.action)).toEqual(["create", "update", "update", "update", "update"]);
    expect(JSON.stringify(trail[4])).toContain("publiclyAnnouncedOn");

    // null undoes a mark made by mistake; the clock is open again.
    const undo = await mark(inc.id, "personsNotice", { madeOn: null, version: 5 });
    expect(undo.body).toMatchObject({ personsNotifiedOn: null, version: 6 });
    expect(stateOf(undo.body, "personsNotice")).toBe("late");

    // The same date again changes nothing: no new version, no audit entry.
    const same = await mark(inc.id, "ppcFinal", { madeOn: today, version: 6 });
    expect(same.body.version).toBe(6);
    const [row] = await db.select().from(incidents).where(eq(incidents.id, inc.id));
    expect(row.version).toBe(6);
  });

  it("refuses a day before discovery or in the future (400 on madeOn), a stale version (409), an unknown output or incident, and other roles", async () => {
    const inc = await reportable();
    const before = await mark(inc.id, "publicStatement", { madeOn: addDays(day, -1), version: 1 });
    expect(before.status).toBe(400);
    expect(before.body.errors[0]).toMatchObject({ field: "madeOn", code: "beforeDiscovery" });
    const future = await mark(inc.id, "ppcFinal", { madeOn: addDays(today, 1), version: 1 });
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ field: "madeOn", code: "inFuture" });
    expect((await mark(inc.id, "ppcFinal", { madeOn: "2026-02-30", version: 1 })).status).toBe(400);
    expect((await mark(inc.id, "pmarkFinal", { madeOn: today, version: 1 })).status).toBe(400);
    expect((await mark(inc.id, "ppcFinal", { madeOn: today })).status).toBe(400);
    expect((await mark(inc.id, "ppcFinal", { madeOn: today, version: 9 })).status).toBe(409);
    expect((await mark(999_999, "ppcFinal", { madeOn: today, version: 1 })).status).toBe(404);

    for (const role of ["hr", "auditor", "executive"] as const) {
      await signInAs(role);
      const snap = await snapshot();
      expect((await mark(inc.id, "personsNotice", { madeOn: today, version: 1 })).status).toBe(403);
      expect(await snapshot()).toEqual(snap);
    }
    await signInAs(null);
    expect((await mark(inc.id, "personsNotice", { madeOn: today, version: 1 })).status).toBe(401);
  });
});
